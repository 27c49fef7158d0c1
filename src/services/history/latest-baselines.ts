import { type BaselineMark, BaselineMarkSchema } from '../../domain/history/baseline';
import { queryAll } from '../../storage/store';
import type { AppDeps } from '../deps';
import { portfolioPrefix } from '../snapshots/keys';

/**
 * The newest baseline of each project of a portfolio, one small record per project, so a page view
 * or a refresh reads every project's baseline with one query instead of each project's list.
 */
const latestPrefix = (portfolioId: string) => `${portfolioPrefix(portfolioId)}baseline-latest:`;

export async function writeLatestBaseline(
  deps: AppDeps,
  portfolioId: string,
  mark: BaselineMark,
): Promise<void> {
  await deps.store.set(`${latestPrefix(portfolioId)}${mark.projectKey}`, mark);
}

/** Project key -> newest baseline, for every project of the portfolio that has one. */
export async function readLatestBaselines(
  deps: AppDeps,
  portfolioId: string,
): Promise<Record<string, BaselineMark>> {
  const marks: Record<string, BaselineMark> = {};
  for await (const entry of queryAll(deps.store, latestPrefix(portfolioId))) {
    const parsed = BaselineMarkSchema.safeParse(entry.value);
    if (parsed.success) marks[parsed.data.projectKey] = parsed.data;
  }
  return marks;
}

/** A stamp that changes whenever a project's newest baseline does: part of cached views' keys. */
export function baselinesStamp(marks: Readonly<Record<string, BaselineMark>>): string {
  return Object.values(marks)
    .map((mark) => `${mark.projectKey}@${mark.capturedAt}`)
    .sort()
    .join(',');
}

import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core inside `frame` (the app's iframe) and answers its violations. The source is
 * evaluated through the DevTools protocol, which the app's CSP (no inline scripts) does not block.
 */
export async function runAxe(frame: Frame, options: { iframes?: boolean } = {}): Promise<AxeViolation[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async (iframes) => {
    interface AxeResult {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    // `iframes: false` on a frame page: the app iframes are checked on their own.
    const result = await axe.run(document, { resultTypes: ['violations'], iframes });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)),
    }));
  }, options.iframes ?? true);
}

/** The violations a user of a screen reader or keyboard would be blocked by. */
export function seriousOrWorse(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

import { z } from 'zod';
import type { FieldRole } from '../domain/field-roles';
import { type IssueLink, type PortfolioIssue, StatusCategoryKey } from '../domain/model';
import type { JiraIssue } from './schemas';

/** Site-specific custom field ids by role (discovered by name, confirmed by the admin). */
export type FieldMapping = Partial<Record<FieldRole, string>>;

/** Jira fields the portfolio engine reads, plus the mapped custom fields. Ask for nothing else. */
export function portfolioFields(mapping: FieldMapping): string[] {
  const standard = [
    'summary',
    'status',
    'issuetype',
    'project',
    'priority',
    'assignee',
    'labels',
    'parent',
    'created',
    'updated',
    'resolutiondate',
    'duedate',
    'issuelinks',
    'security',
  ];
  return [...standard, ...Object.values(mapping).filter((id): id is string => typeof id === 'string')];
}

/** A field of one issue that could not be read; the issue is kept with that field empty. */
export interface FieldProblem {
  issueKey: string;
  field: string;
  message: string;
}

const Named = z.object({ name: z.string() });
const StatusField = z.object({ name: z.string(), statusCategory: z.object({ key: StatusCategoryKey }) });
const LinkedIssue = z.object({
  key: z.string(),
  fields: z.object({ status: StatusField.optional() }).partial().optional(),
});
const IssueLinkField = z.object({
  type: z.object({ name: z.string() }),
  outwardIssue: LinkedIssue.optional(),
  inwardIssue: LinkedIssue.optional(),
});
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}/);
// Schemas are built once: constructing zod schemas per issue costs more than parsing with them.
const Keyed = z.object({ key: z.string() });
const Account = z.object({ accountId: z.string() });
const Text = z.string();
const Texts = z.array(z.string());
const Unknowns = z.array(z.unknown());
const NumberValue = z.number();
const RiskScale = z.coerce.number().int().min(1).max(5);
/** Scales come as numbers or as select options like "4 - Likely". */
const RiskScaleValue = z.union([
  z.number(),
  z.string(),
  z.object({ value: z.string() }).transform((option) => option.value),
]);

/** The `issuelinks` field as domain links; unreadable entries are reported and skipped. */
export function toIssueLinks(
  issueKey: string,
  rawLinks: readonly unknown[],
  problems: FieldProblem[],
): IssueLink[] {
  const links: IssueLink[] = [];
  for (const link of rawLinks) {
    const parsed = IssueLinkField.safeParse(link);
    if (!parsed.success) {
      problems.push({ issueKey, field: 'issuelinks', message: 'unreadable link skipped' });
      continue;
    }
    const other = parsed.data.outwardIssue ?? parsed.data.inwardIssue;
    if (!other) continue;
    links.push({
      type: parsed.data.type.name,
      direction: parsed.data.outwardIssue ? 'outward' : 'inward',
      otherKey: other.key,
      otherStatusCategory: other.fields?.status?.statusCategory.key ?? null,
    });
  }
  return links;
}

/**
 * Maps one Jira issue into the domain model. Fields of the wrong type are reported and left empty:
 * one odd issue never takes the whole portfolio down.
 */
export function toPortfolioIssue(
  issue: JiraIssue,
  mapping: FieldMapping,
  problems: FieldProblem[],
): PortfolioIssue | null {
  const fields = issue.fields;
  const read = <S extends z.ZodType>(field: string, schema: S): z.infer<S> | null => {
    const value = fields[field];
    if (value === undefined || value === null) return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ issueKey: issue.key, field, message: parsed.error.issues[0]?.message ?? 'unreadable' });
    return null;
  };

  const status = read('status', StatusField);
  const project = read('project', Keyed);
  const issueType = read('issuetype', Named);
  if (!status || !project || !issueType) {
    problems.push({
      issueKey: issue.key,
      field: 'status/project/issuetype',
      message: 'missing; issue skipped',
    });
    return null;
  }

  const links = toIssueLinks(issue.key, read('issuelinks', Unknowns) ?? [], problems);

  const readScale = (role: 'riskProbability' | 'riskImpact'): number | null => {
    const id = mapping[role];
    if (!id) return null;
    const raw = read(id, RiskScaleValue);
    if (raw === null) return null;
    // "4 - Likely" -> 4
    const scale = RiskScale.safeParse(typeof raw === 'string' ? raw.trim().split(/\s|-/)[0] : raw);
    if (scale.success) return scale.data;
    problems.push({ issueKey: issue.key, field: id, message: `not a 1-5 scale: ${JSON.stringify(raw)}` });
    return null;
  };

  return {
    id: issue.id,
    key: issue.key,
    projectKey: project.key,
    summary: read('summary', Text) ?? '',
    issueType: issueType.name,
    status: { name: status.name, category: status.statusCategory.key },
    priority: read('priority', Named)?.name ?? null,
    assigneeAccountId: read('assignee', Account)?.accountId ?? null,
    labels: read('labels', Texts) ?? [],
    parentKey: read('parent', Keyed)?.key ?? null,
    created: read('created', Text) ?? '',
    updated: read('updated', Text) ?? '',
    resolved: read('resolutiondate', Text),
    dueDate: read('duedate', DateOnly)?.slice(0, 10) ?? null,
    startDate: mapping.startDate ? (read(mapping.startDate, DateOnly)?.slice(0, 10) ?? null) : null,
    storyPoints: mapping.storyPoints ? read(mapping.storyPoints, NumberValue) : null,
    riskProbability: readScale('riskProbability'),
    riskImpact: readScale('riskImpact'),
    links,
    restricted: fields.security !== undefined && fields.security !== null,
    fields: pickCustomFields(fields, mapping),
  };
}

/** Keeps the mapped custom fields' raw values for rules that read them (ROAM, owner, team). */
function pickCustomFields(fields: Record<string, unknown>, mapping: FieldMapping): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const id of Object.values(mapping)) {
    if (id && fields[id] !== undefined) picked[id] = fields[id];
  }
  return picked;
}

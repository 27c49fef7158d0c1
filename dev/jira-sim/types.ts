/**
 * Compact in-memory records of the simulated site. Jira JSON is built from these per response
 * (see render.ts), so a 100,000-issue site stays small.
 */
import type { SimComponent, SimSprint, SimVersion } from './agile';
import type { SimPerson } from './users';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SimStatusCategory {
  id: number;
  key: StatusCategoryKey;
  name: string;
  colorName: string;
}

export interface SimStatus {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryKey;
  icon: string;
}

export interface SimIssueType {
  id: string;
  name: string;
  description: string;
  hierarchyLevel: number;
  subtask: boolean;
  avatarId: number;
}

export interface SimPriority {
  id: string;
  name: string;
  description: string;
  statusColor: string;
  icon: string;
  /** 1 = Highest ... 5 = Lowest. */
  rank: number;
}

export interface SimResolution {
  id: string;
  name: string;
  description: string;
}

/** An issue link type: `from <outward> to`, `to <inward> from` (e.g. "A blocks B", "B is blocked by A"). */
export interface SimLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface SimFieldSchema {
  type: string;
  system?: string;
  custom?: string;
  customId?: number;
  items?: string;
  configuration?: Record<string, unknown>;
}

export interface SimField {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: SimFieldSchema;
}

export interface SimCategory {
  id: string;
  name: string;
  description: string;
}

export interface SimSecurityLevel {
  id: string;
  name: string;
  description: string;
}

export interface SimTeam {
  id: string;
  name: string;
}

export interface SimOption {
  id: string;
  value: string;
}

export interface SimProject {
  id: number;
  key: string;
  name: string;
  description: string;
  categoryId: string | null;
  style: 'classic' | 'next-gen';
  typeKey: 'software' | 'business';
  leadAccountId: string;
  /** Set for team-managed (next-gen) projects. */
  uuid: string | null;
}

export interface SimIssue {
  id: number;
  key: string;
  /** Index into `SimDataset.projects`. */
  projectIdx: number;
  typeId: string;
  statusId: string;
  priorityId: string;
  resolutionId: string | null;
  summary: string;
  assignee: string | null;
  reporter: string;
  labels: readonly string[];
  /** Epoch milliseconds. */
  created: number;
  updated: number;
  resolved: number | null;
  statusChanged: number;
  /** `YYYY-MM-DD` or null. */
  duedate: string | null;
  /** customfield_10015 */
  startDate: string | null;
  /** customfield_10016 */
  storyPoints: number | null;
  /** customfield_10001 (team id) */
  teamId: string | null;
  /** customfield_10301 */
  riskProbability: number | null;
  /** customfield_10302 */
  riskImpact: number | null;
  /** customfield_10303 (account id) */
  riskOwner: string | null;
  /** customfield_10304 (option id) */
  roamId: string | null;
  parentId: number | null;
  securityLevelId: string | null;
  /** ADF document when edited through the API; otherwise generated from the summary. */
  description?: unknown;
  /** Component ids (see agile.ts); none when absent. */
  componentIds?: readonly string[];
  /** Fix version ids; none when absent. */
  fixVersionIds?: readonly string[];
  /** The sprint the issue is in (customfield_10020); the backlog when null or absent. */
  sprintId?: number | null;
}

/** `from <type.outward> to`: for Blocks, `from` blocks `to`. */
export interface SimLink {
  id: number;
  typeId: string;
  from: number;
  to: number;
}

export interface SimPlanted {
  /** Issue keys of each deliberately created cross-project Blocks cycle, in blocking order (k[i] blocks k[i+1], last blocks first). */
  cycles: string[][];
  /** Every open cross-project Blocks pair where the blocker is due after the issue it blocks (planted ones included). */
  dateConflicts: { blockerKey: string; blockedKey: string }[];
  /** A project where at least 25% of open issues are past due. */
  overdueHeavyProject: string;
  /** A project with no overdue open issues, no open blockers and no high risks ('' when projects < 2). */
  healthyProject: string;
}

export interface SimDataset {
  seed: number;
  /** ISO timestamp the data was generated relative to. */
  now: string;
  projects: SimProject[];
  issues: SimIssue[];
  links: SimLink[];
  people: SimPerson[];
  categories: SimCategory[];
  statusCategories: SimStatusCategory[];
  statuses: SimStatus[];
  issueTypes: SimIssueType[];
  priorities: SimPriority[];
  resolutions: SimResolution[];
  linkTypes: SimLinkType[];
  fields: SimField[];
  securityLevels: SimSecurityLevel[];
  teams: SimTeam[];
  roamOptions: SimOption[];
  planted: SimPlanted;
  versions: SimVersion[];
  components: SimComponent[];
  sprints: SimSprint[];
}

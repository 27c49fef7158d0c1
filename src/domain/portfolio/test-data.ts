import { compareIssueKeys } from '../dependencies/keys';
import type { IssueLink, PortfolioIssue, Project, StatusCategoryKey } from '../model';
import { seededRandom } from '../seeded-random';

/**
 * Synthetic portfolios for tests and benchmarks: deterministic (seeded), fast (100,000 issues in well
 * under a second), and shaped like a real site: mixed statuses, slipping due dates, missing estimates,
 * risks with and without scores, blocking links inside and across projects (both sides of each link, as
 * Jira reports them), and a few planted cycles.
 */

export interface TestPortfolioOptions {
  issues: number;
  projects?: number;
  seed?: number;
  now?: Date;
  /** Share of issues that block a later issue (default 0.05). */
  linkShare?: number;
  /** Share of those links that cross projects (default 0.3). */
  crossProjectShare?: number;
  /** Share of issues that are risks (default 0.02). */
  riskShare?: number;
  /** Three-issue cycles to plant across projects (default 2). */
  cycles?: number;
  /** Field id of the ROAM field written on risks (default "customfield_roam"). */
  roamFieldId?: string;
}

export interface TestPortfolio {
  projects: Project[];
  issues: PortfolioIssue[];
  /** The planted cycles, each as its sorted keys. */
  plantedCycles: string[][];
}

const DAY = 86_400_000;
const POINTS = [1, 2, 3, 5, 8, 13];
const ROAM = ['Owned', 'Accepted', 'Mitigated', 'Resolved', null] as const;

export function testProject(key: string, name = `Project ${key}`): Project {
  return {
    id: `1${key.length}${key.charCodeAt(0)}`,
    key,
    name,
    category: null,
    leadAccountId: null,
    avatarUrl: null,
    style: 'classic',
  };
}

/** A plain open story with no dates or links; override what a test cares about. */
export function testIssue(key: string, overrides: Partial<PortfolioIssue> = {}): PortfolioIssue {
  const projectKey = key.slice(0, key.lastIndexOf('-'));
  return {
    id: key,
    key,
    projectKey,
    summary: `Summary of ${key}`,
    issueType: 'Story',
    status: { name: 'To Do', category: 'new' },
    priority: null,
    assigneeAccountId: null,
    labels: [],
    parentKey: null,
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    resolved: null,
    dueDate: null,
    startDate: null,
    storyPoints: null,
    riskProbability: null,
    riskImpact: null,
    links: [],
    restricted: false,
    fields: {},
    ...overrides,
  };
}

export function generatePortfolio(options: TestPortfolioOptions): TestPortfolio {
  const random = seededRandom(options.seed ?? 1);
  const now = (options.now ?? new Date('2025-06-02T12:00:00Z')).getTime();
  const projectCount = Math.max(1, options.projects ?? 100);
  const linkShare = options.linkShare ?? 0.05;
  const crossShare = options.crossProjectShare ?? 0.3;
  const riskShare = options.riskShare ?? 0.02;
  const roamFieldId = options.roamFieldId ?? 'customfield_roam';
  const n = Math.max(0, options.issues);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const projects = Array.from({ length: projectCount }, (_, i) => testProject(`P${i}`));
  const issues: PortfolioIssue[] = new Array(n);
  const perProject = new Array<number>(projectCount).fill(0);
  for (let i = 0; i < n; i++) {
    const p = i % projectCount;
    perProject[p] = (perProject[p] as number) + 1;
    const key = `P${p}-${perProject[p]}`;
    const r = random();
    const category: StatusCategoryKey = r < 0.3 ? 'new' : r < 0.6 ? 'indeterminate' : 'done';
    const created = now - Math.floor(random() * 365 * DAY);
    const updated = created + Math.floor(random() * (now - created));
    const resolved = category === 'done' ? now - Math.floor(random() * 60 * DAY) : null;
    const isRisk = random() < riskShare;
    const roam = pick(ROAM);
    issues[i] = {
      id: String(10_000 + i),
      key,
      projectKey: `P${p}`,
      summary: `Issue ${key}`,
      issueType: isRisk ? 'Risk' : pick(['Story', 'Bug', 'Task', 'Epic']),
      status: {
        name: category === 'new' ? 'To Do' : category === 'indeterminate' ? 'In Progress' : 'Done',
        category,
      },
      priority: 'Medium',
      assigneeAccountId: random() < 0.8 ? `user-${Math.floor(random() * 50)}` : null,
      labels: [],
      parentKey: null,
      created: iso(created),
      updated: iso(updated),
      resolved: resolved === null ? null : iso(Math.max(resolved, created)),
      dueDate: random() < 0.7 ? isoDate(now + Math.floor((random() - 0.4) * 120) * DAY) : null,
      startDate: null,
      storyPoints: random() < 0.6 ? pick(POINTS) : null,
      riskProbability: isRisk && random() < 0.9 ? 1 + Math.floor(random() * 5) : null,
      riskImpact: isRisk && random() < 0.9 ? 1 + Math.floor(random() * 5) : null,
      links: [],
      restricted: random() < 0.01,
      fields: isRisk ? { [roamFieldId]: roam === null ? null : { value: roam } } : {},
    };
  }

  const link = (blocker: PortfolioIssue, blocked: PortfolioIssue, type: string) => {
    blocker.links.push(linkTo(type, 'outward', blocked));
    blocked.links.push(linkTo(type, 'inward', blocker));
  };
  // Links go from lower to higher positions, so the generated graph is acyclic until cycles are planted.
  const linkCount = Math.floor(n * linkShare);
  for (let l = 0; l < linkCount; l++) {
    const i = Math.floor(random() * (n - 1));
    let j: number;
    if (random() < crossShare) {
      j = i + 1 + Math.floor(random() * Math.min(n - i - 1, projectCount * 20));
    } else {
      const steps = 1 + Math.floor(random() * Math.min(20, Math.floor((n - 1 - i) / projectCount)));
      j = i + steps * projectCount;
      if (j >= n) j = i + 1;
    }
    if (j >= n || j === i) continue;
    link(issues[i] as PortfolioIssue, issues[j] as PortfolioIssue, random() < 0.8 ? 'Blocks' : 'Dependency');
  }

  const plantedCycles: string[][] = [];
  for (let c = 0; c < (options.cycles ?? 2) && n >= 3 * projectCount && projectCount >= 3; c++) {
    const base = Math.floor(random() * (n - 3 * projectCount));
    const members = [base, base + projectCount + 1, base + 2 * projectCount + 2].map((i) => {
      const issue = issues[i] as PortfolioIssue;
      if (issue.status.category === 'done') {
        issue.status = { name: 'In Progress', category: 'indeterminate' };
        issue.resolved = null;
      }
      return issue;
    });
    const [a, b, d] = members as [PortfolioIssue, PortfolioIssue, PortfolioIssue];
    link(a, b, 'Blocks');
    link(b, d, 'Blocks');
    link(d, a, 'Blocks');
    plantedCycles.push(members.map((m) => m.key).sort(compareIssueKeys));
  }
  // Statuses are final now: record each link's view of the other issue.
  const statusOf = new Map(issues.map((issue) => [issue.key, issue.status.category]));
  for (const issue of issues) {
    for (const l of issue.links) l.otherStatusCategory = statusOf.get(l.otherKey) ?? null;
  }
  return { projects, issues, plantedCycles };
}

function linkTo(type: string, direction: 'outward' | 'inward', other: PortfolioIssue): IssueLink {
  return { type, direction, otherKey: other.key, otherStatusCategory: other.status.category };
}

/**
 * Deterministic generator of a realistic Jira site: same (seed, projects, issuesPerProject, now) gives
 * the same dataset. Pure: no I/O, no global state.
 */
import { addAgileData } from './agile';
import {
  CATEGORIES,
  FIELDS,
  ISSUE_TYPE,
  ISSUE_TYPES,
  LINK_TYPE,
  LINK_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  ROAM_OPTIONS,
  SECURITY_LEVELS,
  STATUS,
  STATUS_CATEGORIES,
  STATUSES,
} from './catalog';
import { Prng, subSeed } from './prng';
import { DAY_MS, HOUR_MS, isoDate, MINUTE_MS, startOfUtcDay } from './time';
import type {
  SimDataset,
  SimIssue,
  SimLink,
  SimPlanted,
  SimProject,
  SimTeam,
  StatusCategoryKey,
} from './types';
import { SIM_USERS, type SimPerson, simUser, TEAM_PROJECT_COUNT, toPerson } from './users';

export interface GenerateOptions {
  seed: number;
  projects: number;
  issuesPerProject: number;
  now: Date;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_PROJECTS = 12;
export const DEFAULT_ISSUES_PER_PROJECT = 120;

/** Summaries carrying script payloads: the app must render them as text. */
export const XSS_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>',
  '"><svg onload=alert(document.domain)>',
] as const;

const CODENAMES = [
  'Atlas',
  'Beacon',
  'Comet',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Keystone',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orion',
  'Pioneer',
  'Quartz',
  'Raven',
  'Summit',
  'Titan',
  'Unity',
  'Vertex',
  'Willow',
  'Xenon',
  'Yukon',
  'Zephyr',
  'Aurora',
  'Borealis',
  'Cascade',
  'Dynamo',
  'Everest',
  'Fjord',
  'Glacier',
  'Horizon',
  'Indigo',
  'Jasper',
  'Kestrel',
  'Lighthouse',
  'Mosaic',
  'Nova',
  'Onyx',
  'Polaris',
  'Quasar',
  'Redwood',
  'Sierra',
  'Tundra',
  'Umbra',
  'Vanguard',
  'Wavelength',
  'Zenith',
] as const;

/** [domain, category index or null] */
const DOMAINS: readonly (readonly [string, number | null])[] = [
  ['Platform', 1],
  ['Mobile App', 0],
  ['Payments', 0],
  ['Data Lake', 1],
  ['Checkout', 0],
  ['Identity', 1],
  ['Cloud Migration', 1],
  ['Logistics', 2],
  ['Analytics', 1],
  ['CRM Rollout', 2],
  ['Onboarding', 0],
  ['Billing', 0],
  ['Search', 0],
  ['Notifications', 1],
  ['Partner Portal', 0],
  ['Supply Chain', 2],
  ['HR Systems', null],
  ['Finance Close', 2],
  ['Customer Portal', 0],
  ['Pricing Engine', 0],
  ['Observability', 1],
  ['Security Hardening', 1],
  ['Warehouse', 2],
  ['Marketplace', 0],
  ['Loyalty', 0],
  ['ERP Upgrade', 2],
  ['Compliance', null],
  ['Field Service', 2],
  ['Content Platform', 0],
  ['Office Move', null],
];

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiroshi',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Maya',
  'Nikolai',
  'Olivia',
  'Priya',
  'Quentin',
  'Rosa',
  'Sanjay',
  'Tess',
  'Umar',
  'Valeria',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zara',
  'Aisha',
  'Bruno',
  'Camille',
  'Diego',
  'Freya',
  'Gustav',
  'Hana',
  'Ivan',
  'Jade',
  'Kenji',
];
const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Petrov',
  'García',
  'Haddad',
  'Nakamura',
  "O'Brien",
  'Schmidt',
  'Kowalski',
  'Iyer',
  'Murphy',
  'Rossi',
  'Chen',
  'Dubois',
  'Fernandes',
  'Novak',
  'Singh',
  'Tanaka',
  'Walker',
  'Yilmaz',
  'Andersen',
  'Baptiste',
  'Costa',
  'Dlamini',
  'Eriksen',
  'Fischer',
  'Gallagher',
];
const TEAM_NAMES = [
  'Platform Squad',
  'Mobile Crew',
  'Payments Guild',
  'Data Wranglers',
  'Checkout Heroes',
  'Identity & Access',
  'SRE',
  'Integrations',
  'Growth',
  'Core Services',
  'Design System',
  'Finance Systems',
  'Ops Excellence',
  'Customer Journeys',
];
const LABELS = [
  'backend',
  'frontend',
  'infra',
  'security',
  'compliance',
  'customer-facing',
  'tech-debt',
  'q3-okr',
  'migration',
  'performance',
  'ux',
  'data',
  'regulatory',
  'vendor',
  'quick-win',
];
const VERBS = [
  'Implement',
  'Migrate',
  'Refactor',
  'Add',
  'Improve',
  'Automate',
  'Document',
  'Harden',
  'Upgrade',
  'Deprecate',
  'Integrate',
  'Optimise',
  'Validate',
  'Design',
  'Roll out',
  'Investigate',
];
const OBJECTS = [
  'payment retries',
  'SSO login',
  'audit logging',
  'CSV export',
  'search indexing',
  'rate limiting',
  'feature flags',
  'onboarding emails',
  'order history API',
  'data retention job',
  'push notifications',
  'invoice PDFs',
  'GDPR deletion flow',
  'dashboard widgets',
  'vendor API client',
  'caching layer',
  'error budget alerts',
  'mobile deep links',
  'role-based access',
  'release pipeline',
  'accessibility fixes',
  'price calculation',
  'tax rules',
  'address validation',
  'session timeout',
  'backup restore drill',
];
const COMPONENTS = [
  'checkout service',
  'auth gateway',
  'reporting module',
  'iOS app',
  'Android app',
  'admin console',
  'billing worker',
  'data pipeline',
  'public API',
  'web frontend',
  'notification service',
  'search cluster',
];
const SYMPTOMS = [
  'returns 500',
  'times out',
  'shows wrong totals',
  'crashes on launch',
  'drops events',
  'double-charges customers',
  'ignores the locale',
  'leaks memory',
  'renders a blank page',
  'rejects valid input',
];
const CONDITIONS = [
  'the cart has more than 50 items',
  'the user switches language',
  'the token expires',
  'the network is offline',
  'running on Safari',
  'importing large CSV files',
  'daylight saving time changes',
  'two admins edit at once',
];
const PERSONAS = [
  'customer',
  'admin',
  'support agent',
  'finance analyst',
  'partner',
  'new user',
  'store manager',
];
const ACTIONS = [
  'export my invoices as CSV',
  'reset my password without calling support',
  'see order status in real time',
  'filter reports by region',
  'approve refunds in bulk',
  'save a draft order',
  'switch between accounts',
  'get alerts when stock is low',
  'download audit logs',
  'manage team permissions',
];
const RISKS = [
  'Vendor API deprecation may delay the {domain} launch',
  'Key engineer leaving could stall the {component}',
  'Regulatory change may force rework of {object}',
  'Cloud costs may exceed budget for the {component}',
  'Third-party SDK licence terms may block the release',
  'Data migration may not fit the cut-over window',
  'Peak-load performance of the {component} is unproven',
  'Security review may find issues in {object}',
  'Supplier delivery of hardware may slip by a quarter',
];
const ASSUMPTIONS = [
  'The {component} team has capacity in Q{q}',
  'Legacy {component} stays read-only during the migration',
  'Customers accept the new {object}',
  'Budget for {domain} is confirmed at the next steering committee',
];
const DECISIONS = [
  'Use {tech} for the {component}',
  'Defer {object} to the next release',
  'Retire the legacy {component} after cut-over',
  'Buy rather than build {object}',
];
const TECHS = [
  'PostgreSQL',
  'Kafka',
  'GraphQL',
  'Kubernetes',
  'Redis',
  'OpenTelemetry',
  'React Native',
  'Terraform',
];

const TYPE_WEIGHTS: readonly (readonly [string, number])[] = [
  [ISSUE_TYPE.story, 36],
  [ISSUE_TYPE.task, 20],
  [ISSUE_TYPE.bug, 14],
  [ISSUE_TYPE.epic, 6],
  [ISSUE_TYPE.subtask, 6],
  [ISSUE_TYPE.risk, 10],
  [ISSUE_TYPE.assumption, 4],
  [ISSUE_TYPE.decision, 4],
];
const PRIORITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['1', 5],
  ['2', 20],
  ['3', 50],
  ['4', 15],
  ['5', 10],
];
const STORY_POINTS = [1, 2, 3, 5, 8, 13] as const;

const STATUS_BY_CATEGORY: Record<StatusCategoryKey, readonly (readonly [string, number])[]> = {
  new: [
    [STATUS.toDo, 60],
    [STATUS.backlog, 40],
  ],
  indeterminate: [
    [STATUS.inProgress, 60],
    [STATUS.inReview, 25],
    [STATUS.blocked, 15],
  ],
  done: [
    [STATUS.done, 85],
    [STATUS.closed, 15],
  ],
};

const STATUS_CATEGORY_OF = new Map(STATUSES.map((s) => [s.id, s.category]));

export function statusCategoryOf(statusId: string): StatusCategoryKey {
  const c = STATUS_CATEGORY_OF.get(statusId);
  if (!c) throw new Error(`unknown status ${statusId}`);
  return c;
}

export function isOpen(issue: Pick<SimIssue, 'statusId'>): boolean {
  return statusCategoryOf(issue.statusId) !== 'done';
}

function fill(template: string, rng: Prng, domain: string): string {
  return template
    .replace('{domain}', domain)
    .replace('{component}', rng.pick(COMPONENTS))
    .replace('{object}', rng.pick(OBJECTS))
    .replace('{tech}', rng.pick(TECHS))
    .replace('{q}', String(rng.int(1, 4)));
}

function summaryFor(typeId: string, rng: Prng, domain: string): string {
  switch (typeId) {
    case ISSUE_TYPE.epic:
      return rng.chance(0.5)
        ? `${domain}: ${rng.pick(VERBS).toLowerCase()} ${rng.pick(OBJECTS)}`
        : `${rng.pick(VERBS)} ${rng.pick(OBJECTS)} end to end`;
    case ISSUE_TYPE.story: {
      const persona = rng.pick(PERSONAS);
      return `As ${/^[aeiou]/.test(persona) ? 'an' : 'a'} ${persona}, I can ${rng.pick(ACTIONS)}`;
    }
    case ISSUE_TYPE.task:
      return `${rng.pick(VERBS)} ${rng.pick(OBJECTS)} in the ${rng.pick(COMPONENTS)}`;
    case ISSUE_TYPE.bug:
      return `${capitalise(rng.pick(COMPONENTS))} ${rng.pick(SYMPTOMS)} when ${rng.pick(CONDITIONS)}`;
    case ISSUE_TYPE.subtask:
      return rng.pick([
        `Write unit tests for ${rng.pick(OBJECTS)}`,
        `Update runbook for ${rng.pick(OBJECTS)}`,
        `Code review: ${rng.pick(OBJECTS)}`,
      ]);
    case ISSUE_TYPE.risk:
      return fill(rng.pick(RISKS), rng, domain);
    case ISSUE_TYPE.assumption:
      return fill(rng.pick(ASSUMPTIONS), rng, domain);
    default:
      return fill(rng.pick(DECISIONS), rng, domain);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function uuidFrom(rng: Prng): string {
  const h = rng.hex24() + rng.hex24();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function projectKey(i: number): string {
  const code = CODENAMES[i % CODENAMES.length] ?? 'PROJ';
  const round = Math.floor(i / CODENAMES.length);
  return round === 0 ? code.toUpperCase() : `${code.slice(0, 7).toUpperCase()}${round + 1}`;
}

interface ProjectPlan {
  project: SimProject;
  domain: string;
  members: string[];
  teams: SimTeam[];
  start: number;
}

export function generateDataset(options: GenerateOptions): SimDataset {
  const { seed } = options;
  const nProjects = Math.max(1, Math.floor(options.projects));
  const perProject = Math.max(1, Math.floor(options.issuesPerProject));
  const now = options.now.getTime();
  const today = isoDate(now);
  const rng = new Prng(subSeed(seed, 'dataset'));

  // People: the fixed login users who take part in projects, plus generated colleagues.
  const people: SimPerson[] = SIM_USERS.map(toPerson);
  const personCount = Math.min(150, Math.max(20, 10 + 3 * nProjects));
  const usedNames = new Set<string>();
  for (let i = 0; i < personCount; i++) {
    let name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    while (usedNames.has(name)) name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    usedNames.add(name);
    const email = `${name
      .toLowerCase()
      .replace(/[^a-z ]/g, '')
      .replace(' ', '.')}@pmo-sim.example`;
    people.push({ accountId: rng.hex24(), displayName: name, emailAddress: email, accountType: 'atlassian' });
  }
  const colleagues = people.slice(SIM_USERS.length).map((p) => p.accountId);
  const teams: SimTeam[] = TEAM_NAMES.map((name) => ({ id: uuidFrom(rng), name }));

  // Projects.
  const nextGenIdx = nProjects > 4 ? 4 : nProjects - 1;
  const plans: ProjectPlan[] = [];
  for (let i = 0; i < nProjects; i++) {
    const code = CODENAMES[i % CODENAMES.length] ?? 'Project';
    const [domain, catIdx] = i === 0 ? (DOMAINS[0] as readonly [string, number | null]) : rng.pick(DOMAINS);
    const round = Math.floor(i / CODENAMES.length);
    const name = round === 0 ? `${code} ${domain}` : `${code} ${domain} ${round + 1}`;
    const category = i % 7 === 6 || catIdx === null ? null : (CATEGORIES[catIdx]?.id ?? null);
    const members = rng.sample(colleagues, rng.int(4, 7));
    const leadAccountId = members[0] ?? colleagues[0] ?? simUser('pmo').accountId;
    const project: SimProject = {
      id: 10000 + i,
      key: projectKey(i),
      name,
      description: `${name}: ${domain.toLowerCase()} delivery programme run by the ${rng.pick(TEAM_NAMES)} team.`,
      categoryId: category,
      style: i === nextGenIdx ? 'next-gen' : 'classic',
      typeKey: i % 11 === 10 ? 'business' : 'software',
      leadAccountId,
      uuid: i === nextGenIdx ? uuidFrom(rng) : null,
    };
    if (i < TEAM_PROJECT_COUNT) members.push(simUser('team').accountId, simUser('team').accountId);
    plans.push({
      project,
      domain,
      members,
      teams: rng.sample(teams, rng.int(1, 2)),
      start: startOfUtcDay(now) - rng.int(200, 540) * DAY_MS + rng.int(8, 10) * HOUR_MS,
    });
  }
  const healthyIdx = nProjects >= 2 ? nProjects - 1 : -1;
  const overdueIdx = nProjects >= 4 ? 2 : 0;
  const profiles = assignProfiles(nProjects, overdueIdx, healthyIdx);

  // Issues.
  const issues: SimIssue[] = [];
  const byProject: SimIssue[][] = [];
  const pmoId = simUser('pmo').accountId;
  const adminId = simUser('admin').accountId;
  for (let p = 0; p < nProjects; p++) {
    const plan = plans[p] as ProjectPlan;
    const list: SimIssue[] = [];
    const epics: number[] = [];
    const workItems: number[] = [];
    const span = Math.max(DAY_MS, now - DAY_MS - plan.start);
    for (let n = 1; n <= perProject; n++) {
      let typeId = n === 1 ? ISSUE_TYPE.epic : rng.weighted(TYPE_WEIGHTS);
      if (typeId === ISSUE_TYPE.subtask && workItems.length === 0) typeId = ISSUE_TYPE.task;
      const created = Math.min(
        now - HOUR_MS,
        plan.start + Math.floor(((n - 1) / perProject) * span) + rng.int(0, 20 * HOUR_MS),
      );
      const age = (now - created) / Math.max(1, now - plan.start); // 1 = oldest
      let doneP = 0.1 + 0.65 * age;
      let progressP = 0.3;
      if (typeId === ISSUE_TYPE.decision) doneP = 0.75;
      if (typeId === ISSUE_TYPE.epic) {
        doneP *= 0.6;
        progressP = 0.6;
      }
      if (typeId === ISSUE_TYPE.risk || typeId === ISSUE_TYPE.assumption) doneP *= 0.5;
      const r = rng.next();
      const category: StatusCategoryKey =
        r < doneP ? 'done' : r < doneP + progressP * (1 - doneP) ? 'indeterminate' : 'new';
      const statusId = rng.weighted(STATUS_BY_CATEGORY[category]);
      const statusChanged = category === 'new' ? created : rng.int(created, now - MINUTE_MS);
      const resolved = category === 'done' ? statusChanged : null;
      const updated = Math.max(
        statusChanged,
        Math.min(now - MINUTE_MS, statusChanged + rng.int(0, 20 * DAY_MS)),
      );
      let resolutionId: string | null = null;
      if (category === 'done') {
        resolutionId =
          typeId === ISSUE_TYPE.bug && rng.chance(0.08) ? '10002' : rng.chance(0.9) ? '10000' : '10001';
      }

      const dueChance =
        typeId === ISSUE_TYPE.epic
          ? 0.9
          : typeId === ISSUE_TYPE.risk
            ? 0.5
            : typeId === ISSUE_TYPE.decision
              ? 0.3
              : 0.75;
      let duedate: string | null = null;
      if (rng.chance(dueChance)) {
        if (category === 'done') duedate = isoDate((resolved ?? now) + rng.int(-14, 14) * DAY_MS);
        else if (rng.chance(p === overdueIdx ? 0.45 : 0.14)) duedate = isoDate(now - rng.int(1, 45) * DAY_MS);
        else duedate = isoDate(now + rng.int(3, 120) * DAY_MS);
      }
      let startDate: string | null = null;
      if (
        (typeId === ISSUE_TYPE.story || typeId === ISSUE_TYPE.task || typeId === ISSUE_TYPE.epic) &&
        rng.chance(0.5)
      ) {
        const s = created + rng.int(0, 10) * DAY_MS;
        startDate = isoDate(duedate ? Math.min(s, Date.parse(`${duedate}T00:00:00Z`)) : s);
      }
      const isWork = typeId === ISSUE_TYPE.story || typeId === ISSUE_TYPE.task || typeId === ISSUE_TYPE.bug;
      const storyPoints =
        (isWork && rng.chance(0.8)) || (typeId === ISSUE_TYPE.subtask && rng.chance(0.3))
          ? rng.pick(STORY_POINTS)
          : null;
      const isRaid =
        typeId === ISSUE_TYPE.risk || typeId === ISSUE_TYPE.assumption || typeId === ISSUE_TYPE.decision;
      const teamId = !isRaid && rng.chance(0.85) ? rng.pick(plan.teams).id : null;

      let riskProbability: number | null = null;
      let riskImpact: number | null = null;
      let riskOwner: string | null = null;
      let roamId: string | null = null;
      if (typeId === ISSUE_TYPE.risk) {
        riskProbability = rng.chance(0.88) ? rng.int(1, 5) : null;
        riskImpact = rng.chance(0.85) ? rng.int(1, 5) : null;
        riskOwner = rng.chance(0.7) ? (rng.chance(0.15) ? pmoId : rng.pick(plan.members)) : null;
        if (category === 'done') roamId = rng.chance(0.8) ? '10400' : '10403';
        else if (rng.chance(0.6)) roamId = rng.pick(['10401', '10402', '10403']);
      }

      let parentId: number | null = null;
      if (typeId === ISSUE_TYPE.subtask) parentId = rng.pick(workItems);
      else if ((isWork && rng.chance(0.7)) || (typeId === ISSUE_TYPE.risk && rng.chance(0.3))) {
        if (epics.length > 0) parentId = rng.pick(epics);
      }

      const labelCount = rng.weighted([
        [0, 40],
        [1, 35],
        [2, 18],
        [3, 7],
      ] as const);
      const labels = labelCount === 0 ? EMPTY_LABELS : rng.sample(LABELS, labelCount).sort();
      const assignee = rng.chance(0.85) ? (rng.chance(0.03) ? adminId : rng.pick(plan.members)) : null;
      const reporter = rng.chance(0.2) ? pmoId : rng.pick(plan.members);

      const id = 10000 + issues.length;
      const issue: SimIssue = {
        id,
        key: `${plan.project.key}-${n}`,
        projectIdx: p,
        typeId,
        statusId,
        priorityId: rng.weighted(PRIORITY_WEIGHTS),
        resolutionId,
        summary: summaryFor(typeId, rng, plan.domain),
        assignee,
        reporter,
        labels,
        created,
        updated,
        resolved,
        statusChanged,
        duedate,
        startDate,
        storyPoints,
        teamId,
        riskProbability,
        riskImpact,
        riskOwner,
        roamId,
        parentId,
        securityLevelId: null,
      };
      issues.push(issue);
      list.push(issue);
      if (typeId === ISSUE_TYPE.epic) epics.push(id);
      if (isWork) workItems.push(id);
    }
    byProject.push(list);
  }
  const byId = (id: number): SimIssue => issues[id - 10000] as SimIssue;

  // Links. A single global random rank orients every blocking link (Blocks, Dependency) so the random
  // ones form a DAG: the only cycles in the blocking graph are the planted ones.
  const linkRng = new Prng(subSeed(seed, 'links'));
  const rank = new Float64Array(issues.length);
  for (let i = 0; i < issues.length; i++) rank[i] = linkRng.next();
  const links: SimLink[] = [];
  const linkKeys = new Set<string>();
  const planted = new Set<number>();
  const addLink = (typeId: string, from: number, to: number, allowReverse = false): boolean => {
    if (from === to) return false;
    const k = from < to ? `${from}:${to}` : `${to}:${from}`;
    const directed = `${from}>${to}`;
    if (linkKeys.has(directed) || (linkKeys.has(k) && !allowReverse)) return false;
    linkKeys.add(k);
    linkKeys.add(directed);
    links.push({ id: 10000 + links.length, typeId, from, to });
    return true;
  };
  const linkable = issues.filter((i) => i.projectIdx !== healthyIdx);
  const pool = Array.from({ length: nProjects }, (_, i) => i).filter((i) => i !== healthyIdx);
  const pickOpen = (projectIdx: number): SimIssue | undefined => {
    const list = byProject[projectIdx] ?? [];
    const preferred = list.filter(
      (i) =>
        !planted.has(i.id) &&
        isOpen(i) &&
        (i.typeId === ISSUE_TYPE.story || i.typeId === ISSUE_TYPE.task || i.typeId === ISSUE_TYPE.bug),
    );
    const open = preferred.length > 0 ? preferred : list.filter((i) => !planted.has(i.id) && isOpen(i));
    const candidates = open.length > 0 ? open : list.filter((i) => !planted.has(i.id));
    if (candidates.length === 0) return undefined;
    const chosen = linkRng.pick(candidates);
    if (!isOpen(chosen)) reopen(chosen, now);
    return chosen;
  };

  // Planted cycles (cross-project Blocks): k[0] blocks k[1] ... last blocks k[0].
  const cycles: string[][] = [];
  const m = pool.length;
  if (m >= 2) {
    const specs: { offset: number; length: number }[] = [{ offset: 0, length: m >= 3 ? 3 : 2 }];
    specs.push({ offset: 3, length: (4 - 1) % m === 0 ? 3 : 4 });
    if (m >= 12) specs.push({ offset: 7, length: 5 });
    for (const spec of specs) {
      const members: SimIssue[] = [];
      for (let i = 0; i < spec.length; i++) {
        const projectIdx = pool[(spec.offset + i) % m] as number;
        const issue = pickOpen(projectIdx);
        if (!issue) break;
        planted.add(issue.id);
        members.push(issue);
      }
      if (members.length !== spec.length) continue;
      for (let i = 0; i < members.length; i++) {
        const a = members[i] as SimIssue;
        const b = members[(i + 1) % members.length] as SimIssue;
        addLink(LINK_TYPE.blocks, a.id, b.id, true);
      }
      cycles.push(members.map((i) => i.key));
    }
  }

  // Planted date conflicts: an open blocker due after the open issue it blocks, in another project.
  const conflictBlockers = new Set<number>();
  if (m >= 2) {
    const wanted = Math.max(3, Math.round(issues.length * 0.002));
    // The blocked side lives in a project that is already in trouble (the conflict hosts), one each.
    const hosts = conflictHosts(profiles, pool);
    let made = 0;
    for (let attempt = 0; attempt < wanted * 4 && made < wanted; attempt++) {
      const pa = hosts[made % hosts.length] as number;
      let pb = linkRng.pick(pool);
      if (pb === pa) pb = pool[(pool.indexOf(pa) + 1) % m] as number;
      const a = pickOpen(pa);
      if (!a) continue;
      planted.add(a.id);
      const b = pickOpen(pb);
      if (!b) continue;
      planted.add(b.id);
      const [blocker, blocked] = [b, a];
      const blockedDue = now + linkRng.int(5, 60) * DAY_MS;
      blocked.duedate = isoDate(blockedDue);
      blocker.duedate = isoDate(blockedDue + linkRng.int(7, 30) * DAY_MS);
      if (addLink(LINK_TYPE.blocks, blocker.id, blocked.id)) {
        made++;
        conflictBlockers.add(blocker.id);
      }
    }
  }

  // Random links, excluding the healthy project and the planted issues for blocking types. Calm projects
  // (on track) take part in blocking links with resolved issues only, so they have no open blockers.
  const free = linkable.filter(
    (i) => !planted.has(i.id) && (!isOpen(i) || !CALM_PROFILES.has(profiles[i.projectIdx] ?? 'green')),
  );
  const orient = (a: SimIssue, b: SimIssue): [number, number] =>
    (rank[a.id - 10000] ?? 0) < (rank[b.id - 10000] ?? 0) ? [a.id, b.id] : [b.id, a.id];
  const randomLinks = (count: number, typeId: string, crossProject: boolean, candidates: SimIssue[]) => {
    if (candidates.length < 2) return;
    for (let made = 0, tries = 0; made < count && tries < count * 10; tries++) {
      const a = linkRng.pick(candidates);
      const b = linkRng.pick(candidates);
      if (crossProject ? a.projectIdx === b.projectIdx : a.projectIdx !== b.projectIdx) continue;
      const [from, to] = orient(a, b);
      if (addLink(typeId, from, to)) made++;
    }
  };
  if (pool.length >= 2) {
    randomLinks(Math.round(issues.length * 0.06), LINK_TYPE.blocks, true, free);
    randomLinks(Math.round(issues.length * 0.015), LINK_TYPE.dependency, true, free);
  }
  randomLinks(Math.round(issues.length * 0.02), LINK_TYPE.blocks, false, free);
  randomLinks(Math.round(issues.length * 0.03), LINK_TYPE.relates, false, issues);
  if (nProjects >= 2) randomLinks(Math.round(issues.length * 0.01), LINK_TYPE.relates, true, issues);
  const bugs = issues.filter((i) => i.typeId === ISSUE_TYPE.bug);
  randomLinks(Math.round(issues.length * 0.005), LINK_TYPE.duplicate, false, bugs);
  randomLinks(Math.round(issues.length * 0.003), LINK_TYPE.cloners, false, issues);

  // Issue security on ~3% of issues (never on planted ones, so every role sees the ground truth).
  const secRng = new Prng(subSeed(seed, 'security'));
  for (const issue of issues) {
    if (!planted.has(issue.id) && secRng.chance(0.03))
      issue.securityLevelId = secRng.pick(SECURITY_LEVELS).id;
  }

  // XSS payloads in a few summaries (at least one).
  const xssRng = new Prng(subSeed(seed, 'xss'));
  const xssTarget = byProject[Math.min(1, nProjects - 1)]?.[Math.min(2, perProject - 1)];
  for (const issue of issues) {
    if (issue === xssTarget || xssRng.chance(0.003)) {
      issue.summary = `${issue.summary} ${xssRng.pick(XSS_PAYLOADS)}`;
    }
  }

  // The healthy project: nothing overdue, nothing blocked, no high risks.
  if (healthyIdx >= 0) {
    const fixRng = new Prng(subSeed(seed, 'healthy'));
    for (const issue of byProject[healthyIdx] ?? []) {
      if (!isOpen(issue)) continue;
      if (issue.duedate !== null && issue.duedate < today)
        issue.duedate = isoDate(now + fixRng.int(5, 90) * DAY_MS);
      if (issue.statusId === STATUS.blocked) issue.statusId = STATUS.inProgress;
      if (issue.priorityId === '1') issue.priorityId = '3';
      if (issue.typeId === ISSUE_TYPE.risk) {
        if (issue.riskProbability !== null) issue.riskProbability = Math.min(issue.riskProbability, 2);
        if (issue.riskImpact !== null) issue.riskImpact = Math.min(issue.riskImpact, 2);
        if (issue.riskProbability === null) issue.riskProbability = 1;
        if (issue.riskImpact === null) issue.riskImpact = 2;
        if (issue.priorityId === '2') issue.priorityId = '4';
      }
    }
  }

  // The overdue-heavy project: at least 30% of its open issues past due.
  {
    const fixRng = new Prng(subSeed(seed, 'overdue'));
    const open = (byProject[overdueIdx] ?? []).filter(isOpen);
    const overdue = open.filter((i) => i.duedate !== null && i.duedate < today).length;
    let missing = Math.ceil(open.length * 0.3) - overdue;
    const candidates = open.filter((i) => !planted.has(i.id) && !(i.duedate !== null && i.duedate < today));
    for (const issue of fixRng.sample(candidates, candidates.length)) {
      if (missing <= 0) break;
      issue.duedate = isoDate(now - fixRng.int(1, 40) * DAY_MS);
      missing--;
    }
    if (missing > 0) {
      // Tiny projects: planted issues too, except planted blockers (lowering a blocked issue's due date
      // keeps its conflict; cycles do not depend on dates).
      for (const issue of open) {
        if (missing <= 0) break;
        if (issue.duedate !== null && issue.duedate < today) continue;
        if (conflictBlockers.has(issue.id)) continue;
        issue.duedate = isoDate(now - fixRng.int(1, 40) * DAY_MS);
        missing--;
      }
    }
  }

  tuneHealth({
    seed,
    now,
    byProject,
    byId,
    links,
    profiles,
    planted,
    conflictBlockers,
    overdueIdx,
    healthyIdx,
  });

  const plantedFacts: SimPlanted = {
    cycles,
    dateConflicts: computeDateConflicts(links, byId),
    overdueHeavyProject: plans[overdueIdx]?.project.key ?? '',
    healthyProject: healthyIdx >= 0 ? (plans[healthyIdx]?.project.key ?? '') : '',
  };

  return {
    seed,
    now: new Date(now).toISOString(),
    projects: plans.map((p) => p.project),
    issues,
    links,
    people,
    categories: CATEGORIES,
    statusCategories: STATUS_CATEGORIES,
    statuses: STATUSES,
    issueTypes: ISSUE_TYPES,
    priorities: PRIORITIES,
    resolutions: RESOLUTIONS,
    linkTypes: LINK_TYPES,
    fields: FIELDS,
    securityLevels: SECURITY_LEVELS,
    teams,
    roamOptions: ROAM_OPTIONS,
    planted: plantedFacts,
    ...addAgileData(
      seed,
      now,
      plans.map((p) => p.project),
      issues,
      (issue) => !isOpen(issue),
    ),
  };
}

const EMPTY_LABELS: readonly string[] = Object.freeze([]);

/**
 * What a project's computed health should look like, so the demo portfolio tells a story a PMO
 * believes (12 projects: 2 red, 4 amber, 6 green with the default settings): "overdue" is the planted
 * overdue-heavy project (red on late work), "risk-red" has a high unmitigated risk, the amber ones have
 * one main reason each (a blocked chain, a medium risk, work going stale, some late work), and "green"
 * projects are on track.
 */
type Profile =
  | 'green'
  | 'overdue'
  | 'risk-red'
  | 'stale-amber'
  | 'risk-amber'
  | 'schedule-amber'
  | 'blockers-amber';

/** Profiles of the projects other than the overdue-heavy and the healthy one, in project order. */
const PROFILE_CYCLE: readonly Profile[] = [
  'risk-red',
  'green',
  'stale-amber',
  'green',
  'blockers-amber',
  'risk-amber',
  'green',
  'green',
  'schedule-amber',
  'green',
];
/** On-track projects: their open issues stay out of random blocking links. */
const CALM_PROFILES: ReadonlySet<Profile> = new Set(['green', 'stale-amber', 'risk-amber', 'schedule-amber']);
/** Projects that receive the planted date conflicts (on the blocked side), in this order. */
const HOST_PROFILES: readonly Profile[] = ['blockers-amber', 'risk-red', 'stale-amber', 'overdue'];

function assignProfiles(nProjects: number, overdueIdx: number, healthyIdx: number): Profile[] {
  const out: Profile[] = [];
  let k = 0;
  for (let i = 0; i < nProjects; i++) {
    if (i === overdueIdx) out.push('overdue');
    else if (i === healthyIdx) out.push('green');
    else out.push(PROFILE_CYCLE[k++ % PROFILE_CYCLE.length] as Profile);
  }
  return out;
}

function conflictHosts(profiles: readonly Profile[], pool: readonly number[]): number[] {
  const hosts: number[] = [];
  for (const profile of HOST_PROFILES) {
    for (const idx of pool) if (profiles[idx] === profile) hosts.push(idx);
  }
  return hosts.length > 0 ? hosts : [...pool];
}

interface TuneInput {
  seed: number;
  now: number;
  byProject: readonly SimIssue[][];
  byId: (id: number) => SimIssue;
  links: readonly SimLink[];
  profiles: readonly Profile[];
  planted: ReadonlySet<number>;
  conflictBlockers: ReadonlySet<number>;
  overdueIdx: number;
  healthyIdx: number;
}

const STALE_MS = 14 * DAY_MS;

/** Brings each project's schedule, staleness, risk and date conflicts in line with its profile. */
function tuneHealth(input: TuneInput): void {
  const { now, byProject, byId, links, profiles, planted, conflictBlockers } = input;
  const rng = new Prng(subSeed(input.seed, 'profiles'));
  const today = isoDate(now);
  const isBlocking = (l: SimLink) => l.typeId === LINK_TYPE.blocks || l.typeId === LINK_TYPE.dependency;

  // Date conflicts only where they were planted, or in the overdue-heavy project (replanning would undo
  // its late work): elsewhere, even in a host project that would turn red at three, the blocked issue
  // was replanned to its blocker's due date.
  for (let pass = 0, changed = true; changed && pass < 20; pass++) {
    changed = false;
    for (const link of links) {
      if (!isBlocking(link) || conflictBlockers.has(link.from)) continue;
      const blocker = byId(link.from);
      const blocked = byId(link.to);
      if (profiles[blocked.projectIdx] === 'overdue') continue;
      if (!isOpen(blocker) || !isOpen(blocked) || blocker.duedate === null || blocked.duedate === null)
        continue;
      if (blocker.duedate > blocked.duedate) {
        blocked.duedate = blocker.duedate;
        changed = true;
      }
    }
  }

  const linked = new Set<number>(planted);
  for (const link of links) {
    if (!isBlocking(link)) continue;
    linked.add(link.from);
    linked.add(link.to);
  }

  for (let p = 0; p < byProject.length; p++) {
    const profile = profiles[p] ?? 'green';
    const list = byProject[p] ?? [];
    const open = list.filter(isOpen);

    // Schedule: share of open issues past due.
    if (p !== input.overdueIdx) {
      const pastDue = (i: SimIssue) => i.duedate !== null && i.duedate < today;
      const amber = profile === 'schedule-amber';
      const lo = amber ? Math.ceil(open.length * 0.12) : 0;
      const hi = amber ? Math.floor(open.length * 0.18) : Math.floor(open.length * 0.06);
      let overdue = open.filter(pastDue).length;
      if (overdue > hi) {
        const movable = open.filter((i) => pastDue(i) && !linked.has(i.id));
        for (const issue of rng.sample(movable, Math.min(movable.length, overdue - hi))) {
          issue.duedate = isoDate(now + rng.int(3, 60) * DAY_MS);
          overdue--;
        }
      } else if (overdue < lo) {
        const movable = open.filter((i) => !pastDue(i) && !linked.has(i.id));
        for (const issue of rng.sample(movable, Math.min(movable.length, lo - overdue))) {
          issue.duedate = isoDate(now - rng.int(1, 30) * DAY_MS);
          if (issue.startDate !== null && issue.startDate > issue.duedate) issue.startDate = issue.duedate;
        }
      }
    }

    // Staleness: share of in-progress issues not updated for 14 days.
    const inProgress = list.filter((i) => statusCategoryOf(i.statusId) === 'indeterminate');
    const isStale = (i: SimIssue) => i.updated <= now - STALE_MS;
    const staleNow = inProgress.filter(isStale);
    const n = inProgress.length;
    const target = profile === 'stale-amber' ? Math.max(1, Math.round(n * 0.17)) : Math.floor(n * 0.06);
    if (staleNow.length > target) {
      for (const issue of rng.sample(staleNow, staleNow.length - target)) {
        issue.updated = Math.max(issue.statusChanged, now - rng.int(2 * HOUR_MS, 10 * DAY_MS));
      }
    } else if (staleNow.length < target) {
      const fresh = inProgress.filter((i) => !isStale(i) && i.created <= now - 20 * DAY_MS);
      for (const issue of rng.sample(fresh, Math.min(fresh.length, target - staleNow.length))) {
        issue.updated = Math.max(issue.created, now - rng.int(15, 40) * DAY_MS);
        issue.statusChanged = Math.min(issue.statusChanged, issue.updated);
      }
    }

    // Risk: the highest open unmitigated score (missing values count as 3).
    const score = (i: SimIssue) => (i.riskProbability ?? 3) * (i.riskImpact ?? 3);
    const unmitigated = (i: SimIssue) => i.roamId !== '10400' && i.roamId !== '10403';
    const openRisks = open.filter((i) => i.typeId === ISSUE_TYPE.risk);
    const ceiling = profile === 'risk-red' ? Infinity : profile === 'risk-amber' ? 15 : 8;
    for (const risk of openRisks) {
      if (unmitigated(risk) && score(risk) >= ceiling) risk.roamId = '10403';
    }
    const floor = profile === 'risk-red' ? 15 : profile === 'risk-amber' ? 8 : 0;
    const top = Math.max(0, ...openRisks.filter(unmitigated).map(score));
    if (floor > 0 && top < floor) {
      const candidate = openRisks.find((i) => !planted.has(i.id));
      if (candidate) {
        candidate.riskProbability = floor >= 15 ? 4 : 3;
        candidate.riskImpact = floor >= 15 ? 4 : 3;
        candidate.roamId = '10401';
      }
    }
  }
}

function reopen(issue: SimIssue, now: number): void {
  issue.statusId = STATUS.inProgress;
  issue.resolutionId = null;
  issue.resolved = null;
  issue.statusChanged = Math.max(issue.created, now - 3 * DAY_MS);
  issue.updated = Math.max(issue.updated, issue.statusChanged);
  if (issue.typeId === ISSUE_TYPE.risk && issue.roamId === '10400') issue.roamId = '10401';
}

/** Every open, cross-project Blocks pair where the blocker is due after the issue it blocks. */
export function computeDateConflicts(
  links: readonly SimLink[],
  byId: (id: number) => SimIssue | undefined,
): { blockerKey: string; blockedKey: string }[] {
  const out: { blockerKey: string; blockedKey: string }[] = [];
  for (const link of links) {
    if (link.typeId !== LINK_TYPE.blocks) continue;
    const blocker = byId(link.from);
    const blocked = byId(link.to);
    if (!blocker || !blocked || blocker.projectIdx === blocked.projectIdx) continue;
    if (!isOpen(blocker) || !isOpen(blocked)) continue;
    if (blocker.duedate === null || blocked.duedate === null) continue;
    if (blocker.duedate > blocked.duedate) out.push({ blockerKey: blocker.key, blockedKey: blocked.key });
  }
  return out;
}

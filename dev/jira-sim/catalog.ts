/** The site's fixed configuration: statuses, issue types, priorities, link types, fields ... */
import type {
  SimCategory,
  SimField,
  SimIssueType,
  SimLinkType,
  SimOption,
  SimPriority,
  SimResolution,
  SimSecurityLevel,
  SimStatus,
  SimStatusCategory,
} from './types';

export const STATUS_CATEGORIES: SimStatusCategory[] = [
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

/** Jira's "No Category" status category (listed by /statuscategory, used by no status). */
export const UNDEFINED_STATUS_CATEGORY = {
  id: 1,
  key: 'undefined',
  name: 'No Category',
  colorName: 'medium-gray',
} as const;

export const STATUS = {
  toDo: '10000',
  backlog: '10002',
  inProgress: '3',
  inReview: '10003',
  blocked: '10004',
  done: '10001',
  closed: '6',
} as const;

export const STATUSES: SimStatus[] = [
  {
    id: STATUS.toDo,
    name: 'To Do',
    description: 'Work that has not been started.',
    category: 'new',
    icon: 'open.png',
  },
  {
    id: STATUS.backlog,
    name: 'Backlog',
    description: 'Captured but not yet selected for work.',
    category: 'new',
    icon: 'generic.png',
  },
  {
    id: STATUS.inProgress,
    name: 'In Progress',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    category: 'indeterminate',
    icon: 'inprogress.png',
  },
  {
    id: STATUS.inReview,
    name: 'In Review',
    description: 'Work is waiting for review.',
    category: 'indeterminate',
    icon: 'generic.png',
  },
  {
    id: STATUS.blocked,
    name: 'Blocked',
    description: 'Work cannot continue until something else happens.',
    category: 'indeterminate',
    icon: 'generic.png',
  },
  { id: STATUS.done, name: 'Done', description: 'Work has finished.', category: 'done', icon: 'closed.png' },
  {
    id: STATUS.closed,
    name: 'Closed',
    description: 'The issue is considered finished, the resolution is correct.',
    category: 'done',
    icon: 'closed.png',
  },
];

export const ISSUE_TYPE = {
  epic: '10000',
  story: '10001',
  task: '10002',
  subtask: '10003',
  bug: '10004',
  risk: '10005',
  assumption: '10006',
  decision: '10007',
} as const;

export const ISSUE_TYPES: SimIssueType[] = [
  {
    id: ISSUE_TYPE.epic,
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    hierarchyLevel: 1,
    subtask: false,
    avatarId: 10307,
  },
  {
    id: ISSUE_TYPE.story,
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10315,
  },
  {
    id: ISSUE_TYPE.task,
    name: 'Task',
    description: 'A small, distinct piece of work.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10318,
  },
  {
    id: ISSUE_TYPE.subtask,
    name: 'Sub-task',
    description: 'A small piece of work that is part of a larger task.',
    hierarchyLevel: -1,
    subtask: true,
    avatarId: 10316,
  },
  {
    id: ISSUE_TYPE.bug,
    name: 'Bug',
    description: 'A problem or error.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10303,
  },
  {
    id: ISSUE_TYPE.risk,
    name: 'Risk',
    description: 'An uncertain event that could affect delivery.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10310,
  },
  {
    id: ISSUE_TYPE.assumption,
    name: 'Assumption',
    description: 'Something taken as true for planning purposes.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10311,
  },
  {
    id: ISSUE_TYPE.decision,
    name: 'Decision',
    description: 'A recorded project decision.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10312,
  },
];

export const PRIORITIES: SimPriority[] = [
  {
    id: '1',
    name: 'Highest',
    description: 'This problem will block progress.',
    statusColor: '#d04437',
    icon: 'highest.svg',
    rank: 1,
  },
  {
    id: '2',
    name: 'High',
    description: 'Serious problem that could block progress.',
    statusColor: '#f15C75',
    icon: 'high.svg',
    rank: 2,
  },
  {
    id: '3',
    name: 'Medium',
    description: 'Has the potential to affect progress.',
    statusColor: '#f79232',
    icon: 'medium.svg',
    rank: 3,
  },
  {
    id: '4',
    name: 'Low',
    description: 'Minor problem or easily worked around.',
    statusColor: '#707070',
    icon: 'low.svg',
    rank: 4,
  },
  {
    id: '5',
    name: 'Lowest',
    description: 'Trivial problem with little or no impact on progress.',
    statusColor: '#999999',
    icon: 'lowest.svg',
    rank: 5,
  },
];

export const RESOLUTIONS: SimResolution[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue will not be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];

export const LINK_TYPE = {
  blocks: '10000',
  cloners: '10001',
  duplicate: '10002',
  relates: '10003',
  dependency: '10100',
} as const;

export const LINK_TYPES: SimLinkType[] = [
  { id: LINK_TYPE.blocks, name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: LINK_TYPE.cloners, name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: LINK_TYPE.duplicate, name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: LINK_TYPE.relates, name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: LINK_TYPE.dependency, name: 'Dependency', inward: 'depends on', outward: 'is a dependency of' },
];

export const CATEGORIES: SimCategory[] = [
  { id: '10000', name: 'Digital Products', description: 'Customer-facing products and channels' },
  { id: '10001', name: 'Platform & Infrastructure', description: 'Shared platforms, data and operations' },
  { id: '10002', name: 'Business Change', description: 'Transformation and corporate initiatives' },
];

export const SECURITY_LEVELS: SimSecurityLevel[] = [
  {
    id: '10100',
    name: 'Confidential',
    description: 'Visible to site administrators and the security team only',
  },
  { id: '10101', name: 'HR restricted', description: 'People matters; visible to administrators only' },
];

export const ROAM_OPTIONS: SimOption[] = [
  { id: '10400', value: 'Resolved' },
  { id: '10401', value: 'Owned' },
  { id: '10402', value: 'Accepted' },
  { id: '10403', value: 'Mitigated' },
];

export const CF = {
  team: 'customfield_10001',
  startDate: 'customfield_10015',
  storyPoints: 'customfield_10016',
  riskProbability: 'customfield_10301',
  riskImpact: 'customfield_10302',
  riskOwner: 'customfield_10303',
  roam: 'customfield_10304',
} as const;

const CT = 'com.atlassian.jira.plugin.system.customfieldtypes';

/** A system field; its schema (when `type` is given) names the field itself as `system`. */
function system(
  id: string,
  name: string,
  type: string | undefined,
  opts: {
    items?: string;
    clauseNames?: string[];
    orderable?: boolean;
    navigable?: boolean;
    searchable?: boolean;
  } = {},
): SimField {
  const field: SimField = {
    id,
    key: id,
    name,
    custom: false,
    orderable: opts.orderable ?? true,
    navigable: opts.navigable ?? true,
    searchable: opts.searchable ?? true,
    clauseNames: opts.clauseNames ?? [id],
  };
  if (type) field.schema = { type, ...(opts.items ? { items: opts.items } : {}), system: id };
  return field;
}

function custom(
  id: string,
  name: string,
  schema: Omit<NonNullable<SimField['schema']>, 'customId'>,
  extraClauses: string[] = [],
): SimField {
  const num = Number(id.slice('customfield_'.length));
  return {
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${num}]`, name, ...extraClauses],
    schema: { ...schema, customId: num },
  };
}

export const FIELDS: SimField[] = [
  system('issuekey', 'Key', undefined, { clauseNames: ['id', 'issue', 'issuekey', 'key'], orderable: false }),
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('project', 'Project', 'project', { orderable: false }),
  system('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'], orderable: false }),
  system('status', 'Status', 'status', { orderable: false }),
  system('statuscategorychangedate', 'Status Category Changed', 'datetime', {
    clauseNames: ['statusCategoryChangedDate'],
  }),
  system('priority', 'Priority', 'priority'),
  system('resolution', 'Resolution', 'resolution'),
  system('resolutiondate', 'Resolved', 'datetime', { clauseNames: ['resolutiondate', 'resolved'] }),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('creator', 'Creator', 'user'),
  system('labels', 'Labels', 'array', { items: 'string', clauseNames: ['labels'] }),
  system('components', 'Components', 'array', { items: 'component', clauseNames: ['component'] }),
  system('fixVersions', 'Fix versions', 'array', { items: 'version', clauseNames: ['fixVersion'] }),
  system('created', 'Created', 'datetime', { clauseNames: ['created', 'createdDate'] }),
  system('updated', 'Updated', 'datetime', { clauseNames: ['updated', 'updatedDate'] }),
  system('duedate', 'Due date', 'date', { clauseNames: ['due', 'duedate'] }),
  system('parent', 'Parent', undefined, { clauseNames: ['parent'], orderable: false }),
  system('issuelinks', 'Linked Issues', 'array', {
    items: 'issuelinks',
    clauseNames: ['issueLink'],
    orderable: false,
  }),
  system('subtasks', 'Sub-tasks', 'array', {
    items: 'issuelinks',
    clauseNames: ['subtasks'],
    orderable: false,
  }),
  system('security', 'Security Level', 'securitylevel', { clauseNames: ['level'] }),
  custom(
    CF.team,
    'Team',
    { type: 'team', custom: `${CT}:atlassian-team`, configuration: { [`${CT}:atlassian-team`]: true } },
    ['Team[Team]'],
  ),
  custom(CF.startDate, 'Start date', { type: 'date', custom: `${CT}:datepicker` }, ['Start date[Date]']),
  custom(
    CF.storyPoints,
    'Story Points',
    { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' },
    ['Story Points[Number]'],
  ),
  custom(CF.riskProbability, 'Risk Probability', { type: 'number', custom: `${CT}:float` }, [
    'Risk Probability[Number]',
  ]),
  custom(CF.riskImpact, 'Risk Impact', { type: 'number', custom: `${CT}:float` }, ['Risk Impact[Number]']),
  custom(CF.riskOwner, 'Risk Owner', { type: 'user', custom: `${CT}:userpicker` }, [
    'Risk Owner[User Picker (single user)]',
  ]),
  custom(CF.roam, 'ROAM', { type: 'option', custom: `${CT}:select` }, ['ROAM[Dropdown]']),
];

import type { Lifecycle, StandardInput } from './schema';

/**
 * What a new install starts with, so the app is useful before anyone configures it. Everything is
 * in `warn` mode: a fresh install shows guidance and never blocks a team's transition until an
 * admin chooses to enforce a standard.
 */

/** Jira's default statuses mapped onto the PMO lifecycle; admins remap them to their workflows. */
export const defaultLifecycle: Lifecycle = {
  stages: [
    { id: 'inception', name: 'Inception', statuses: ['Backlog'] },
    { id: 'planning', name: 'Planning', statuses: ['To Do'] },
    { id: 'execution', name: 'Execution', statuses: ['In Progress', 'In Review', 'Blocked'] },
    { id: 'closure', name: 'Closure', statuses: ['Done', 'Closed'] },
    { id: 'benefits', name: 'Benefits realisation', statuses: [] },
  ],
};

export const defaultStandards: StandardInput[] = [
  {
    id: 'delivery-readiness',
    name: 'Ready for delivery',
    description: 'Work is dated and estimated before it starts, so schedules and forecasts mean something.',
    mode: 'warn',
    scope: { issueTypes: ['Story', 'Task'] },
    rules: [
      {
        id: 'dated-and-estimated',
        kind: 'requiredFields',
        fields: [
          { kind: 'field', id: 'duedate', name: 'Due date' },
          { kind: 'role', role: 'storyPoints' },
        ],
        when: { fromStage: 'execution' },
      },
      {
        id: 'has-assignee',
        kind: 'requiredFields',
        fields: [{ kind: 'field', id: 'assignee', name: 'Assignee' }],
        when: { statusCategories: ['indeterminate'] },
      },
    ],
  },
  {
    id: 'risk-register',
    name: 'Risks are owned and assessed',
    description: 'Every risk has an owner, a probability and an impact, and is closed only once mitigated.',
    mode: 'warn',
    scope: { issueTypes: ['Risk'] },
    rules: [
      {
        id: 'assessed',
        kind: 'requiredFields',
        fields: [
          { kind: 'role', role: 'riskOwner' },
          { kind: 'role', role: 'riskProbability' },
          { kind: 'role', role: 'riskImpact' },
        ],
      },
      {
        id: 'mitigation-linked',
        kind: 'requiredLink',
        linkTypes: ['Relates', 'Blocks', 'Dependency'],
        description: 'a mitigation issue',
        when: { statusCategories: ['done'] },
      },
    ],
  },
  {
    id: 'finish-unblocked',
    name: 'Nothing is done while it is blocked',
    description: 'An issue cannot be finished while an unresolved issue still blocks it.',
    mode: 'warn',
    rules: [{ id: 'no-open-blockers', kind: 'noOpenBlockers', when: { statusCategories: ['done'] } }],
  },
  {
    id: 'epic-gates',
    name: 'Epic stage gates',
    description: 'Epics pass the PMO gates on their way from planning to closure.',
    mode: 'warn',
    scope: { issueTypes: ['Epic'] },
    rules: [
      {
        id: 'execution-gate',
        kind: 'gateChecklist',
        stage: 'execution',
        items: [
          { id: 'scope-agreed', text: 'Scope agreed with the sponsor', mandatory: true },
          { id: 'estimate-reviewed', text: 'Estimate reviewed by the team', mandatory: true },
          { id: 'risks-logged', text: 'Known risks logged in the RAID log', mandatory: false },
        ],
      },
      {
        id: 'closure-gate',
        kind: 'gateChecklist',
        stage: 'closure',
        items: [
          { id: 'acceptance-met', text: 'Acceptance criteria met', mandatory: true },
          { id: 'sponsor-signoff', text: 'Sponsor signed off', mandatory: true },
          { id: 'lessons-learned', text: 'Lessons learned captured', mandatory: false },
        ],
      },
    ],
  },
  {
    id: 'inception-gate',
    name: 'Inception gate: authorised for planning',
    description:
      'A proposal is scored, has a sponsor and a described outcome before it is authorised into Planning. Scoring epics? Add Epic to the issue types.',
    mode: 'warn',
    // Proposals only: applied to epics out of the box it would mark every epic already past Inception.
    scope: { issueTypes: ['Proposal'] },
    rules: [
      {
        id: 'planning-gate',
        kind: 'gateChecklist',
        stage: 'planning',
        items: [
          { id: 'scored', text: "Scored with the PMO's scoring model", mandatory: true },
          { id: 'sponsor-named', text: 'Sponsor named', mandatory: true },
          { id: 'outcome-described', text: 'Outcome and benefits described', mandatory: true },
        ],
      },
    ],
  },
];

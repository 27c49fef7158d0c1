import { type FieldProblem, portfolioFields, toPortfolioIssue } from './issue-mapper';

const mapping = {
  storyPoints: 'customfield_10016',
  startDate: 'customfield_10015',
  riskProbability: 'customfield_10301',
  riskImpact: 'customfield_10302',
  roam: 'customfield_10304',
};

const jiraIssue = (fields: Record<string, unknown>) => ({
  id: '10001',
  key: 'ATLAS-7',
  fields: {
    summary: 'Payment API migration',
    status: { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } },
    issuetype: { name: 'Risk' },
    project: { key: 'ATLAS', name: 'Atlas' },
    priority: { name: 'High' },
    assignee: { accountId: 'sim-team', displayName: 'Tom' },
    labels: ['payments'],
    created: '2026-10-01T09:00:00.000+0000',
    updated: '2026-11-20T09:00:00.000+0000',
    resolutiondate: null,
    duedate: '2026-11-30',
    issuelinks: [
      {
        type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
        outwardIssue: {
          key: 'BEACON-3',
          fields: { status: { name: 'To Do', statusCategory: { key: 'new' } } },
        },
      },
      { type: { name: 'Blocks' }, inwardIssue: { key: 'ATLAS-1' } },
    ],
    security: null,
    customfield_10016: 5,
    customfield_10015: '2026-10-15',
    customfield_10301: 4,
    customfield_10302: { value: '5 - Severe', id: '2' },
    customfield_10304: { value: 'Owned', id: '1' },
    ...fields,
  },
});

describe('toPortfolioIssue', () => {
  it('maps Jira fields and the site’s custom fields into the domain model', () => {
    const problems: FieldProblem[] = [];
    const issue = toPortfolioIssue(jiraIssue({}), mapping, problems);
    expect(problems).toEqual([]);
    expect(issue).toMatchObject({
      key: 'ATLAS-7',
      projectKey: 'ATLAS',
      issueType: 'Risk',
      status: { name: 'In Progress', category: 'indeterminate' },
      dueDate: '2026-11-30',
      startDate: '2026-10-15',
      storyPoints: 5,
      riskProbability: 4,
      riskImpact: 5,
      restricted: false,
      fields: { customfield_10304: { value: 'Owned', id: '1' } },
    });
    expect(issue?.links).toEqual([
      { type: 'Blocks', direction: 'outward', otherKey: 'BEACON-3', otherStatusCategory: 'new' },
      { type: 'Blocks', direction: 'inward', otherKey: 'ATLAS-1', otherStatusCategory: null },
    ]);
  });

  it('reports a field of the wrong type and keeps the issue with that field empty', () => {
    const problems: FieldProblem[] = [];
    const issue = toPortfolioIssue(jiraIssue({ customfield_10016: 'five', duedate: 42 }), mapping, problems);
    expect(issue?.storyPoints).toBeNull();
    expect(issue?.dueDate).toBeNull();
    expect(problems.map((problem) => problem.field).sort()).toEqual(['customfield_10016', 'duedate']);
  });

  it('rejects a risk scale outside 1-5 instead of inventing one', () => {
    const problems: FieldProblem[] = [];
    const issue = toPortfolioIssue(jiraIssue({ customfield_10301: 9 }), mapping, problems);
    expect(issue?.riskProbability).toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('skips an issue without status and says so', () => {
    const problems: FieldProblem[] = [];
    expect(toPortfolioIssue(jiraIssue({ status: undefined }), mapping, problems)).toBeNull();
    expect(problems[0]?.message).toMatch(/skipped/);
  });

  it('marks issues with a security level as restricted', () => {
    const issue = toPortfolioIssue(jiraIssue({ security: { id: '1', name: 'Confidential' } }), mapping, []);
    expect(issue?.restricted).toBe(true);
  });

  it('asks Jira only for the fields the engine reads', () => {
    const fields = portfolioFields(mapping);
    expect(fields).toContain('customfield_10016');
    expect(fields).not.toContain('*all');
    expect(new Set(fields).size).toBe(fields.length);
  });
});

import { toIssueChanges } from './changelog-mapper';
import { BulkChangelogSchema } from './schemas';

describe('toIssueChanges', () => {
  it('reads a removed link, whose item has no toString, as removed (not as Object.prototype.toString)', () => {
    const page = BulkChangelogSchema.parse({
      issueChangeLogs: [
        {
          issueId: '10001',
          changeHistories: [
            {
              created: '2026-02-01T09:00:00.000+0000',
              items: [
                { field: 'Link', fieldtype: 'jira', from: 'A-2', fromString: 'This issue blocks A-2' },
                {
                  field: 'status',
                  fieldId: 'status',
                  from: '3',
                  fromString: 'In Progress',
                  to: '10001',
                  toString: 'Done',
                },
                { field: 'labels', fieldId: 'labels', toString: 'x' },
              ],
            },
          ],
        },
      ],
    });
    expect(toIssueChanges(page)).toEqual([
      {
        issueId: '10001',
        at: Date.parse('2026-02-01T09:00:00.000Z'),
        field: 'link',
        from: 'This issue blocks A-2',
        to: null,
      },
      {
        issueId: '10001',
        at: Date.parse('2026-02-01T09:00:00.000Z'),
        field: 'status',
        from: '3',
        to: '10001',
      },
    ]);
  });
});

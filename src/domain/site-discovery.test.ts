import { suggestBlockingLinks, suggestFieldMapping } from './site-discovery';

describe('suggestBlockingLinks', () => {
  it('reads the direction from the link texts, whatever the type is called', () => {
    expect(
      suggestBlockingLinks([
        { name: 'Blocks', outward: 'blocks', inward: 'is blocked by' },
        { name: 'Dependency', outward: 'is a dependency of', inward: 'depends on' },
        { name: 'Needs', outward: 'depends on', inward: 'is a dependency of' },
        { name: 'Relates', outward: 'relates to', inward: 'relates to' },
      ]),
    ).toEqual([
      { type: 'Blocks', blockerDirection: 'outward' },
      { type: 'Dependency', blockerDirection: 'outward' },
      { type: 'Needs', blockerDirection: 'inward' },
    ]);
  });
});

describe('suggestFieldMapping', () => {
  it('maps the first custom field of each role and ignores system fields', () => {
    expect(
      suggestFieldMapping([
        { id: 'duedate', name: 'Start date', custom: false },
        { id: 'customfield_10016', name: 'Story Points', custom: true },
        { id: 'customfield_10015', name: 'Start date', custom: true },
        { id: 'customfield_10301', name: 'Risk Probability', custom: true },
        { id: 'customfield_10999', name: 'Story points', custom: true },
      ]),
    ).toEqual({
      storyPoints: 'customfield_10016',
      startDate: 'customfield_10015',
      riskProbability: 'customfield_10301',
    });
  });
});

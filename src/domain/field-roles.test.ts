import { guessFieldRole } from './field-roles';

describe('guessFieldRole', () => {
  it.each([
    ['Story Points', 'storyPoints'],
    ['Story point estimate', 'storyPoints'],
    ['Start date', 'startDate'],
    ['Risk Probability', 'riskProbability'],
    ['Likelihood', 'riskProbability'],
    ['Risk Impact', 'riskImpact'],
    ['Risk Owner', 'riskOwner'],
    ['ROAM', 'roam'],
    ['Team', 'team'],
  ])('recognises %s as %s', (name, role) => {
    expect(guessFieldRole(name)).toBe(role);
  });

  it('leaves unrelated fields alone', () => {
    expect(guessFieldRole('Sprint')).toBeNull();
    expect(guessFieldRole('Impact assessment notes')).toBeNull();
  });
});

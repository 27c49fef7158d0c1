import { defaultPmoConfig } from '@domain/config/schema';
import { stageReferences, unmappedStatuses } from './lifecycle-helpers';

describe('lifecycle helpers', () => {
  it('lists the statuses no stage has, case-insensitively', () => {
    expect(unmappedStatuses(defaultPmoConfig.lifecycle, ['to do', 'Waiting', 'DONE', 'Cancelled'])).toEqual([
      'Waiting',
      'Cancelled',
    ]);
  });

  it('names the rules that use each stage', () => {
    const references = stageReferences(defaultPmoConfig.standards);
    expect(references.get('execution')).toEqual([
      'Ready for delivery › dated-and-estimated',
      'Epic stage gates › execution-gate',
    ]);
    expect(references.get('closure')).toEqual(['Epic stage gates › closure-gate']);
    expect(references.has('benefits')).toBe(false);
  });
});

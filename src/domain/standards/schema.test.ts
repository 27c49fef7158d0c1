import fc from 'fast-check';
import { defaultStandards } from './defaults';
import { compilePattern } from './pattern';
import { StandardSchema, StandardsSchema } from './schema';

const withRule = (rule: object, id = 'std') => ({
  id,
  name: 'Test standard',
  mode: 'enforce',
  rules: [rule],
});
const patternRule = (pattern: string) =>
  withRule({
    id: 'ref',
    kind: 'fieldCondition',
    field: { kind: 'field', id: 'summary', name: 'Summary' },
    condition: { op: 'pattern', pattern },
  });

function messagesOf(input: unknown): string[] {
  const parsed = StandardSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('standard ids', () => {
  it('the defaults follow the id pattern', () => {
    expect(StandardsSchema.safeParse(defaultStandards).success).toBe(true);
  });

  it.each(['__proto__', 'Bad Id', 'UPPER', '-leading-dash', 'a'.repeat(64), 'dots.in.id', ''])(
    'refuses %j as a rule, item, stage or standard id with the pattern in words',
    (id) => {
      const expected = 'expected a short id of lowercase letters, digits and dashes';
      expect(messagesOf(withRule({ id, kind: 'noOpenBlockers' }))).toEqual([`rules.0.id: ${expected}`]);
      expect(
        messagesOf(
          withRule({ id: 'gate', kind: 'gateChecklist', stage: 'execution', items: [{ id, text: 'Item' }] }),
        ),
      ).toEqual([`rules.0.items.0.id: ${expected}`]);
      expect(messagesOf(withRule({ id: 'gate', kind: 'noOpenBlockers' }, id))).toEqual([`id: ${expected}`]);
    },
  );

  it('accepts ids that name Object.prototype members in lowercase (the engine keys them safely)', () => {
    expect(messagesOf(withRule({ id: 'constructor', kind: 'noOpenBlockers' }, 'constructor'))).toEqual([]);
  });
});

describe('pattern conditions', () => {
  it('accept the patterns RE2 runs in linear time, catastrophic-looking ones included', () => {
    expect(messagesOf(patternRule('^CHG-\\d+$'))).toEqual([]);
    expect(messagesOf(patternRule('^(a+)+$'))).toEqual([]);
    expect(messagesOf(patternRule('^\\p{Lu}[\\p{L} ]*$'))).toEqual([]);
  });

  it.each([
    ['a backreference', '(a)\\1'],
    ['a lookahead', 'CHG-(?=\\d)'],
    ['a lookbehind', '(?<=CHG-)\\d+'],
    ['an unclosed group', '(CHG'],
  ])('refuse %s with a message that says why', (_, pattern) => {
    const [message] = messagesOf(patternRule(pattern));
    expect(message).toMatch(
      /^rules\.0\.condition\.pattern: not a pattern the app can run \(.+\); backreferences/,
    );
  });
});

describe('pattern conditions, hostile input', () => {
  const patternPieces = fc.constantFrom(
    'a',
    'b',
    '.',
    '*',
    '+',
    '?',
    '(',
    ')',
    '|',
    '[a-z]',
    '\\d',
    '^',
    '$',
    '{2,5}',
    '\\1',
    '(?=',
    '(?i)',
  );

  it('any pattern the schema accepts runs on any text without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(patternPieces, { minLength: 1, maxLength: 12 }),
        fc.string({ maxLength: 300 }),
        (pieces, text) => {
          const pattern = pieces.join('');
          const accepted = messagesOf(patternRule(pattern)).length === 0;
          if (!accepted) return true;
          return typeof compilePattern(pattern).test(text) === 'boolean';
        },
      ),
      { numRuns: 300 },
    );
  });
});

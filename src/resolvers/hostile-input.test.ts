import fc from 'fast-check';
import { wireSimulator } from '../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../dev/jira-sim';
import type { LocalApp } from '../../dev/local/local-app';
import { dumpStore } from '../../test/support/store-dump';
import { type ResolverKey, resolverContract } from '../contracts/resolver-contract';
import { defaultPmoConfig } from '../domain/config/schema';
import { ErrorCode } from '../domain/errors';
import { clearSettingsEditorCache } from '../services/settings/authorize';
import { findLiveVersion } from '../services/settings/live-config';
import type { Store } from '../storage/store';

/**
 * Hostile input (#13, standing suite): fast-check properties over every resolver payload schema of
 * the contract, and over imported configuration files. Random values of every type, and valid
 * payloads with one field replaced by something adversarial (wrong types, huge strings, `__proto__`
 * keys, unicode controls and bidi overrides, markup, deep nesting). For each call:
 *
 * - the answer is a success or a typed error with a known code, and never INTERNAL (an exception
 *   that was not an AppError: a crash, in HTTP terms a 500);
 * - when the answer is an error, nothing stored changed.
 *
 * Calls are made as the admin (who passes every permission check, so the input reaches the deepest
 * code) and as the outsider.
 */

type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

const RUNS_PER_RESOLVER = 30;
const IMPORT_RUNS = 60;

/** Strings that have broken parsers, renderers and spreadsheets. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\u2066x\u2069',
  '\uFEFF=1+1',
  '\u200B@SUM(A1)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../etc/passwd',
  "' OR 1=1 --",
  'project = X ORDER BY created DESC',
  'p99999999v99999999',
  'category:99999999999999999999',
  'p:__proto__',
  '\uD800',
  '🧨'.repeat(1000),
  'x'.repeat(70_000),
  'ABC-99999999999',
  '-1',
  'NaN',
  '1e309',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ maxLength: 16 }).map((text) => `${text}\u202E${text}`),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(
    null,
    undefined,
    true,
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    -0,
    [],
    {},
    [null],
    { __proto__: null },
  ),
  fc.integer(),
  fc.double(),
  fc.array(nastyString, { maxLength: 5 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant(nested(200)),
  fc.anything({ maxDepth: 3 }),
);

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level++) value = { next: value };
  return value;
}

/** A payload each resolver accepts (the base that mutations start from). */
function validPayload(key: ResolverKey, liveVersion: number, issueKey: string): Record<string, unknown> {
  const projectKey = issueKey.split('-')[0];
  const update = { portfolioId: 'all', projectKey, periodId: '2026-12-07' };
  switch (key) {
    case 'getIssueOverview':
    case 'getIssueStandards':
    case 'getIssueAuthorisation':
      return { issueKey };
    case 'decideCandidate':
      return { issueKey, outcome: 'deferred', reason: 'Not this quarter', requestId: 'hostile-0001' };
    case 'setChecklistItem':
      return { issueKey, ruleId: 'execution-gate', itemId: 'scope-agreed', ticked: true };
    case 'getPortfolioReport':
      return { portfolioId: 'all' };
    case 'validateSettings':
    case 'dryRunSettings':
      return { config: structuredClone(defaultPmoConfig) };
    case 'saveSettings':
      return { baseVersion: liveVersion, config: structuredClone(defaultPmoConfig), comment: '' };
    case 'listConfigVersions':
    case 'listAuditLog':
      // A cursor field for the mutations to replace (with `p99999999v99999999` among others).
      return { limit: 5, cursor: 'p1v2' };
    case 'getConfigVersion':
      return { version: 0 };
    case 'saveView':
      return { route: 'overview', name: 'Red first', query: '?sort=health&order=desc' };
    case 'renameSavedView':
      return { id: 'abcdefgh-0000', name: 'Renamed' };
    case 'deleteSavedView':
      return { id: 'abcdefgh-0000' };
    case 'restoreConfigVersion':
      return { version: 0, baseVersion: liveVersion, comment: '' };
    case 'previewImport':
      return { json: JSON.stringify(defaultPmoConfig) };
    case 'importSettings':
      return { json: JSON.stringify(defaultPmoConfig), baseVersion: liveVersion, comment: '' };
    case 'getStatusUpdate':
      return { portfolioId: 'all', projectKey };
    case 'saveStatusDraft':
      return { ...update, baseRevision: 0, status: 'at-risk', commentary: 'Text' };
    case 'publishStatusUpdate':
      return { ...update, expectedVersion: 0, status: 'on-track', commentary: 'Text' };
    case 'setProjectOverride':
      return {
        projectKey,
        override: { rag: 'red', reason: 'r', expiresAt: '2099-01-01T00:00:00Z' },
        baseVersion: liveVersion,
      };
    default:
      return {};
  }
}

/** Every path (as keys) to a value inside `value`, up to a small depth. */
function paths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (typeof value !== 'object' || value === null || depth > 4) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key], depth + 1))];
}

function replaceAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  Object.defineProperty(copy, head, {
    value: replaceAt(copy[head], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A valid payload with one value (or one new key) replaced by a hostile one, or something random. */
function hostilePayload(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const spots = paths(base);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...spots), nastyValue).map(([path, value]) => replaceAt(base, path, value)),
    fc
      .tuple(fc.constantFrom(...spots), nastyString, nastyValue)
      .map(([path, key, value]) => replaceAt(base, [...path, key], value)),
    fc.constantFrom(...spots).map((path) => replaceAt(base, [...path, '__proto__'], { polluted: true })),
    nastyValue,
  );
}

let sim: JiraSim;
let local: LocalApp;
let issueKey: string;
let tried = 0;

function invoke(accountId: string, functionKey: string, payload: unknown) {
  return local.app.resolver(
    { call: { functionKey, payload }, context: { moduleKey: 'pmo-hostile' } },
    { principal: { accountId }, installContext: 'ari:cloud:jira::site/hostile' },
  ) as Promise<Result>;
}

const dumpJson = async (store: Store) => JSON.stringify(await dumpStore(store));

const TYPED_CODES = new Set(ErrorCode.options.filter((code) => code !== 'INTERNAL'));

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 21, projects: 3, issuesPerProject: 8 });
  local = wireSimulator(sim.url).localApp;
  issueKey = sim.dataset.issues.find((issue) => issue.securityLevelId === null)?.key ?? '';
}, 30_000);

afterAll(async () => {
  await sim.close();
  // The README's reliability section quotes this figure.
  console.info(`[hostile input] ${tried} hostile payloads tried`);
});

beforeEach(() => clearSettingsEditorCache());

/** The property every call must hold: a typed answer, and no stored change when it is an error. */
async function holdsUp(accountId: string, key: string, payload: unknown): Promise<Result> {
  // Background work an earlier call queued (a first view's refresh, its history backfill) ends first:
  // only this call's own writes count.
  await local.drainJobs();
  const before = await dumpJson(local.deps.store);
  const result = await invoke(accountId, key, payload);
  tried++;
  if (result.ok) return result;
  const code = result.error?.code ?? '(none)';
  if (!TYPED_CODES.has(code as never)) {
    throw new Error(
      `${accountId} ${key} answered ${code} (${result.error?.message}) for ${preview(payload)}`,
    );
  }
  if ((await dumpJson(local.deps.store)) !== before) {
    throw new Error(`${accountId} ${key} failed with ${code} but changed the store, for ${preview(payload)}`);
  }
  return result;
}

function preview(payload: unknown): string {
  try {
    return (JSON.stringify(payload) ?? String(payload)).slice(0, 300);
  } catch {
    return String(payload);
  }
}

describe('hostile payloads for every resolver', () => {
  const keys = Object.keys(resolverContract) as ResolverKey[];

  it.each(keys)('%s answers a typed error or success, and changes nothing when it refuses', async (key) => {
    const liveVersion = (await findLiveVersion(local.deps)).version;
    const base = validPayload(key, liveVersion, issueKey);
    await fc.assert(
      fc.asyncProperty(
        hostilePayload(base),
        fc.constantFrom('sim-admin', 'sim-outsider'),
        async (payload, user) => {
          await holdsUp(user, key, payload);
        },
      ),
      { numRuns: RUNS_PER_RESOLVER, seed: 1313, endOnFailure: true },
    );
  });

  it('refuses a __proto__ key anywhere in a payload with a clear message', async () => {
    const payload = JSON.parse(
      '{"baseVersion":0,"comment":"","config":{"overrides":{"__proto__":{"rag":"red","reason":"x","expiresAt":"2099-01-01T00:00:00Z","by":"x"}}}}',
    );
    const result = await holdsUp('sim-admin', 'saveSettings', payload);
    expect(result.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Invalid payload: payload.config.overrides.__proto__: the key "__proto__" is not accepted',
    });
    const deep = await holdsUp('sim-admin', 'validateSettings', { config: nested(5000) });
    expect(deep.error?.code).toBe('BAD_REQUEST');
    expect(deep.error?.message).toContain('nested more than 64 levels deep');
  });
});

describe('hostile imported configuration', () => {
  const validJson = JSON.stringify(defaultPmoConfig);
  const configPaths = paths(JSON.parse(validJson));
  const hostileFile = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(fc.constantFrom(...configPaths), nastyValue)
      .map(([path, value]) => JSON.stringify(replaceAt(JSON.parse(validJson), path, value)) ?? 'null'),
    fc
      .tuple(fc.constantFrom(...configPaths), nastyString)
      .map(([path, key]) => JSON.stringify(replaceAt(JSON.parse(validJson), [...path, key], 'x')) ?? 'null'),
    fc.constantFrom(
      `{"format":"pmo-portfolio-settings","formatVersion":1,"config":${validJson},"__proto__":{}}`,
      `{"format":"pmo-portfolio-settings","formatVersion":2,"config":${validJson}}`,
      validJson.replace('"overrides":{}', '"overrides":{"__proto__":{"rag":"red"}}'),
      '{'.repeat(10_000),
      `[${'['.repeat(5000)}]`,
      `"${'x'.repeat(2 * 1024 * 1024)}"`,
    ),
  );

  it('previews and imports any file as a typed answer, storing nothing unless it is a valid configuration', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, async (json) => {
        const preview = await holdsUp('sim-admin', 'previewImport', { json });
        const liveVersion = (await findLiveVersion(local.deps)).version;
        const imported = await holdsUp('sim-admin', 'importSettings', {
          json,
          baseVersion: liveVersion,
          comment: '',
        });
        // A file the preview refuses is never imported.
        const previewData = preview.data as { config: unknown } | undefined;
        if (preview.ok && previewData?.config === null) expect(imported.ok).toBe(false);
      }),
      { numRuns: IMPORT_RUNS, seed: 1313, endOnFailure: true },
    );
  });
});

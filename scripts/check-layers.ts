/**
 * The layering of DESIGN §2 (the README's "How the code is laid out"), checked on every import:
 *   npm run lint:deps
 * Run by `npm test`. Each rule below names what it protects; a violation prints the importing file,
 * the import and the rule, and fails the run.
 *
 * Why a script and not dependency-cruiser: its swc parser cannot read .tsx (it parses everything as
 * plain TypeScript) and its other TypeScript parser needs the TypeScript JS API, which the native
 * TypeScript 7 compiler no longer ships. @swc/core (already used by jest) parses both here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { parseSync } from '@swc/core';

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['src', 'static/src', 'dev', 'cli', 'bench', 'test', 'e2e', 'scripts'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'screenshots', 'results', '.data']);
/**
 * Violations known when the check was introduced, as "rule: importer -> imported file". They may only
 * go away: a new violation fails, and so does a listed one that no longer occurs (delete its line).
 */
const BASELINE_FILE = 'scripts/layering-baseline.json';
const RESOLVED_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'];

/** What an import points at, with paths relative to the repository root ("src/domain/model.ts"). */
type Target =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'unresolved'; specifier: string };

interface Rule {
  name: string;
  /** Why the rule exists: printed with every violation. */
  why: string;
  /** True when `from` importing `to` breaks the rule. */
  breaks(from: string, to: Target): boolean;
}

const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file);
const under = (target: Target, ...dirs: string[]): boolean =>
  target.kind === 'file' && dirs.some((dir) => target.path.startsWith(dir));
const isPackage = (target: Target, ...names: string[]): boolean =>
  target.kind === 'package' && names.some((name) => target.name === name || target.name.startsWith(name));

/** The Forge adapters: with src/index.ts, the only files that know they run on Forge. */
const FORGE_ADAPTERS = new Set([
  'src/index.ts',
  'src/jira/forge-client.ts',
  'src/storage/kvs-store.ts',
  'src/jobs/forge-queue.ts',
]);
/** Where resolver functions are defined with @forge/resolver (the entry points' side of the app). */
const usesForgeResolver = (file: string): boolean =>
  file === 'src/app.ts' || file.startsWith('src/resolvers/');
const featureOf = (file: string): string | null =>
  /^static\/src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;

const RULES: Rule[] = [
  {
    name: 'domain-is-pure',
    why:
      'src/domain is pure PMO logic: it imports only src/domain, zod and re2js (a pure linear-time regex ' +
      'engine for admin patterns); its tests also fast-check.',
    breaks: (from, to) =>
      from.startsWith('src/domain/') &&
      !under(to, 'src/domain/') &&
      !isPackage(to, 'zod', 're2js') &&
      !(isTest(from) && isPackage(to, 'fast-check')),
  },
  {
    name: 'contracts-import-only-domain',
    why: 'src/contracts, shared with static/, is built from the domain model and zod only.',
    breaks: (from, to) =>
      from.startsWith('src/contracts/') &&
      !under(to, 'src/contracts/', 'src/domain/') &&
      !isPackage(to, 'zod'),
  },
  {
    name: 'services-never-import-resolvers',
    why: 'Use cases do not know how they are called: resolvers call services, never the reverse.',
    breaks: (from, to) => from.startsWith('src/services/') && under(to, 'src/resolvers/'),
  },
  {
    name: 'forge-only-in-adapters',
    why:
      'Only src/index.ts and the Forge adapters (forge-client, kvs-store, forge-queue) import @forge packages; ' +
      'src/app.ts and src/resolvers also use @forge/resolver, which defines resolver functions.',
    breaks: (from, to) =>
      from.startsWith('src/') &&
      !FORGE_ADAPTERS.has(from) &&
      // An adapter's own test drives the real Forge package against a fake platform.
      !(isTest(from) && FORGE_ADAPTERS.has(from.replace(/\.test\.ts$/, '.ts'))) &&
      isPackage(to, '@forge/') &&
      !(usesForgeResolver(from) && isPackage(to, '@forge/resolver')),
  },
  {
    name: 'src-stands-alone',
    why: 'The app does not depend on the dev host, the simulator, the UI, tests, benchmarks or scripts.',
    breaks: (from, to) =>
      from.startsWith('src/') &&
      !isTest(from) &&
      under(to, 'dev/', 'static/', 'e2e/', 'test/', 'bench/', 'cli/', 'scripts/'),
  },
  {
    name: 'static-uses-only-contracts-and-domain',
    why: 'The Custom UI apps reach the backend through src/contracts and share the domain model; nothing else of src/.',
    breaks: (from, to) =>
      from.startsWith('static/src/') && under(to, 'src/') && !under(to, 'src/contracts/', 'src/domain/'),
  },
  {
    name: 'no-feature-imports-another-feature',
    why: 'A feature folder in static/src/features stands alone; what two features share lives in static/src/shared.',
    breaks: (from, to) => {
      const feature = featureOf(from);
      return (
        feature !== null &&
        to.kind === 'file' &&
        featureOf(to.path) !== null &&
        featureOf(to.path) !== feature
      );
    },
  },
  {
    name: 'shared-ui-imports-no-feature',
    why: 'static/src/shared is what features build on; it cannot depend on one of them.',
    breaks: (from, to) => from.startsWith('static/src/shared/') && under(to, 'static/src/features/'),
  },
  {
    name: 'imports-resolve',
    why: 'An import that resolves to no file and no installed package is a typo, an unknown alias or a missing dependency.',
    breaks: (_from, to) => to.kind === 'unresolved',
  },
];

function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  const files: string[] = [];
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...sourceFiles(relative));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(relative);
    }
  }
  return files;
}

/** Every module specifier a file names: imports, re-exports, import(), require(), jest.mock() and import types. */
function specifiersOf(file: string): string[] {
  const code = readFileSync(path.join(ROOT, file), 'utf8');
  const ast = parseSync(code, { syntax: 'typescript', tsx: file.endsWith('.tsx'), decorators: true });
  const found: string[] = [];
  const stringArg = (args: unknown): string | null => {
    const first = Array.isArray(args)
      ? (args[0] as { expression?: { type?: string; value?: unknown } })
      : null;
    const expression = first?.expression;
    return expression?.type === 'StringLiteral' && typeof expression.value === 'string'
      ? expression.value
      : null;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown> & { type?: string };
    switch (record.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration': {
        const source = record.source as { value?: unknown } | null | undefined;
        if (typeof source?.value === 'string') found.push(source.value);
        break;
      }
      case 'TsImportType': {
        const argument = record.argument as { value?: unknown } | undefined;
        if (typeof argument?.value === 'string') found.push(argument.value);
        break;
      }
      case 'TsExternalModuleReference': {
        const expression = record.expression as { value?: unknown } | undefined;
        if (typeof expression?.value === 'string') found.push(expression.value);
        break;
      }
      case 'CallExpression': {
        const callee = record.callee as { type?: string; value?: string; property?: { value?: string } };
        const named =
          callee.type === 'Import' ||
          (callee.type === 'Identifier' && callee.value === 'require') ||
          (callee.type === 'MemberExpression' &&
            ['mock', 'requireActual', 'unstable_mockModule'].includes(callee.property?.value ?? ''));
        const specifier = named ? stringArg(record.arguments) : null;
        if (specifier !== null) found.push(specifier);
        break;
      }
    }
    for (const value of Object.values(record)) if (value !== null && typeof value === 'object') visit(value);
  };
  visit(ast.body);
  return found;
}

interface PathAlias {
  prefix: string;
  suffix: string;
  targets: string[];
}

/** compilerOptions.paths of tsconfig.json (an alias such as `@src/*`), relative to the repository root. */
function pathAliases(): PathAlias[] {
  const text = readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
  const config = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as {
    compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
  };
  const base = config.compilerOptions?.baseUrl ?? '.';
  return Object.entries(config.compilerOptions?.paths ?? {}).map(([pattern, targets]) => {
    const star = pattern.indexOf('*');
    return {
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      targets: targets.map((target) => path.join(base, target)),
    };
  });
}

function resolveFile(absolute: string): string | null {
  const candidates = [
    absolute,
    ...RESOLVED_EXTENSIONS.map((ext) => absolute + ext),
    ...RESOLVED_EXTENSIONS.map((ext) => path.join(absolute, `index${ext}`)),
    absolute.replace(/\.js$/, '.ts'),
    absolute.replace(/\.js$/, '.tsx'),
  ];
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return path.relative(ROOT, candidate).split(path.sep).join('/');
    } catch {
      // not this candidate
    }
  }
  return null;
}

function resolveImport(from: string, specifier: string, aliases: PathAlias[]): Target {
  const bare = specifier.split('?')[0] as string;
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const resolved = resolveFile(path.resolve(path.join(ROOT, path.dirname(from)), bare));
    return resolved === null ? { kind: 'unresolved', specifier } : { kind: 'file', path: resolved };
  }
  for (const alias of aliases) {
    if (!bare.startsWith(alias.prefix) || !bare.endsWith(alias.suffix)) continue;
    const middle = bare.slice(alias.prefix.length, bare.length - alias.suffix.length);
    for (const target of alias.targets) {
      const resolved = resolveFile(path.join(ROOT, target.replace('*', middle)));
      if (resolved !== null) return { kind: 'file', path: resolved };
    }
    return { kind: 'unresolved', specifier };
  }
  if (bare.startsWith('node:') || builtinModules.includes(bare)) return { kind: 'builtin', name: bare };
  // Modules the Vite build makes up (static/vite.config.ts).
  if (bare.startsWith('virtual:')) return { kind: 'package', name: bare };
  // A bare name that is no installed package is an alias this script does not know (add it to
  // tsconfig.json's paths, where tsc needs it too) or a missing dependency.
  const segments = bare.split('/');
  const packageName = bare.startsWith('@') ? segments.slice(0, 2).join('/') : (segments[0] as string);
  const installed =
    existsSync(path.join(ROOT, 'node_modules', packageName, 'package.json')) ||
    existsSync(
      path.join(ROOT, 'node_modules', '@types', packageName.replace(/^@(.*)\//, '$1__'), 'package.json'),
    );
  return installed ? { kind: 'package', name: bare } : { kind: 'unresolved', specifier };
}

function describe(target: Target): string {
  return target.kind === 'file' ? target.path : target.kind === 'unresolved' ? target.specifier : target.name;
}

function main(): void {
  const aliases = pathAliases();
  const baseline = new Set(JSON.parse(readFileSync(path.join(ROOT, BASELINE_FILE), 'utf8')) as string[]);
  const files = SCANNED.flatMap(sourceFiles);
  const violations: string[] = [];
  const known = new Set<string>();
  let imports = 0;
  for (const file of files) {
    for (const specifier of specifiersOf(file)) {
      imports++;
      const target = resolveImport(file, specifier, aliases);
      for (const rule of RULES) {
        if (!rule.breaks(file, target)) continue;
        const id = `${rule.name}: ${file} -> ${describe(target)}`;
        if (baseline.has(id)) known.add(id);
        else violations.push(`${id} (import '${specifier}')\n    ${rule.why}`);
      }
    }
  }
  const gone = [...baseline].filter((id) => !known.has(id));
  if (gone.length > 0) {
    console.error(`Fixed, so delete these lines from ${BASELINE_FILE}:\n  ${gone.join('\n  ')}`);
  }
  if (violations.length > 0) console.error(violations.join('\n'));
  if (violations.length > 0 || gone.length > 0) {
    console.error(`\nlayering: ${violations.length} new violation(s), ${gone.length} stale baseline line(s)`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `layering: ${RULES.length} rules hold for ${imports} imports in ${files.length} files ` +
      `(${known.size} known violations listed in ${BASELINE_FILE})`,
  );
}

main();

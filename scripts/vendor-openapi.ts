/**
 * Extracts the part of Atlassian's Jira Cloud platform OpenAPI spec that the simulator serves:
 * the used paths (only the used methods) plus every `components` entry they reference, transitively.
 *
 *   npx tsx scripts/vendor-openapi.ts /path/to/jira-platform-v3.json [out.json]
 *
 * Writes dev/jira-sim/openapi/jira-v3-subset.json by default (checked in; the contract tests read it,
 * never the full spec).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Path -> methods the simulator implements. Keep in sync with dev/jira-sim/routes. */
export const USED_OPERATIONS: Record<string, string[]> = {
  '/rest/api/3/myself': ['get'],
  '/rest/api/3/user': ['get'],
  '/rest/api/3/user/bulk': ['get'],
  '/rest/api/3/group/bulk': ['get'],
  '/rest/api/3/serverInfo': ['get'],
  '/rest/api/3/project/search': ['get'],
  '/rest/api/3/project/{projectIdOrKey}': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/role': ['get'],
  '/rest/api/3/project/{projectIdOrKey}/role/{id}': ['get'],
  '/rest/api/3/projectCategory': ['get'],
  '/rest/api/3/projectCategory/{id}': ['get'],
  '/rest/api/3/issuetype': ['get'],
  '/rest/api/3/status': ['get'],
  '/rest/api/3/statuscategory': ['get'],
  '/rest/api/3/priority': ['get'],
  '/rest/api/3/priority/search': ['get'],
  '/rest/api/3/resolution': ['get'],
  '/rest/api/3/search/jql': ['get', 'post'],
  '/rest/api/3/search': ['get', 'post'],
  '/rest/api/3/search/approximate-count': ['post'],
  '/rest/api/3/issue/bulkfetch': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}': ['get', 'put'],
  '/rest/api/3/issue/{issueIdOrKey}/transitions': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/properties': ['get'],
  '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ['get', 'put', 'delete'],
  '/rest/api/3/issueLinkType': ['get'],
  '/rest/api/3/issueLinkType/{issueLinkTypeId}': ['get'],
  '/rest/api/3/field': ['get'],
  '/rest/api/3/mypermissions': ['get'],
  '/rest/api/3/permissions/project': ['post'],
  '/rest/api/3/jql/parse': ['post'],
  '/rest/api/3/changelog/bulkfetch': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}/notify': ['post'],
  '/rest/api/3/permissions/check': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}/comment': ['get', 'post'],
};

/** Schemas the contract tests use to check values inside `fields` (IssueBean.fields is untyped). */
export const EXTRA_SCHEMAS = [
  'ErrorCollection',
  'IssueLink',
  'LinkedIssue',
  'UserDetails',
  'ProjectDetails',
  'SecurityLevel',
  'Resolution',
  'StatusDetails',
  'IssueTypeDetails',
  'Priority',
  'CustomFieldOption',
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function collectRefs(node: Json, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else collectRefs(v, out);
    }
  }
}

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(part in node)) {
      throw new Error(`unresolvable $ref ${ref}`);
    }
    node = (node as { [k: string]: Json })[part] as Json;
  }
  return node;
}

export function vendor(spec: { [k: string]: Json }): { [k: string]: Json } {
  const specPaths = spec.paths as { [k: string]: { [k: string]: Json } };
  const paths: { [k: string]: Json } = {};
  for (const [p, methods] of Object.entries(USED_OPERATIONS)) {
    const item = specPaths[p];
    if (!item) throw new Error(`path not in spec: ${p}`);
    const out: { [k: string]: Json } = {};
    if (item.parameters) out.parameters = item.parameters;
    for (const m of methods) {
      const op = item[m];
      if (!op) throw new Error(`${m.toUpperCase()} ${p} not in spec`);
      out[m] = op;
    }
    paths[p] = out;
  }

  const components: { [type: string]: { [name: string]: Json } } = {};
  const pending = new Set<string>();
  collectRefs(paths, pending);
  for (const name of EXTRA_SCHEMAS) pending.add(`#/components/schemas/${name}`);
  const done = new Set<string>();
  while (pending.size > 0) {
    const ref = pending.values().next().value as string;
    pending.delete(ref);
    if (done.has(ref)) continue;
    done.add(ref);
    const m = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
    if (!m) throw new Error(`unexpected $ref ${ref}`);
    const [, type, name] = m as unknown as [string, string, string];
    const target = resolvePointer(spec, ref);
    components[type] ??= {};
    (components[type] as { [k: string]: Json })[name.replace(/~1/g, '/').replace(/~0/g, '~')] = target;
    const nested = new Set<string>();
    collectRefs(target, nested);
    for (const r of nested) if (!done.has(r)) pending.add(r);
  }
  const sortedComponents: { [k: string]: Json } = {};
  for (const type of Object.keys(components).sort()) {
    const entries = components[type] ?? {};
    sortedComponents[type] = Object.fromEntries(
      Object.keys(entries)
        .sort()
        .map((k) => [k, entries[k] as Json]),
    );
  }
  const security = spec.components as { [k: string]: Json } | undefined;
  if (security?.securitySchemes) sortedComponents.securitySchemes = security.securitySchemes;

  const info = spec.info as { [k: string]: Json };
  return {
    openapi: spec.openapi as Json,
    info: {
      title: info.title as Json,
      version: info.version as Json,
      description:
        "Subset of Atlassian's Jira Cloud platform REST API v3 OpenAPI spec: the operations the PMO Portfolio Jira simulator serves and the components they reference. Generated by scripts/vendor-openapi.ts; do not edit.",
    },
    servers: (spec.servers as Json) ?? [],
    paths,
    components: sortedComponents,
  };
}

function main(): void {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    process.stderr.write('usage: tsx scripts/vendor-openapi.ts <jira-platform-v3.json> [out.json]\n');
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(input, 'utf8')) as { [k: string]: Json };
  const subset = vendor(spec);
  const target = output ?? path.join(__dirname, '..', 'dev', 'jira-sim', 'openapi', 'jira-v3-subset.json');
  writeFileSync(target, `${JSON.stringify(subset, null, 2)}\n`);
  const schemas = Object.keys((subset.components as { schemas?: object }).schemas ?? {}).length;
  process.stdout.write(
    `wrote ${target}: ${Object.keys(subset.paths as object).length} paths, ${schemas} schemas\n`,
  );
}

if (require.main === module) main();

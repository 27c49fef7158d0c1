import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The local host's response policies, in one place:
 *
 * - the host's own pages (the Jira-like frame, issue and project views) may not be framed by anyone
 *   (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) and load images only from themselves;
 * - the Custom UI apps get the policy the manifest would give them on Forge: scripts and styles from
 *   the resource itself plus what `permissions.content` allows, images and fetches from the resource,
 *   the Jira site the app runs in (project avatars) and what `permissions.external` lists; only the
 *   host may frame them. Adding an origin to the app means adding it to the manifest.
 */

export const MANIFEST_PATH = path.join(__dirname, '..', '..', 'manifest.yml');

const Sources = z.array(z.union([z.string(), z.object({ address: z.string() }).loose()])).optional();

const ManifestPermissionsSchema = z
  .object({
    permissions: z
      .object({
        content: z
          .object({ scripts: z.array(z.string()).optional(), styles: z.array(z.string()).optional() })
          .optional(),
        external: z
          .object({
            images: Sources,
            fetch: z.object({ client: Sources, backend: Sources }).loose().optional(),
            fonts: Sources,
            styles: Sources,
            scripts: Sources,
          })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type ManifestPermissions = NonNullable<z.infer<typeof ManifestPermissionsSchema>['permissions']>;

export function readManifestPermissions(file = MANIFEST_PATH): ManifestPermissions {
  return ManifestPermissionsSchema.parse(parse(readFileSync(file, 'utf8'))).permissions ?? {};
}

/** The host's own pages: their script is /__host/frame.js, never inline; no one may frame them. */
export const FRAME_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const FRAME_HEADERS = {
  'content-security-policy': FRAME_CSP,
  'x-frame-options': 'DENY',
} as const;

/** The Custom UI apps' policy, derived from the manifest's permissions (see the file comment). */
export function appContentSecurityPolicy(permissions: ManifestPermissions, jiraBaseUrl: string): string {
  const content = permissions.content ?? {};
  const external = permissions.external ?? {};
  const keywords = (values: readonly string[] | undefined, allowed: readonly string[]) =>
    (values ?? []).filter((value) => allowed.includes(value)).map((value) => `'${value}'`);
  const jiraOrigin = new URL(jiraBaseUrl).origin;
  return [
    "default-src 'self'",
    [
      'script-src',
      "'self'",
      ...keywords(content.scripts, ['unsafe-inline', 'unsafe-eval']),
      ...addresses(external.scripts),
    ].join(' '),
    [
      'style-src',
      "'self'",
      ...keywords(content.styles, ['unsafe-inline']),
      ...addresses(external.styles),
    ].join(' '),
    ['img-src', "'self'", 'data:', 'blob:', jiraOrigin, ...addresses(external.images)].join(' '),
    ['font-src', "'self'", 'data:', ...addresses(external.fonts)].join(' '),
    ['connect-src', "'self'", ...addresses(external.fetch?.client)].join(' '),
    "object-src 'none'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function appHeaders(permissions: ManifestPermissions, jiraBaseUrl: string): Record<string, string> {
  return {
    'content-security-policy': appContentSecurityPolicy(permissions, jiraBaseUrl),
    'x-frame-options': 'SAMEORIGIN',
  };
}

function addresses(sources: z.infer<typeof Sources>): string[] {
  return (sources ?? []).map((source) => (typeof source === 'string' ? source : source.address));
}

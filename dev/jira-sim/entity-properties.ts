/**
 * The issue entity properties Jira indexes for JQL: those the app declares in manifest.yml
 * (`jira:entityProperty`), with their declared types and search aliases. Jira searches nothing else:
 * a clause on an undeclared property finds no value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export type IndexedPropertyType = 'number' | 'string' | 'text' | 'date' | 'user';

export interface IndexedProperty {
  propertyKey: string;
  /** Dotted path inside the property's JSON value. */
  path: string;
  type: IndexedPropertyType;
  /** The JQL name that stands for `issue.property[propertyKey].path`. */
  searchAlias?: string;
}

const ManifestSchema = z.object({
  modules: z
    .object({
      'jira:entityProperty': z
        .array(
          z.object({
            entityType: z.string().default('issue'),
            propertyKey: z.string(),
            values: z.array(
              z.object({
                path: z.string(),
                type: z.enum(['number', 'string', 'text', 'date', 'user']),
                searchAlias: z.string().optional(),
              }),
            ),
          }),
        )
        .default([]),
    })
    .loose(),
});

const MANIFEST_PATH = path.resolve(__dirname, '../../manifest.yml');

let fromManifest: readonly IndexedProperty[] | undefined;

/** The issue properties manifest.yml declares (read once). */
export function manifestIndexedProperties(): readonly IndexedProperty[] {
  if (!fromManifest) {
    const manifest = ManifestSchema.parse(parse(readFileSync(MANIFEST_PATH, 'utf8')));
    fromManifest = manifest.modules['jira:entityProperty']
      .filter((module) => module.entityType === 'issue')
      .flatMap((module) =>
        module.values.map((value) => ({
          propertyKey: module.propertyKey,
          path: value.path,
          type: value.type,
          ...(value.searchAlias ? { searchAlias: value.searchAlias } : {}),
        })),
      );
  }
  return fromManifest;
}

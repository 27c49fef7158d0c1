import type { PmoConfig } from '@domain/config/schema';
import type { SiteCatalog } from './catalog';
import type { Problems } from './draft/validation';

export type Recipe = (draft: PmoConfig) => PmoConfig;

/** What every editable section gets: the draft, a way to change it, its problems, Jira's lists. */
export interface EditorProps {
  config: PmoConfig;
  update: (recipe: Recipe) => void;
  problems: Problems;
  catalog: SiteCatalog;
  /** The viewer may not change settings: controls are shown disabled, add/remove buttons hidden. */
  readOnly: boolean;
}

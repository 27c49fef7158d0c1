import Button from '@atlaskit/button/new';
import type { SavedView } from '@domain/saved-views/saved-view';
import { type FormEvent, useState } from 'react';
import { useResolver } from '../api/use-resolver';
import { useResolverAction } from '../api/use-resolver-action';
import type { PortfolioRouteId } from './routes';
import { useRouteQuery } from './use-route-query';
import './saved-views.css';

const NO_PAYLOAD = {};

/** One saved view: apply it (its name), rename it inline, or delete it. */
function SavedViewRow({
  view,
  active,
  onApply,
  onRename,
  onDelete,
  maxNameLength,
}: {
  view: SavedView;
  active: boolean;
  onApply: () => void;
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
  maxNameLength: number;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(view.name);
  if (editing) {
    const submit = async (event: FormEvent) => {
      event.preventDefault();
      if (await onRename(name)) setEditing(false);
    };
    return (
      <li className="pmo-row pmo-spread">
        <form className="pmo-saved-views__form" onSubmit={submit}>
          <label className="pmo-visually-hidden" htmlFor={`rename-${view.id}`}>
            New name for {view.name}
          </label>
          <input
            id={`rename-${view.id}`}
            className="pmo-input"
            value={name}
            maxLength={maxNameLength}
            onChange={(e) => setName(e.target.value)}
            data-testid={`saved-view-rename-input-${view.name}`}
          />
          <Button type="submit" spacing="compact" appearance="primary" testId="saved-view-rename-save">
            Save
          </Button>
          <Button spacing="compact" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      </li>
    );
  }
  return (
    <li className="pmo-row pmo-spread" data-testid={`saved-view-${view.name}`}>
      <Button
        appearance="subtle"
        spacing="compact"
        onClick={onApply}
        isSelected={active}
        aria-current={active ? 'true' : undefined}
        testId={`saved-view-apply-${view.name}`}
      >
        {view.name}
      </Button>
      <span className="pmo-saved-views__actions">
        <Button
          spacing="compact"
          appearance="subtle"
          onClick={() => {
            setName(view.name);
            setEditing(true);
          }}
          aria-label={`Rename ${view.name}`}
          testId={`saved-view-rename-${view.name}`}
        >
          Rename
        </Button>
        <Button
          spacing="compact"
          appearance="subtle"
          onClick={onDelete}
          aria-label={`Delete ${view.name}`}
          testId={`saved-view-delete-${view.name}`}
        >
          Delete
        </Button>
      </span>
    </li>
  );
}

/**
 * "Saved views" of one portfolio view: the filters and sorting in the URL saved under a name (per
 * person, kept by the app), applied with one click, renamed or deleted. Applying a view pushes its query
 * onto the page's history, like any other change of filters.
 */
export function SavedViews({ routeId }: { routeId: PortfolioRouteId }) {
  const route = useRouteQuery(routeId);
  const list = useResolver('listSavedViews', NO_PAYLOAD);
  const save = useResolverAction('saveView');
  const rename = useResolverAction('renameSavedView');
  const remove = useResolverAction('deleteSavedView');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const views = list.status === 'ready' ? list.data.views.filter((view) => view.route === routeId) : [];
  const limits = list.status === 'ready' ? list.data.limits : { maxViews: 30, maxNameLength: 60 };
  const search = route.status === 'ready' ? route.search : '';

  const attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    setProblem(null);
    try {
      await action();
      list.reload();
      return true;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return false;
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt(() => save.run({ route: routeId, name, query: search }))) setName('');
  };

  return (
    <details className="pmo-saved-views" data-testid="saved-views">
      <summary className="pmo-saved-views__summary" data-testid="saved-views-toggle">
        Saved views{views.length > 0 ? ` (${views.length})` : ''}
      </summary>
      <div className="pmo-saved-views__panel">
        {list.status === 'error' ? (
          <p role="alert" className="pmo-subtle">
            Your saved views could not be loaded: {list.error.message}
          </p>
        ) : views.length === 0 ? (
          <p className="pmo-subtle" data-testid="saved-views-empty">
            No saved views of this page yet. Set filters and sorting, then save them here under a name.
          </p>
        ) : (
          <ul
            className="pmo-bare-list pmo-column pmo-saved-views__list"
            aria-label="Your saved views of this page"
          >
            {views.map((view) => (
              <SavedViewRow
                key={`${view.id}-${view.name}`}
                view={view}
                active={view.query === search}
                onApply={() => route.status === 'ready' && route.setSearch(view.query)}
                onRename={(next) => attempt(() => rename.run({ id: view.id, name: next }))}
                onDelete={() => void attempt(() => remove.run({ id: view.id }))}
                maxNameLength={limits.maxNameLength}
              />
            ))}
          </ul>
        )}
        <form className="pmo-saved-views__form" onSubmit={submit} data-testid="saved-view-form">
          <label>
            <span>Save the current filters and sorting as</span>
            <input
              className="pmo-input"
              value={name}
              maxLength={limits.maxNameLength}
              onChange={(e) => setName(e.target.value)}
              placeholder="View name"
              data-testid="saved-view-name"
            />
          </label>
          <Button
            type="submit"
            appearance="primary"
            spacing="compact"
            isDisabled={name.trim().length === 0 || save.pending}
            testId="saved-view-save"
          >
            Save view
          </Button>
        </form>
        {problem !== null ? (
          <p role="alert" className="pmo-saved-views__problem" data-testid="saved-views-problem">
            {problem}
          </p>
        ) : null}
        <p className="pmo-subtlest">
          Only you see your saved views (at most {limits.maxViews}). To share a view, copy the page's address.
        </p>
      </div>
    </details>
  );
}

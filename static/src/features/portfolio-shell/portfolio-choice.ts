/**
 * Remembers the portfolio the user last viewed, so the portfolio page opens on it after a reload.
 * Storage can be missing or refuse access (private windows, sandboxed frames, quotas): then the
 * choice simply is not remembered.
 */

export const ALL_PORTFOLIOS = 'all';
export const PORTFOLIO_STORAGE_KEY = 'pmo-portfolio.selected-portfolio';

/** The part of the Web Storage API used here. */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `window.localStorage`, or null where it does not exist or throws on access. */
export function browserStorage(): ChoiceStorage | null {
  try {
    return typeof window === 'undefined' ? null : (window.localStorage ?? null);
  } catch {
    return null;
  }
}

/** A stored value that could be a portfolio id: a short line of printable text. */
function isPlausibleId(value: string | null): value is string {
  if (value === null || value.length === 0 || value.length > 200) return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** The remembered portfolio id (opaque: ids of new kinds of portfolio pass through), else `all`. */
export function readRememberedPortfolio(storage: ChoiceStorage | null = browserStorage()): string {
  if (storage === null) return ALL_PORTFOLIOS;
  try {
    const value = storage.getItem(PORTFOLIO_STORAGE_KEY);
    return isPlausibleId(value) ? value : ALL_PORTFOLIOS;
  } catch {
    return ALL_PORTFOLIOS;
  }
}

/** Remembers `portfolioId` (forgets the choice for `all`, the default); never throws. */
export function rememberPortfolio(
  portfolioId: string,
  storage: ChoiceStorage | null = browserStorage(),
): void {
  if (storage === null) return;
  try {
    if (portfolioId === ALL_PORTFOLIOS || !isPlausibleId(portfolioId))
      storage.removeItem(PORTFOLIO_STORAGE_KEY);
    else storage.setItem(PORTFOLIO_STORAGE_KEY, portfolioId);
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
}

/**
 * The portfolio to show once the list of portfolios is known: `current` when the user may still
 * view it, else `all` (a remembered portfolio may have been deleted, or belong to another user of
 * the same browser).
 */
export function availablePortfolio(current: string, portfolios: readonly { id: string }[]): string {
  if (portfolios.some((portfolio) => portfolio.id === current)) return current;
  return ALL_PORTFOLIOS;
}

import { readFlag, toSearch, writeFlag } from '../../shared/portfolio/url-query';

/** The Gates page's URL query: `?notReady=1` shows only issues not ready for their next gate. */
export interface GatesQuery {
  onlyNotReady: boolean;
}

export function parseGatesQuery(search: string): GatesQuery {
  return { onlyNotReady: readFlag(new URLSearchParams(search), 'notReady') };
}

export function formatGatesQuery(query: GatesQuery): string {
  const params = new URLSearchParams();
  writeFlag(params, 'notReady', query.onlyNotReady);
  return toSearch(params);
}

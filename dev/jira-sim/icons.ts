/** Small SVG stand-ins for Jira's avatars and icons, so the local host renders without the internet. */
import type { SimState } from './state';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const ISSUE_TYPE_COLOURS: Record<string, string> = {
  epic: '#904ee2',
  story: '#63ba3c',
  task: '#4bade8',
  bug: '#e5493a',
  subtask: '#4bade8',
  risk: '#ff8b00',
  assumption: '#00b8d9',
  decision: '#6b778c',
};
const PRIORITY_COLOURS: Record<string, string> = {
  highest: '#d04437',
  high: '#f15c75',
  medium: '#f79232',
  low: '#2a8735',
  lowest: '#55a557',
};
const PALETTE = ['#0052cc', '#00875a', '#de350b', '#5243aa', '#ff991f', '#00a3bf', '#403294', '#172b4d'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

function badge(text: string, colour: string, round: boolean): string {
  const shape = round
    ? `<circle cx="24" cy="24" r="24" fill="${colour}"/>`
    : `<rect width="48" height="48" rx="8" fill="${colour}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">${shape}<text x="24" y="30" font-family="Arial, sans-serif" font-size="18" font-weight="bold" fill="#fff" text-anchor="middle">${esc(text)}</text></svg>`;
}

export function iconSvg(path: string, params: URLSearchParams, state: SimState): string {
  if (path.startsWith('/secure/useravatar')) {
    const person = state.people.get(params.get('accountId') ?? '');
    const name = person?.displayName ?? '?';
    const initials = name
      .split(/\s+/)
      .map((w) => w.charAt(0))
      .join('')
      .slice(0, 2)
      .toUpperCase();
    return badge(initials, PALETTE[hash(name) % PALETTE.length] ?? '#0052cc', true);
  }
  if (path.startsWith('/secure/projectavatar')) {
    const idx = state.findProject(params.get('pid') ?? '');
    const key = idx === undefined ? '?' : state.project(idx).key;
    return badge(key.charAt(0), PALETTE[hash(key) % PALETTE.length] ?? '#0052cc', false);
  }
  const file = (path.split('/').pop() ?? '').replace(/\.(svg|png|gif)$/, '');
  if (path.startsWith('/images/icons/issuetypes/')) {
    return badge(file.charAt(0).toUpperCase(), ISSUE_TYPE_COLOURS[file] ?? '#4bade8', false);
  }
  if (path.startsWith('/images/icons/priorities/')) {
    const colour = PRIORITY_COLOURS[file] ?? '#f79232';
    const up = file.startsWith('high');
    const arrow = up
      ? 'M24 10 L38 30 L10 30 Z'
      : file === 'medium'
        ? 'M10 18 H38 V30 H10 Z'
        : 'M24 38 L38 18 L10 18 Z';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><path d="${arrow}" fill="${colour}"/></svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><circle cx="24" cy="24" r="16" fill="#6b778c"/></svg>`;
}

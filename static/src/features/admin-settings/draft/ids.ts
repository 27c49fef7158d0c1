/**
 * Ids for things an admin creates (standards, rules, stages, checklist items, portfolios). They are
 * short slugs (the schemas' `Slug`), made from the name when there is one, and unique among their
 * siblings. Ids key stored data (checklist ticks), so they never change once created.
 */

const MAX = 63;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX - 4)
    .replace(/-+$/g, '');
  return slug;
}

/** `base` made a slug, with -2, -3... when a sibling already has it; `fallback` when `base` has no letters. */
export function uniqueId(base: string, taken: Iterable<string>, fallback = 'item'): string {
  const used = new Set(taken);
  const stem = slugify(base) || fallback;
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

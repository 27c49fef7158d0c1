import { z } from 'zod';

/**
 * A status update's commentary: plain text with links, at most {@link MAX_COMMENTARY_LENGTH}
 * characters. It is never interpreted as markup anywhere: the page shows it as text (links found in
 * it become plain anchors), and exports escape it. Control characters other than line breaks and tabs
 * (and bidi overrides, which can hide text) are removed on the way in.
 */

export const MAX_COMMENTARY_LENGTH = 2_000;

/** Control characters other than tab and line feed, and bidi controls (which can hide text). */
function isRemoved(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Line breaks as `\n`, other control characters and bidi controls removed. */
export function cleanCommentary(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) if (!isRemoved(char.codePointAt(0) ?? 0)) out += char;
  return out;
}

export const CommentarySchema = z
  .string()
  .transform(cleanCommentary)
  .pipe(
    z
      .string()
      .max(
        MAX_COMMENTARY_LENGTH,
        `The commentary can be at most ${MAX_COMMENTARY_LENGTH.toLocaleString('en')} characters`,
      ),
  );

/** A piece of commentary: text, or a web link (http or https only) found in it. */
export type CommentaryPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
/** Punctuation that ends a sentence rather than a link. */
const TRAILING = /[.,;:!?)\]}]+$/;

/** The commentary split into text and links, for rendering without ever parsing markup. */
export function commentaryParts(text: string): CommentaryPart[] {
  const parts: CommentaryPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const link = raw.replace(TRAILING, '');
    const index = match.index ?? 0;
    let href: string | null = null;
    try {
      const url = new URL(link);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) });
    parts.push({ kind: 'link', text: link, href });
    last = index + link.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

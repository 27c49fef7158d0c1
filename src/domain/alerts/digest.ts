import type { Alert } from './alert';
import { ALERT_EVENT_LABELS, AlertEventKind } from './subscriptions';

/**
 * The e-mails the app asks Jira to send (through `POST /issue/{key}/notify`): plain text and the
 * same in simple HTML. Everything in them was filtered for the recipient before it gets here.
 */

export interface DigestMail {
  subject: string;
  textBody: string;
  htmlBody: string;
}

/** Jira's notify caps nothing documented; a digest stays readable, the rest is on the page. */
export const MAX_DIGEST_ITEMS = 50;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

interface Section {
  title: string;
  lines: string[];
}

function mail(subject: string, intro: string, sections: readonly Section[], footer: string): DigestMail {
  const shown = sections.filter((section) => section.lines.length > 0);
  const text = [
    intro,
    ...shown.map((section) => `\n${section.title}\n${section.lines.map((line) => `- ${line}`).join('\n')}`),
    `\n${footer}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    ...shown.map(
      (section) =>
        `<h3>${escapeHtml(section.title)}</h3><ul>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    ),
    `<p>${escapeHtml(footer)}</p>`,
  ].join('');
  return { subject, textBody: text, htmlBody: html };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The daily digest of one recipient's unsent alerts, grouped by event kind. */
export function dailyDigest(alerts: readonly Alert[], day: string): DigestMail {
  const listed = alerts.slice(0, MAX_DIGEST_ITEMS);
  const sections = AlertEventKind.options.map((kind) => ({
    title: ALERT_EVENT_LABELS[kind],
    lines: listed
      .filter((alert) => alert.kind === kind)
      .map((alert) => `${alert.portfolioName}: ${alert.text}`),
  }));
  const more = alerts.length - listed.length;
  return mail(
    `PMO Portfolio: ${plural(alerts.length, 'alert')} on ${day}`,
    `Your PMO Portfolio alerts of ${day}.`,
    sections,
    `${more > 0 ? `${more} more in the app. ` : ''}Open PMO Portfolio in Jira to see them all; change what you are sent under "Alerts" on the portfolio page.`,
  );
}

export interface WeeklyDigestInput {
  portfolioName: string;
  weekEnding: string;
  /** Red projects with the reasons behind their RAG. */
  red: readonly { projectKey: string; name: string; reasons: readonly string[] }[];
  /** What changed since a week ago, one line each. */
  changes: readonly string[];
  /** Late status updates, one line each (empty until the status updates feature feeds it). */
  lateUpdates: readonly string[];
}

/** The weekly PMO digest of one portfolio for one recipient. */
export function weeklyDigest(input: WeeklyDigestInput): DigestMail {
  const red = input.red.map(
    (project) =>
      `${project.projectKey} (${project.name})${project.reasons.length > 0 ? `: ${project.reasons.join('; ')}` : ''}`,
  );
  return mail(
    `PMO weekly digest: ${input.portfolioName}, week ending ${input.weekEnding}`,
    `${input.portfolioName} this week: ${plural(input.red.length, 'red project')}, ${plural(input.changes.length, 'change')}, ${plural(input.lateUpdates.length, 'late update')}.`,
    [
      { title: 'Red projects and why', lines: red.length > 0 ? red : ['None'] },
      { title: 'What changed this week', lines: input.changes.length > 0 ? [...input.changes] : ['Nothing'] },
      { title: 'Late status updates', lines: [...input.lateUpdates] },
    ],
    'Open PMO Portfolio in Jira for the details.',
  );
}

import { z } from 'zod';
import { projectOfKey } from '../dependencies/keys';
import { type IndicatorName, IndicatorName as IndicatorNameSchema } from '../health/health';
import { type DayRecord, INDICATOR_ORDER, type RagCode } from '../history/day-record';
import { NamedRefSchema } from '../model';
import { AlertEventKind } from './subscriptions';

/**
 * What happened between two refreshes of a portfolio that someone may want to be told about. Events
 * are found by comparing the new day record with the one the previous evaluation saw, so a portfolio
 * refreshed every hour alerts once when a project turns red, not every hour it stays red.
 */

export const AlertEventSchema = z.object({
  kind: AlertEventKind,
  projectKey: z.string(),
  /** The issue the event is about (a risk, a blocked issue), null for project-level events. */
  issueKey: z.string().nullable(),
  indicator: IndicatorNameSchema.nullable(),
  /** The RAG reached (turned red, crossed into amber or red). */
  rag: z.enum(['amber', 'red']).nullable(),
  /** One sentence: names only this event's project and issue (others are redacted when read). */
  text: z.string(),
});
export type AlertEvent = z.infer<typeof AlertEventSchema>;

/** A transition the validator refused, kept as a create-only record. */
export const GateBlockSchema = z.object({
  issueKey: z.string(),
  projectKey: z.string(),
  /** The enforced standards that were not met. */
  standards: z.array(NamedRefSchema),
  /** The status the transition would have reached. */
  toStatus: z.string(),
  /** Who tried the transition, when Jira said. */
  by: z.string().nullable(),
  at: z.string(),
});
export type GateBlock = z.infer<typeof GateBlockSchema>;

/** A project whose status update is overdue: what the status updates feature's `lateUpdates` gives. */
export interface LateStatusUpdate {
  projectKey: string;
  /** The period the update was due for, e.g. "2026-W49". */
  period: string;
}

/** Stable within a refresh run: the same event found twice gives the same id. */
export function eventId(event: Pick<AlertEvent, 'kind' | 'projectKey' | 'issueKey' | 'indicator'>): string {
  return [event.kind, event.projectKey, event.issueKey ?? event.indicator ?? '-'].join('.');
}

const RANK: Record<RagCode, number> = { n: 0, g: 1, a: 2, r: 3 };
const RAG_WORD = { a: 'amber', r: 'red' } as const;

export interface EventInput {
  /** What the previous evaluation saw; null the first time (nothing is "new" then). */
  previous: DayRecord | null;
  next: DayRecord;
  /** Transitions blocked since the previous evaluation. */
  gateBlocks: readonly GateBlock[];
  /** Overdue status updates (the status updates feature's hook; empty until it is wired). */
  lateUpdates: readonly LateStatusUpdate[];
}

/** Every event between two day records, in project order. Pure: same records, same events. */
export function detectAlertEvents(input: EventInput): AlertEvent[] {
  const { previous, next } = input;
  const events: AlertEvent[] = [];
  const projectKeys = Object.keys(next.projects).sort();
  if (previous) {
    for (const projectKey of projectKeys) {
      const before = previous.projects[projectKey];
      const now = next.projects[projectKey];
      if (!before || !now) continue;
      const name = next.names[projectKey] ?? projectKey;
      const reasons = next.reasons[projectKey] ?? {};
      if (now[0] === 'r' && before[0] !== 'r') {
        // The reason of an indicator that is red now, not of one that is only amber.
        const redIndicator = INDICATOR_ORDER.find(
          (name, index) => now[2][index]?.[1] === 'r' && reasons[name],
        );
        const worst = redIndicator ? reasons[redIndicator] : Object.values(reasons)[0];
        events.push({
          kind: 'turnedRed',
          projectKey,
          issueKey: null,
          indicator: null,
          rag: 'red',
          text: `${projectKey} (${name}) turned red${worst ? `: ${worst}` : ''}`,
        });
      }
      INDICATOR_ORDER.forEach((indicator: IndicatorName, index) => {
        const was = before[2][index]?.[1] ?? 'n';
        const is = now[2][index]?.[1] ?? 'n';
        if ((is === 'a' || is === 'r') && RANK[is] > RANK[was]) {
          const reason = reasons[indicator];
          events.push({
            kind: 'thresholdCrossed',
            projectKey,
            issueKey: null,
            indicator,
            rag: RAG_WORD[is],
            text: `${projectKey} ${indicator} is ${RAG_WORD[is]}${reason ? `: ${reason}` : ''}`,
          });
        }
      });
    }
    for (const [riskKey, projectKey] of Object.entries(next.highRisks).sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      if (riskKey in previous.highRisks || !(projectKey in next.projects)) continue;
      events.push({
        kind: 'newHighRisk',
        projectKey,
        issueKey: riskKey,
        indicator: null,
        rag: null,
        text: `New high risk ${riskKey} in ${projectKey}`,
      });
    }
  }
  for (const block of gateBlocksByIssue(input.gateBlocks)) {
    if (!(block.projectKey in next.projects)) continue;
    events.push({
      kind: 'gateBlocked',
      projectKey: block.projectKey,
      issueKey: block.issueKey,
      indicator: null,
      rag: null,
      text: `${block.issueKey} was stopped before ${block.toStatus}: ${block.standards.map((s) => s.name).join(', ')} not met`,
    });
  }
  for (const late of input.lateUpdates) {
    if (!(late.projectKey in next.projects)) continue;
    events.push({
      kind: 'statusUpdateLate',
      projectKey: late.projectKey,
      issueKey: null,
      indicator: null,
      rag: null,
      text: `${late.projectKey}'s status update for ${late.period} is late`,
    });
  }
  return events;
}

/** The latest block per issue: five refused attempts at one transition are one alert. */
function gateBlocksByIssue(blocks: readonly GateBlock[]): GateBlock[] {
  const latest = new Map<string, GateBlock>();
  for (const block of blocks) {
    const seen = latest.get(block.issueKey);
    if (!seen || seen.at < block.at)
      latest.set(block.issueKey, { ...block, projectKey: projectOfKey(block.issueKey) });
  }
  return [...latest.values()].sort((a, b) => a.issueKey.localeCompare(b.issueKey));
}

import { z } from 'zod';
import type { DependencyWarning, GateState, IssueStandards } from '../../contracts/standards';
import type { PmoConfig } from '../../domain/config/schema';
import { blockingLinksOf, indexBlockingLinks } from '../../domain/dependencies/links';
import { StatusCategoryKey, type StatusRef } from '../../domain/model';
import { createEvaluator, type Evaluator } from '../../domain/standards/evaluate';
import {
  type ConfigProblem,
  type IssueFacts,
  ownEntry,
  tickOf,
  type Violation,
} from '../../domain/standards/evaluation';
import { stageLookup } from '../../domain/standards/lifecycle';
import type { ChecklistItem, Lifecycle } from '../../domain/standards/schema';
import type { JiraClient } from '../../jira/client';
import { jqlString } from '../../jira/jql';
import type { JiraStatus } from '../../jira/schemas';
import type { ChecklistState } from './checklist-store';
import { evaluationContextOf } from './issue-facts';
import type { StandardsSite } from './standards-site';
import type { TickRight } from './tick-rights';

/**
 * Everything the issue panel shows about the PMO standards on one issue, computed from the facts
 * already read (issue, checklist, site): badge, violations now, what the next stage needs, the gate
 * checklists with who ticked what, and the open issues that block this one.
 */
export interface IssueStandardsInput {
  facts: IssueFacts;
  issueId: string;
  summary: string;
  dueDate: string | null;
  config: PmoConfig;
  configVersion: number;
  site: StandardsSite;
  checklist: ChecklistState;
  blockers: BlockerInfo[];
  /** True when the blockers' details could not be read: lateness is unknown, and said so. */
  blockersUnreadable?: boolean;
  canTick: boolean;
  /** Whether the viewer may tick an item (see tick-rights.ts). */
  tickRight: (item: ChecklistItem) => TickRight;
  today: string;
}

export interface BlockerInfo {
  key: string;
  summary: string | null;
  status: StatusRef | null;
  dueDate: string | null;
}

export function evaluatorFor(config: PmoConfig, site: StandardsSite): Evaluator {
  return createEvaluator(config.standards, evaluationContextOf(config, site.mapping, site.fieldNames));
}

export function describeIssueStandards(input: IssueStandardsInput): IssueStandards {
  const { facts, config, site } = input;
  const evaluator = evaluatorFor(config, site);
  const now = evaluator.evaluate(facts);
  const stages = stagePosition(config.lifecycle, facts.status.name, site.statuses);
  const nextStatus = stages.next ? statusRefOf(stages.next.status, site.statuses) : null;
  const ahead = nextStatus ? evaluator.evaluate(facts, nextStatus).violations : [];
  const seen = new Set(now.violations.map(violationId));
  const nextStageViolations = ahead.filter((violation) => !seen.has(violationId(violation)));

  return {
    issue: {
      id: input.issueId,
      key: facts.key,
      summary: input.summary,
      issueType: facts.issueType,
      projectKey: facts.projectKey,
      status: facts.status,
      dueDate: input.dueDate,
    },
    configVersion: input.configVersion,
    badge:
      now.applicable.length === 0
        ? 'not-covered'
        : now.violations.some((violation) => violation.mode === 'enforce')
          ? 'blocking'
          : now.violations.length > 0
            ? 'warnings'
            : 'compliant',
    applicable: now.applicable,
    violations: now.violations,
    stage: {
      current: stages.current,
      next: stages.next ? { id: stages.next.id, name: stages.next.name, status: stages.next.status } : null,
    },
    nextStageViolations,
    gates: gatesOf(input, now.applicable, stages),
    dependencies: dependencyWarnings(input),
    history: historyOf(input),
    canTick: input.canTick,
    problems: [...now.problems, ...siteProblems(config, site)],
  };
}

function violationId(violation: Violation): string {
  return `${violation.standardId}/${violation.ruleId}/${violation.message}`;
}

interface StagePosition {
  currentIndex: number | null;
  current: { id: string; name: string } | null;
  next: { id: string; name: string; status: string; index: number } | null;
}

/** The issue's lifecycle stage and the next stage that has a status on this site. */
export function stagePosition(
  lifecycle: Lifecycle,
  statusName: string,
  statuses: readonly JiraStatus[],
): StagePosition {
  const known = new Set(statuses.map((status) => status.name.toLowerCase()));
  const index = stageLookup(lifecycle).indexOfStatus(statusName);
  if (index === undefined) return { currentIndex: null, current: null, next: null };
  const stage = lifecycle.stages[index];
  let next: StagePosition['next'] = null;
  for (let candidate = index + 1; candidate < lifecycle.stages.length && next === null; candidate++) {
    const nextStage = lifecycle.stages[candidate];
    const status = nextStage?.statuses.find((s) => known.has(s.toLowerCase()));
    if (nextStage && status) next = { id: nextStage.id, name: nextStage.name, status, index: candidate };
  }
  return { currentIndex: index, current: stage ? { id: stage.id, name: stage.name } : null, next };
}

function statusRefOf(name: string, statuses: readonly JiraStatus[]): StatusRef | null {
  const status = statuses.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!status) return null;
  const category = StatusCategoryKey.safeParse(status.statusCategory.key);
  return category.success ? { name: status.name, category: category.data } : null;
}

function gatesOf(
  input: IssueStandardsInput,
  applicable: readonly { id: string }[],
  stages: StagePosition,
): GateState[] {
  const applicableIds = new Set(applicable.map((standard) => standard.id));
  const gates: GateState[] = [];
  const lookup = stageLookup(input.config.lifecycle);
  for (const standard of input.config.standards) {
    if (standard.mode === 'off' || !applicableIds.has(standard.id)) continue;
    for (const rule of standard.rules) {
      if (rule.kind !== 'gateChecklist') continue;
      const stage = lookup.stage(rule.stage);
      if (!stage) continue; // reported as a problem by the evaluator
      const items = rule.items.map((item) => {
        const tick = tickOf(input.checklist.ticks, rule.id, item.id);
        return {
          id: item.id,
          text: item.text,
          mandatory: item.mandatory,
          tick: tick
            ? { by: { accountId: tick.by, displayName: tick.byName ?? tick.by }, at: tick.at }
            : null,
          namesWhoMayTick: item.tickableBy !== undefined,
          ...tickabilityOf(input.tickRight(item)),
        };
      });
      gates.push({
        ruleId: rule.id,
        standardId: standard.id,
        standardName: standard.name,
        mode: standard.mode,
        stage: { id: rule.stage, name: stage.name },
        items,
        complete: items.every((item) => !item.mandatory || item.tick !== null),
        isNext: stages.next?.id === rule.stage,
        passed: stages.currentIndex !== null && stages.currentIndex >= stage.index,
      });
    }
  }
  return gates;
}

function dependencyWarnings(input: IssueStandardsInput): DependencyWarning[] {
  const { blockedBy } = blockingLinksOf(
    input.facts.links,
    indexBlockingLinks(input.config.engine.blockingLinks),
  );
  const info = new Map(input.blockers.map((blocker) => [blocker.key, blocker]));
  const statusOfLink = new Map(input.facts.links.map((link) => [link.otherKey, link.otherStatusCategory]));
  const warnings: DependencyWarning[] = [];
  for (const key of blockedBy) {
    const blocker = info.get(key);
    const category = blocker?.status?.category ?? statusOfLink.get(key) ?? null;
    if (category === 'done') continue;
    const projectKey = key.slice(0, key.lastIndexOf('-'));
    const dueDate = blocker?.dueDate ?? null;
    const dueAfterThis = dueDate !== null && input.dueDate !== null && dueDate > input.dueDate;
    const overdue = dueDate !== null && dueDate < input.today;
    const detailsUnavailable = input.blockersUnreadable === true && blocker === undefined;
    const parts = [`${key} is unresolved and blocks this issue`];
    if (dueAfterThis) parts.push(`it is due ${dueDate}, after this issue (${input.dueDate})`);
    else if (overdue) parts.push(`it was due ${dueDate}`);
    else if (detailsUnavailable)
      parts.push('its due date could not be read from Jira, so whether it is late is unknown');
    warnings.push({
      key,
      projectKey,
      summary: blocker?.summary ?? null,
      status: blocker?.status ?? null,
      dueDate,
      late: dueAfterThis || overdue,
      detailsUnavailable,
      otherProject: projectKey !== input.facts.projectKey,
      message: `${parts.join('; ')}.`,
    });
  }
  return warnings.sort((a, b) => Number(b.late) - Number(a.late) || a.key.localeCompare(b.key));
}

const HISTORY_SHOWN = 50;

function historyOf(input: IssueStandardsInput): IssueStandards['history'] {
  const itemTexts = new Map<string, string>();
  for (const standard of input.config.standards) {
    for (const rule of standard.rules) {
      if (rule.kind !== 'gateChecklist') continue;
      for (const item of rule.items) itemTexts.set(`${rule.id}/${item.id}`, item.text);
    }
  }
  return input.checklist.history
    .slice(-HISTORY_SHOWN)
    .reverse()
    .map((event) => ({
      ruleId: event.ruleId,
      itemId: event.itemId,
      itemText:
        itemTexts.get(`${event.ruleId}/${event.itemId}`) ?? `${event.itemId} (no longer in the checklist)`,
      ticked: event.ticked,
      by: { accountId: event.by, displayName: event.byName ?? event.by },
      at: event.at,
    }));
}

/** Statuses the configuration names that this site does not have (renamed or deleted workflows). */
export function siteProblems(
  config: PmoConfig,
  site: Pick<StandardsSite, 'statuses' | 'fieldNames'>,
): ConfigProblem[] {
  const known = new Set(site.statuses.map((status) => status.name.toLowerCase()));
  const problems: ConfigProblem[] = [];
  for (const stage of config.lifecycle.stages) {
    for (const status of stage.statuses) {
      if (!known.has(status.toLowerCase())) {
        problems.push({
          standardId: 'lifecycle',
          ruleId: stage.id,
          message: `The ${stage.name} stage maps the status "${status}", which this Jira site does not have.`,
        });
      }
    }
  }
  for (const standard of config.standards) {
    if (standard.mode === 'off') continue;
    for (const rule of standard.rules) {
      const named = 'when' in rule ? (rule.when.statuses ?? []) : [];
      for (const status of named) {
        if (!known.has(status.toLowerCase())) {
          problems.push({
            standardId: standard.id,
            ruleId: rule.id,
            message: `“${standard.name}” applies in the status "${status}", which this Jira site does not have.`,
          });
        }
      }
      const refs =
        rule.kind === 'requiredFields' ? rule.fields : rule.kind === 'fieldCondition' ? [rule.field] : [];
      for (const ref of refs) {
        if (ref.kind === 'field' && ownEntry(site.fieldNames, ref.id) === undefined) {
          problems.push({
            standardId: standard.id,
            ruleId: rule.id,
            message: `“${standard.name}” needs the field ${ref.name} (${ref.id}), which this Jira site does not have.`,
          });
        }
      }
    }
  }
  return problems;
}

const BlockerFields = z.object({
  summary: z.string().nullish(),
  status: z.object({ name: z.string(), statusCategory: z.object({ key: StatusCategoryKey }) }).nullish(),
  duedate: z.string().nullish(),
});

/** Reads the open blockers' summaries, statuses and due dates as the user (one search, max 50). */
export async function readBlockers(jira: JiraClient, keys: readonly string[]): Promise<BlockerInfo[]> {
  if (keys.length === 0) return [];
  const page = await jira.searchPage({
    jql: `key in (${keys.slice(0, 50).map(jqlString).join(', ')})`,
    fields: ['summary', 'status', 'duedate'],
    maxResults: 50,
  });
  return page.issues.map((issue) => {
    const fields = BlockerFields.safeParse(issue.fields);
    if (!fields.success) return { key: issue.key, summary: null, status: null, dueDate: null };
    const { summary, status, duedate } = fields.data;
    return {
      key: issue.key,
      summary: summary ?? null,
      status: status ? { name: status.name, category: status.statusCategory.key } : null,
      dueDate: duedate?.slice(0, 10) ?? null,
    };
  });
}

function tickabilityOf(right: TickRight) {
  return { tickableBy: right.audience, tickable: right.allowed, notTickableReason: right.reason };
}

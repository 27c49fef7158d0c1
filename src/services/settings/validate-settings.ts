import { SETTINGS_LIMITS, type SettingsProblem, type SiteCatalog } from '../../contracts/settings';
import type { PmoConfig } from '../../domain/config/schema';
import { PmoConfigSchema } from '../../domain/config/schema';
import { describeZodIssues } from '../../domain/errors';
import type { JiraClient } from '../../jira/client';
import { trackingIssueProblems } from '../alerts/tracking-issues';
import type { Actor, AppDeps } from '../deps';
import {
  ACCESS_PROBLEM,
  accessChanged,
  accessGroupProblems,
  configBytes,
  contentErrors,
  jqlProblems,
  structuralErrors,
} from './candidate';
import { loadSiteCatalog } from './site-catalog';
import { authorizeEditor, type LiveState } from './versions';

/** Checks a draft before it is saved (editors only); nothing is stored. */
export async function validateSettings(
  deps: AppDeps,
  actor: Actor,
  draft: unknown,
): Promise<{ problems: SettingsProblem[] }> {
  const { live, editor } = await authorizeEditor(deps, actor);
  const parsed = PmoConfigSchema.safeParse(draft);
  if (!parsed.success) {
    return {
      problems: describeZodIssues(parsed.error).map((issue) => ({ ...issue, severity: 'error' as const })),
    };
  }
  return {
    problems: await candidateProblems(
      deps.jira.asUser(actor.accountId),
      parsed.data,
      live,
      editor.canEditAccess,
    ),
  };
}

/** Every problem of a parsed candidate: size, content, access, JQL (errors) and site references (warnings). */
export async function candidateProblems(
  jira: JiraClient,
  config: PmoConfig,
  live: LiveState,
  canEditAccess: boolean,
): Promise<SettingsProblem[]> {
  const problems: SettingsProblem[] = [];
  const bytes = configBytes(config);
  if (bytes > SETTINGS_LIMITS.maxConfigBytes) {
    problems.push({
      path: '(root)',
      message: `The settings are ${Math.ceil(bytes / 1024)} KiB; at most ${SETTINGS_LIMITS.maxConfigBytes / 1024} KiB can be stored`,
      severity: 'error',
    });
  }
  problems.push(...structuralErrors(config), ...contentErrors(config));
  if (!canEditAccess && accessChanged(live.config, config)) problems.push(ACCESS_PROBLEM);
  const [jql, catalog, group, tracking] = await Promise.all([
    jqlProblems(jira, config),
    loadSiteCatalog(jira),
    canEditAccess ? accessGroupProblems(jira, live.config, config) : [],
    trackingIssueProblems(jira, config),
  ]);
  problems.push(...jql, ...group, ...tracking, ...siteReferenceProblems(config, catalog));
  return problems;
}

/**
 * Names in the configuration that the site does not know (as the caller sees it). Warnings: a
 * status may belong to a workflow not yet in use, a project may be hidden from this admin.
 */
export function siteReferenceProblems(config: PmoConfig, site: SiteCatalog): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const warn = (path: string, message: string) => problems.push({ path, message, severity: 'warning' });
  const lower = (names: Iterable<string>) => new Set([...names].map((name) => name.toLowerCase()));
  const statuses = lower(site.statuses.map((status) => status.name));
  const issueTypes = lower(site.issueTypes.map((type) => type.name));
  const linkTypes = lower(site.linkTypes.map((type) => type.name));
  const fields = new Set(site.fields.map((field) => field.id));
  const projects = new Set(site.projects.map((project) => project.key));
  const categories = new Set(site.categories.map((category) => category.id));

  const checkStatuses = (path: string, names: readonly string[] | undefined) => {
    for (const name of names ?? []) {
      if (!statuses.has(name.toLowerCase())) warn(path, `There is no status "${name}" on this site`);
    }
  };
  const checkField = (path: string, id: string | null | undefined) => {
    if (id && !fields.has(id)) warn(path, `There is no field ${id} on this site`);
  };

  config.lifecycle.stages.forEach((stage, index) => {
    checkStatuses(`lifecycle.stages.${index}.statuses`, stage.statuses);
  });
  for (const [role, id] of Object.entries(config.fieldMapping)) checkField(`fieldMapping.${role}`, id);
  checkField('engine.riskRoamFieldId', config.engine.riskRoamFieldId);
  checkField('engine.riskOwnerFieldId', config.engine.riskOwnerFieldId);
  config.engine.blockingLinks.forEach((mapping, index) => {
    if (!linkTypes.has(mapping.type.toLowerCase())) {
      warn(`engine.blockingLinks.${index}.type`, `There is no link type "${mapping.type}" on this site`);
    }
  });
  for (const [kind, names] of Object.entries(config.engine.raidTypes)) {
    for (const name of names) {
      if (!issueTypes.has(name.toLowerCase())) {
        warn(`engine.raidTypes.${kind}`, `There is no issue type "${name}" on this site`);
      }
    }
  }

  config.standards.forEach((standard, s) => {
    const base = `standards.${s}`;
    for (const key of standard.scope.projectKeys ?? []) {
      if (!projects.has(key))
        warn(`${base}.scope.projectKeys`, `There is no project ${key} (or you cannot see it)`);
    }
    for (const id of standard.scope.categoryIds ?? []) {
      if (!categories.has(id)) warn(`${base}.scope.categoryIds`, `There is no project category ${id}`);
    }
    for (const name of standard.scope.issueTypes ?? []) {
      if (!issueTypes.has(name.toLowerCase())) {
        warn(`${base}.scope.issueTypes`, `There is no issue type "${name}" on this site`);
      }
    }
    standard.rules.forEach((rule, r) => {
      const path = `${base}.rules.${r}`;
      if ('when' in rule) checkStatuses(`${path}.when.statuses`, rule.when.statuses);
      if (rule.kind === 'requiredFields') {
        rule.fields.forEach((field, f) => {
          if (field.kind === 'field') checkField(`${path}.fields.${f}.id`, field.id);
        });
      }
      if (rule.kind === 'fieldCondition' && rule.field.kind === 'field')
        checkField(`${path}.field.id`, rule.field.id);
      if (rule.kind === 'requiredLink') {
        for (const name of rule.linkTypes) {
          if (!linkTypes.has(name.toLowerCase()))
            warn(`${path}.linkTypes`, `There is no link type "${name}" on this site`);
        }
      }
    });
  });

  config.portfolios.forEach((portfolio, index) => {
    const path = `portfolios.${index}.scope`;
    if (portfolio.scope.kind === 'projects') {
      for (const key of portfolio.scope.projectKeys) {
        if (!projects.has(key))
          warn(`${path}.projectKeys`, `There is no project ${key} (or you cannot see it)`);
      }
    } else if (portfolio.scope.kind === 'category' && !categories.has(portfolio.scope.categoryId)) {
      warn(`${path}.categoryId`, `There is no project category ${portfolio.scope.categoryId}`);
    }
  });
  for (const key of Object.keys(config.overrides)) {
    if (!projects.has(key)) warn(`overrides.${key}`, `There is no project ${key} (or you cannot see it)`);
  }
  const candidates = config.scoring.candidates;
  for (const name of candidates.issueTypes) {
    if (!issueTypes.has(name.toLowerCase()))
      warn('scoring.candidates.issueTypes', `There is no issue type "${name}" on this site`);
  }
  for (const key of candidates.projectKeys) {
    if (!projects.has(key))
      warn('scoring.candidates.projectKeys', `There is no project ${key} (or you cannot see it)`);
  }
  config.scoring.models.forEach((model, m) => {
    model.criteria.forEach((criterion, c) => {
      if (criterion.input.kind === 'field' && criterion.input.field.kind === 'field')
        checkField(`scoring.models.${m}.criteria.${c}.input.field.id`, criterion.input.field.id);
    });
  });
  return problems;
}

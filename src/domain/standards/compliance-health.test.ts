import { defaultPmoConfig } from '../config/schema';
import { computeHealth, type ProjectHealthFacts } from '../health/health';
import { healthFacts } from '../health/test-data';
import { type ComplianceHealth, defaultEngineSettings, EngineSettingsSchema } from '../settings';
import { ComplianceAccumulator, complianceHealthInputs } from './compliance-report';
import { createEvaluator } from './evaluate';
import type { EvaluationContext, IssueFacts } from './evaluation';
import { type Standard, StandardSchema } from './schema';

/**
 * #14.13: warn-mode standards inform; by default they must not turn a project red. The compliance
 * indicator counts what `complianceHealth` says, while the compliance report keeps every standard.
 */

const ctx: EvaluationContext = {
  lifecycle: defaultPmoConfig.lifecycle,
  fieldMapping: {},
  blockingLinks: defaultPmoConfig.engine.blockingLinks,
  fieldNames: {},
};

const standard = (id: string, name: string, mode: 'enforce' | 'warn', field: string): Standard =>
  StandardSchema.parse({
    id,
    name,
    mode,
    scope: { issueTypes: ['Story'] },
    rules: [
      { id: `${id}-rule`, kind: 'requiredFields', fields: [{ kind: 'field', id: field, name: field }] },
    ],
  });

const hygiene = standard('hygiene', 'Data hygiene', 'warn', 'labels');
const dated = standard('dated', 'Dated work', 'enforce', 'duedate');

/** Ten stories of project ABC: none has labels (the warn standard fails on all), `dated` have a due date. */
function reportOf(standards: Standard[], datedCount: number) {
  const accumulator = new ComplianceAccumulator(
    createEvaluator(standards, ctx),
    standards,
    defaultPmoConfig.lifecycle,
  );
  for (let n = 1; n <= 10; n++) {
    const facts: IssueFacts = {
      key: `ABC-${n}`,
      projectKey: 'ABC',
      projectCategoryId: null,
      issueType: 'Story',
      status: { name: 'In Progress', category: 'indeterminate' },
      fields: n <= datedCount ? { duedate: '2026-05-01' } : {},
      links: [],
      ticks: {},
    };
    accumulator.add(facts, null);
  }
  return accumulator.result();
}

function projectFacts(compliance: ProjectHealthFacts['compliance']): ProjectHealthFacts {
  return healthFacts({ inProgress: 10, compliance });
}

function healthUnder(
  standards: Standard[],
  datedCount: number,
  complianceHealth?: Partial<ComplianceHealth>,
) {
  const settings = EngineSettingsSchema.parse(complianceHealth ? { complianceHealth } : {});
  const inputs = complianceHealthInputs(reportOf(standards, datedCount), settings.complianceHealth.counts);
  return computeHealth(projectFacts(inputs.ABC), settings);
}

const complianceOf = (health: ReturnType<typeof computeHealth>) =>
  health.indicators.find((indicator) => indicator.name === 'compliance');

describe('compliance toward health (#14.13)', () => {
  it('does not paint a project red (or amber) when only warn-mode standards fail, with the defaults', () => {
    const health = healthUnder([hygiene, dated], 10);
    expect(health.rag).toBe('green');
    expect(complianceOf(health)).toMatchObject({
      value: 100,
      rag: 'green',
      reason:
        '10 of 10 evaluated issues (100%) meet the enforced standards (Dated work); Data hygiene is in warn mode and not counted; amber below 90%.',
    });
  });

  it('says why it is neutral when every standard that applies is in warn mode', () => {
    const health = healthUnder([hygiene], 0);
    expect(health.rag).toBe('green');
    expect(complianceOf(health)).toMatchObject({
      value: null,
      rag: 'none',
      reason:
        "No enforced standard applies to this project's issues; Data hygiene is in warn mode and not counted: warn-mode standards inform on the compliance page.",
    });
  });

  it('keeps every standard on the compliance report, warn ones as warnings', () => {
    const report = reportOf([hygiene, dated], 10);
    expect(report.projects).toEqual([
      expect.objectContaining({
        projectKey: 'ABC',
        evaluated: 10,
        compliant: 0,
        enforced: { evaluated: 10, compliant: 10 },
      }),
    ]);
    expect(report.violations.map((violation) => violation.mode)).toEqual(Array(10).fill('warn'));
  });

  it('counts every standard when set to, and then caps the failing share at amber by default', () => {
    const health = healthUnder([hygiene, dated], 10, { counts: 'all' });
    expect(health.rag).toBe('amber');
    expect(complianceOf(health)).toMatchObject({
      value: 0,
      rag: 'amber',
      thresholdRag: 'red',
      reason:
        '0 of 10 evaluated issues (0%) meet the active standards (Dated work and Data hygiene); red below 75%; counted as amber, since compliance makes a project amber at most.',
    });
  });

  it('decides the RAG like any indicator when its weight is "decides"', () => {
    const health = healthUnder([hygiene, dated], 3, { weight: 'decides' });
    expect(health.rag).toBe('red');
    expect(complianceOf(health)).toMatchObject({ value: 30, rag: 'red' });
    expect(complianceOf(health)).not.toHaveProperty('thresholdRag');
  });

  it('only informs when its weight is "informs": the value and reason stay, the RAG is not touched', () => {
    const health = healthUnder([hygiene, dated], 3, { weight: 'informs' });
    expect(health.rag).toBe('green');
    expect(complianceOf(health)).toMatchObject({
      value: 30,
      rag: 'none',
      thresholdRag: 'red',
      reason:
        "3 of 10 evaluated issues (30%) meet the enforced standards (Dated work); Data hygiene is in warn mode and not counted; red below 75%; compliance informs only and does not decide the project's RAG.",
    });
  });

  it('counts every standard of a snapshot taken before enforced counts were recorded', () => {
    const { projects, standards } = reportOf([hygiene, dated], 10);
    const older = projects.map(({ enforced: _enforced, ...project }) => project);
    expect(complianceHealthInputs({ standards, projects: older }, 'enforced').ABC).toEqual({
      compliant: 0,
      evaluated: 10,
      counted: { scope: 'all', standards: ['Dated work', 'Data hygiene'], notCounted: [] },
    });
  });

  it('defaults to enforced standards only, at most amber', () => {
    expect(defaultEngineSettings.complianceHealth).toEqual({ counts: 'enforced', weight: 'capAmber' });
  });
});

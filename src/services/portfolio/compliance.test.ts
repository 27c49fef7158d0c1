import type { LocalApp } from '../../../dev/local/local-app';
import { dataAs } from '../../../test/support/local-resolvers';
import { setUpServiceSimulator } from '../../../test/support/service-sim';
import type { PortfolioReport } from '../../domain/portfolio';
import { MemoryStore } from '../../storage/memory-store';

const simulator = setUpServiceSimulator({ seed: 7, projects: 5, issuesPerProject: 40 });

describe('portfolio compliance with the PMO standards', () => {
  let local: LocalApp;
  let report: PortfolioReport;

  beforeAll(async () => {
    local = simulator.localApp({ store: new MemoryStore() });
    report = await dataAs(local, 'sim-admin', 'getPortfolioReport', { portfolioId: 'all' });
  });

  it('evaluates the default standards on every project and adds up', () => {
    const compliance = report.compliance;
    if (!compliance) throw new Error('no compliance section');
    expect(compliance.standards.map((standard) => standard.id).sort()).toEqual([
      'delivery-readiness',
      'epic-gates',
      'finish-unblocked',
      'inception-gate',
      'risk-register',
    ]);
    expect(compliance.projects.map((project) => project.projectKey).sort()).toEqual(
      simulator.sim.dataset.projects.map((project) => project.key).sort(),
    );
    const evaluated = compliance.projects.reduce((sum, project) => sum + project.evaluated, 0);
    expect(compliance.totals.evaluated).toBe(evaluated);
    expect(compliance.totals.violating).toBeGreaterThan(0);
    for (const project of compliance.projects) {
      for (const cell of project.byStandard) expect(cell.violating).toBeLessThanOrEqual(cell.applicable);
    }
  });

  it('feeds the compliance health indicator of each project with the enforced standards only (#14.13)', () => {
    const compliance = report.compliance;
    expect(compliance?.healthCounts).toBe('enforced');
    let checked = 0;
    for (const project of report.projects) {
      const indicator = project.health.indicators.find((candidate) => candidate.name === 'compliance');
      const tally = compliance?.projects.find((candidate) => candidate.projectKey === project.key);
      expect(indicator).toBeDefined();
      if (!tally || tally.evaluated === 0) continue;
      // The default standards are all in warn mode: they show on the compliance page, not in health.
      expect(tally.enforced).toEqual({ evaluated: 0, compliant: 0 });
      expect(indicator).toMatchObject({ value: null, rag: 'none' });
      expect(indicator?.reason).toMatch(
        /^No enforced standard applies to this project's issues; .+ in warn mode/,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lists violating issues exactly as the issue panel sees them', async () => {
    const sample =
      report.compliance?.violations.filter((violation) => violation.summary !== null).slice(0, 5) ?? [];
    expect(sample.length).toBeGreaterThan(0);
    for (const violation of sample) {
      const panel = await dataAs(local, 'sim-admin', 'getIssueStandards', {
        issueKey: violation.key,
      });
      const messages = panel.violations
        .filter((candidate) => candidate.standardId === violation.standardId)
        .map((candidate) => candidate.message);
      expect(messages).toEqual(violation.messages);
    }
  });

  it('reads the site’s fields once per refresh, and a page view reads neither fields nor issues', async () => {
    const category = simulator.sim.dataset.projects.find(
      (project) => project.categoryId !== null,
    )?.categoryId;
    simulator.sim.resetStats();
    await dataAs(local, 'sim-admin', 'getPortfolioReport', {
      portfolioId: `category:${category}`,
    });
    expect(simulator.sim.stats().byRoute['GET /rest/api/3/field']).toBe(1);
    simulator.sim.resetStats();
    await dataAs(local, 'sim-admin', 'getPortfolioReport', {
      portfolioId: `category:${category}`,
    });
    expect(simulator.sim.stats().byRoute['GET /rest/api/3/field']).toBeUndefined();
    expect(simulator.sim.stats().byRoute['POST /rest/api/3/search/jql']).toBeUndefined();
  });

  it('counts the same epics as passing a gate unticked as the compliance matrix counts violating the gate standard (#14.8)', () => {
    const compliance = report.compliance;
    if (!compliance) throw new Error('no compliance');
    expect(compliance.truncated).toEqual({ violations: false, gates: false });
    const missed = compliance.gates.filter((gate) => gate.missedGates.length > 0);
    const gateStandards = ['epic-gates', 'inception-gate'];
    const violating = compliance.violations.filter((violation) =>
      gateStandards.includes(violation.standardId),
    );
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.map((gate) => gate.key).sort()).toEqual(
      [...new Set(violating.map((violation) => violation.key))].sort(),
    );
    const epicGateMissed = missed.filter((gate) =>
      gate.missedGates.some((gateMissed) => gateMissed.stage.id !== 'planning'),
    );
    const matrixViolating = compliance.projects.reduce(
      (sum, project) =>
        sum + (project.byStandard.find((cell) => cell.standardId === 'epic-gates')?.violating ?? 0),
      0,
    );
    expect(epicGateMissed.length).toBe(matrixViolating);
    // Done epics that skipped their gates name them rather than having "no gate ahead".
    const doneSkipped = missed.filter((gate) => gate.nextGate === null);
    expect(doneSkipped.length).toBeGreaterThan(0);
    for (const gate of missed) {
      for (const gateMissed of gate.missedGates) expect(gateMissed.ticked).toBeLessThan(gateMissed.mandatory);
    }
  });

  it('shows each gated epic with its next gate and readiness', () => {
    const gates = report.compliance?.gates ?? [];
    expect(gates.length).toBeGreaterThan(0);
    expect(gates.every((gate) => gate.issueType === 'Epic')).toBe(true);
    for (const gate of gates) {
      if (gate.nextGate) expect(gate.nextGate.ready).toBe(gate.nextGate.ticked === gate.nextGate.mandatory);
    }
  });
});

import type { IssueLink, PortfolioIssue } from '@domain/model';
import { computePortfolio } from '@domain/portfolio/compute';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { generatePortfolio, testIssue, testProject } from '@domain/portfolio/test-data';
import { EngineSettingsSchema } from '@domain/settings';
import Papa from 'papaparse';
import { toCsv } from '../../shared/csv/csv';
import {
  buildDependencyModel,
  csvFileName,
  formatDay,
  LINK_CSV_COLUMNS,
  linkFlags,
  linksBetween,
  PAIR_CSV_COLUMNS,
  pairRows,
  sortLinks,
  sortPairRows,
} from './dependency-model';

const NOW = new Date('2025-06-02T12:00:00Z');
const settings = EngineSettingsSchema.parse({});
const open = { name: 'In Progress', category: 'indeterminate' } as const;

function blocks(other: string, status: IssueLink['otherStatusCategory'] = 'indeterminate'): IssueLink {
  return { type: 'Blocks', direction: 'outward', otherKey: other, otherStatusCategory: status };
}

function reportOf(issues: PortfolioIssue[], projects = ['API', 'WEB', 'OPS', 'DOC']): PortfolioReport {
  const computed = computePortfolio({
    projects: projects.map((key) => testProject(key, `${key} project`)),
    issues,
    settings,
    now: NOW,
  });
  return {
    ...computed,
    compliance: null,
    meta: { requests: 1, partial: false, staleProjects: [], generatedAt: '2025-06-02T12:00:01.000Z' },
  };
}

/**
 * API-1 -> WEB-1 (late: due after WEB-1); API-2 -> WEB-2 and WEB-2 -> API-2 (a cycle, the second late);
 * WEB-3 -> OPS-1 -> OPS-2 (the critical path, by story points); EXT-1 (outside) -> OPS-2; DOC unlinked.
 */
function handBuilt(): PortfolioIssue[] {
  return [
    testIssue('API-1', { status: open, dueDate: '2025-07-10', links: [blocks('WEB-1')] }),
    testIssue('API-2', { status: open, dueDate: '2025-06-20', links: [blocks('WEB-2')] }),
    testIssue('WEB-1', { status: open, dueDate: '2025-07-01' }),
    testIssue('WEB-2', { status: open, dueDate: '2025-07-20', links: [blocks('API-2')] }),
    testIssue('WEB-3', { dueDate: '2025-06-25', storyPoints: 8, links: [blocks('OPS-1', 'new')] }),
    testIssue('OPS-1', { storyPoints: 5, links: [blocks('OPS-2', 'new')] }),
    testIssue('OPS-2', {
      storyPoints: 5,
      links: [{ type: 'Blocks', direction: 'inward', otherKey: 'EXT-1', otherStatusCategory: null }],
    }),
    testIssue('DOC-1'),
  ];
}

describe('buildDependencyModel', () => {
  const report = reportOf(handBuilt());
  const model = buildDependencyModel(report);

  it('draws one edge per project pair with open links between different projects', () => {
    expect(model.edges.map((e) => e.id)).toEqual(['API-WEB', 'EXT-OPS', 'WEB-API', 'WEB-OPS']);
    expect(model.edgeById.get('API-WEB')).toEqual({
      id: 'API-WEB',
      from: 'API',
      to: 'WEB',
      open: 2,
      late: 1,
      inCycle: 1,
      total: 2,
      onCriticalPath: false,
      listed: 2,
    });
    expect(model.edgeById.get('WEB-API')).toMatchObject({ open: 1, late: 1, inCycle: 1 });
    // OPS-1 -> OPS-2 stays inside OPS: no edge.
    expect(model.edgeById.has('OPS-OPS')).toBe(false);
  });

  it('takes nodes from the report: names and health for portfolio projects, the key for others', () => {
    expect(model.nodes.map((n) => n.key)).toEqual(['API', 'EXT', 'OPS', 'WEB']);
    const api = model.nodeByKey.get('API');
    expect(api).toMatchObject({ name: 'API project', inPortfolio: true, blocksLinks: 2, blockedByLinks: 1 });
    expect(api?.rag).toBe(report.projects.find((p) => p.key === 'API')?.health.rag);
    expect(model.nodeByKey.get('EXT')).toMatchObject({ name: 'EXT', rag: 'none', inPortfolio: false });
    expect(model.unconnected).toEqual(['DOC']);
  });

  it('marks the cycle and the critical path on nodes and edges', () => {
    expect(report.dependencies.criticalPath).toEqual(['WEB-3', 'OPS-1', 'OPS-2']);
    expect(model.criticalProjects).toEqual(['WEB', 'OPS']);
    expect(model.edgeById.get('WEB-OPS')?.onCriticalPath).toBe(true);
    expect(model.edges.filter((e) => e.onCriticalPath).map((e) => e.id)).toEqual(['WEB-OPS']);
    expect(model.nodes.filter((n) => n.inCycle).map((n) => n.key)).toEqual(['API', 'WEB']);
    expect(model.nodes.filter((n) => n.onCriticalPath).map((n) => n.key)).toEqual(['OPS', 'WEB']);
    expect(model.links).toEqual({ total: 5, listed: 5 });
  });

  it('lists the issue-level links of one pair, with the flags a PMO reads', () => {
    const links = linksBetween(report, 'API', 'WEB');
    expect(links.map((l) => `${l.blocker.key}>${l.blocked.key}`)).toEqual(['API-2>WEB-2', 'API-1>WEB-1']);
    expect(links.map(linkFlags)).toEqual([['In a cycle'], ['Due 9 days late']]);
    expect(linksBetween(report, 'OPS', 'API')).toEqual([]);
  });

  it('counts the links the report listed per pair when its cap cut them', () => {
    const capped = buildDependencyModel({
      ...report,
      dependencies: {
        ...report.dependencies,
        crossProjectLinks: { total: 5, items: report.dependencies.crossProjectLinks.items.slice(0, 1) },
      },
    });
    expect(capped.links).toEqual({ total: 5, listed: 1 });
    expect(capped.edges.map((e) => e.listed)).toEqual([1, 0, 0, 0]);
  });

  it('builds the model of a large portfolio', () => {
    const big = generatePortfolio({
      issues: 20_000,
      projects: 100,
      seed: 7,
      crossProjectShare: 0.6,
      now: NOW,
    });
    const bigReport = reportOf(
      big.issues,
      big.projects.map((p) => p.key),
    );
    const bigModel = buildDependencyModel(bigReport);
    pairRows(bigModel);
    expect(bigModel.edges.length).toBeGreaterThan(100);
  });
});

describe('list rows, sorting and CSV', () => {
  const model = buildDependencyModel(reportOf(handBuilt()));
  const rows = pairRows(model);

  it('sorts like dynamic-table: numbers by value, strings by a numeric collator, ties kept in order', () => {
    const byOpen = sortPairRows(rows, { key: 'open', order: 'DESC' });
    expect(byOpen.map((r) => r.id)).toEqual(['API-WEB', 'EXT-OPS', 'WEB-API', 'WEB-OPS']);
    const byTo = sortPairRows(rows, { key: 'to', order: 'ASC' });
    expect(byTo.map((r) => r.to)).toEqual(['API', 'OPS', 'OPS', 'WEB']);
    expect(sortPairRows(rows, { key: 'critical', order: 'DESC' })[0]?.id).toBe('WEB-OPS');
  });

  it('exports the rows in the order given, one line per pair, with names', () => {
    const sorted = sortPairRows(rows, { key: 'late', order: 'DESC' });
    const parsed = Papa.parse<string[]>(toCsv(PAIR_CSV_COLUMNS, sorted).trim()).data;
    expect(parsed[0]).toEqual([
      'Blocking project',
      'Blocking project name',
      'Blocked project',
      'Blocked project name',
      'Open links',
      'Late links',
      'Links in a cycle',
      'On the critical path',
      'All links (done included)',
    ]);
    expect(parsed.slice(1).map((line) => `${line[0]}-${line[2]}`)).toEqual(sorted.map((r) => r.id));
    expect(parsed[1]).toEqual(['API', 'API project', 'WEB', 'WEB project', '2', '1', '1', 'no', '2']);
  });

  it('exports drill-down links with statuses and dates', () => {
    const report = reportOf(handBuilt());
    const links = sortLinks(linksBetween(report, 'API', 'WEB'), { key: 'blocker', order: 'ASC' });
    const parsed = Papa.parse<string[]>(toCsv(LINK_CSV_COLUMNS, links).trim()).data;
    expect(parsed.slice(1)).toEqual([
      ['API-1', 'In progress', '2025-07-10', 'WEB-1', 'In progress', '2025-07-01', 'yes', '9', 'no'],
      ['API-2', 'In progress', '2025-06-20', 'WEB-2', 'In progress', '2025-07-20', 'no', '', 'yes'],
    ]);
    // Problem column: cyclic and late first, then by days late.
    const byFlags = sortLinks(links, { key: 'flags', order: 'ASC' });
    expect(byFlags.map((l) => l.blocker.key)).toEqual(['API-2', 'API-1']);
  });
});

describe('formatting', () => {
  it('formats due dates as calendar days, whatever the time zone', () => {
    expect(formatDay('2025-07-01')).toBe('Jul 1, 2025');
    expect(formatDay(null)).toBe('—');
  });

  it('names export files safely', () => {
    expect(csvFileName('dependencies', 'category:10001', '2025-06-02T12:00:01.000Z')).toBe(
      'dependencies-category-10001-2025-06-02.csv',
    );
    expect(csvFileName('links-API-WEB', '../..', '2025-06-02T12:00:01.000Z')).toBe(
      'links-API-WEB-portfolio-2025-06-02.csv',
    );
  });
});

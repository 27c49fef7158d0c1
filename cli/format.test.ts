import Papa from 'papaparse';
import { markdownText } from '../src/domain/export-text';
import { computePortfolio, type PortfolioReport } from '../src/domain/portfolio';
import type { PortfolioExtras } from '../src/domain/portfolio/compute';
import { generatePortfolio } from '../src/domain/portfolio/test-data';
import { defaultEngineSettings } from '../src/domain/settings';
import { reportToCsv, reportToMarkdown } from './format';

const now = new Date('2025-06-02T12:00:00Z');

function sampleReport(overrides: PortfolioExtras['overrides'] = {}): PortfolioReport {
  const generated = generatePortfolio({ issues: 600, projects: 6, seed: 3, now });
  const computation = computePortfolio({ ...generated, settings: defaultEngineSettings, now, overrides });
  return {
    ...computation,
    compliance: null,
    meta: { requests: 12, partial: false, staleProjects: [], generatedAt: now.toISOString() },
  };
}

describe('report formats', () => {
  it('CSV has a header and one row per project, with the RAG and the reason of each indicator', () => {
    const report = sampleReport();
    const parsed = Papa.parse<Record<string, string>>(reportToCsv(report), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.key)).toEqual(report.projects.map((project) => project.key));
    const first = report.projects[0];
    expect(parsed.data[0]?.rag).toBe(first?.health.rag);
    expect(parsed.data[0]?.schedule_reason).toBe(
      first?.health.indicators.find((indicator) => indicator.name === 'schedule')?.reason,
    );
  });

  it('an override keeps the computed RAG and its reason, with who set it, when and why (#14.4)', () => {
    const key = sampleReport().projects[0]?.key ?? '';
    const override = {
      rag: 'green',
      reason: 'Recovery plan agreed',
      expiresAt: '2025-07-01T00:00:00.000Z',
      by: 'pmo-lead',
      setAt: '2025-06-01T09:00:00.000Z',
    } as const;
    const report = sampleReport({ [key]: override });
    const project = report.projects[0];
    if (!project) throw new Error('no project');
    expect(project.health.computedRag).not.toBe('green');
    const computedReason = project.health.indicators.find(
      (indicator) => indicator.rag === project.health.computedRag,
    )?.reason;
    const [row] = Papa.parse<Record<string, string>>(reportToCsv(report), { header: true }).data;
    expect(row).toMatchObject({
      rag: 'green',
      computed_rag: project.health.computedRag,
      override_reason: 'Recovery plan agreed',
      override_by: 'pmo-lead',
      override_set_at: '2025-06-01T09:00:00.000Z',
      override_until: '2025-07-01T00:00:00.000Z',
    });
    const line = reportToMarkdown(report)
      .split('\n')
      .find((text) => text.startsWith(`| ${key} `));
    expect(line).toContain(`set by the PMO; computed`);
    expect(line).toContain(
      markdownText('Set by the PMO (pmo-lead on 2025-06-01, until 2025-07-01): Recovery plan agreed'),
    );
    expect(line).toContain(markdownText(`Computed: ${computedReason}`));
  });

  it('CSV neutralises project names a spreadsheet would run as formulas', () => {
    const report = sampleReport();
    const [first] = report.projects;
    if (first) first.name = '=HYPERLINK("http://evil","x")';
    const parsed = Papa.parse<Record<string, string>>(reportToCsv(report), { header: true });
    expect(parsed.data[0]?.name?.startsWith('=')).toBe(false);
  });

  it('Markdown escapes table cells so a summary cannot break the table or inject HTML', () => {
    const report = sampleReport();
    const [first] = report.projects;
    if (first) first.name = 'A | B <img src=x onerror=alert(1)>';
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('A \\| B &lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(markdown).not.toContain('<img');
  });

  it('CSV neutralises formulas behind a leading space, newline, zero-width space or BOM (#13.9)', () => {
    const report = sampleReport();
    const hidden = [' =1+1', '\n=HYPERLINK("http://evil")', '\u200B=cmd|x', '\uFEFF@SUM(A1)'];
    hidden.forEach((name, index) => {
      const project = report.projects[index];
      if (project) project.name = name;
    });
    const parsed = Papa.parse<Record<string, string>>(reportToCsv(report), { header: true });
    expect(parsed.data.slice(0, hidden.length).map((row) => row.name)).toEqual(
      hidden.map((name) => `'${name}`),
    );
  });

  it('Markdown keeps a cell on one line and turns links, images and bare URLs into text (#13.9)', () => {
    const report = sampleReport();
    const [first, second] = report.projects;
    if (first) first.name = 'Line one\n| injected | row |\r\n# Heading';
    if (second)
      second.name =
        '[click](javascript:alert(1)) ![x](http://evil/x.png) https://evil.example www.evil.example';
    const markdown = reportToMarkdown(report);
    const row = markdown.split('\n').find((line) => line.includes('Line one'));
    expect(row).toContain('Line one \\| injected \\| row \\| \\# Heading');
    expect(markdown).not.toMatch(/\n\| injected/);
    expect(markdown).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(markdown).toContain('\\!\\[x\\]\\(http\\://evil/x.png\\)');
    expect(markdown).toContain('https\\://evil.example www\\.evil.example');
    expect(markdown).not.toMatch(/\]\(/);
  });
});

/** @jest-environment jsdom */
import '../theme/feature-flags';
import { render, screen, within } from '@testing-library/react';
import { ReportSection } from './SectionHeader';

describe('ReportSection', () => {
  it('is a region named by its title, with the header line, the actions and the content', () => {
    render(
      <ReportSection
        headingId="register-heading"
        title="Risk register"
        actions={<button type="button">Export CSV</button>}
        header={<p>12 risks</p>}
      >
        <table aria-label="Risk register table" />
      </ReportSection>,
    );
    const section = screen.getByRole('region', { name: 'Risk register' });
    expect(within(section).getByRole('heading', { level: 2, name: 'Risk register' })).toBeTruthy();
    expect(within(section).getByText('12 risks')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Export CSV' })).toBeTruthy();
    expect(within(section).getByRole('table', { name: 'Risk register table' })).toBeTruthy();
  });
});

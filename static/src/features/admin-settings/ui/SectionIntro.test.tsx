/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { SectionIntro } from './SectionIntro';

describe('SectionIntro', () => {
  it('gives the section the heading it is labelled by, with what the section is for', () => {
    render(
      <section aria-labelledby="section-heading">
        <SectionIntro section="history">Every completed refresh records the day.</SectionIntro>
      </section>,
    );
    const section = screen.getByRole('region', { name: 'History' });
    expect(screen.getByRole('heading', { level: 2, name: 'History' })).toBeTruthy();
    expect(section.textContent).toContain('Every completed refresh records the day.');
  });

  it('shows the section actions beside the heading', () => {
    render(
      <SectionIntro section="portfolios" actions={<button type="button">Add portfolio</button>}>
        What a portfolio is.
      </SectionIntro>,
    );
    const header = screen.getByRole('button', { name: 'Add portfolio' }).parentElement;
    expect(header?.className).toBe('pmo-section-header');
    expect(header?.textContent).toContain('Portfolios');
  });
});

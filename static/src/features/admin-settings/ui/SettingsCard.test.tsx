/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { SettingsCard } from './SettingsCard';

describe('settings card', () => {
  it('heads the card with its name, summary and problem count, and shows its fields below', () => {
    render(
      <SettingsCard name="Payments" summary="3 projects" problemCount={2} testId="card">
        <p>fields</p>
      </SettingsCard>,
    );
    const card = screen.getByTestId('card');
    expect(card.tagName).toBe('LI');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Payments');
    expect(card.textContent).toContain('3 projects');
    expect(card.textContent).toContain('2 to fix');
    expect(screen.getByText('fields')).toBeTruthy();
  });

  it('says nothing about problems when there are none, and has no body while collapsed', () => {
    render(<SettingsCard as="section" name="Value model" summary="4 criteria" label="Model" testId="card" />);
    const card = screen.getByTestId('card');
    expect(card.tagName).toBe('SECTION');
    expect(card.getAttribute('aria-label')).toBe('Model');
    expect(card.textContent).not.toContain('to fix');
    expect(card.querySelector('.pmo-card__body')).toBeNull();
  });
});

/** @jest-environment jsdom */
import { entryPage } from './page-template';

describe('entryPage', () => {
  const page = new DOMParser().parseFromString(entryPage('PMO Portfolio: issue'), 'text/html');

  it('names the app in the browser tab', () => {
    expect(page.title).toBe('PMO Portfolio: issue');
  });

  it('has the element the app mounts on and loads the entry’s main.tsx as a module', () => {
    expect(page.getElementById('root')).not.toBeNull();
    const script = page.querySelector('script');
    expect(script?.getAttribute('type')).toBe('module');
    expect(script?.getAttribute('src')).toBe('./main.tsx');
  });

  it('is an English, mobile-scaled page', () => {
    expect(page.documentElement.lang).toBe('en');
    expect(page.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain(
      'width=device-width',
    );
  });
});

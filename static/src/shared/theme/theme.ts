import { view } from '@forge/bridge';

/**
 * Asks the host to apply Jira's theme (it sets `data-color-mode` on <html> and keeps it in sync).
 * The token CSS for light and dark ships with the bundle, so light is used until the host answers,
 * and a host without theming support leaves the app in light mode.
 */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch (error) {
    console.warn('Theming is not available; using the light theme.', error);
  }
}

import type { FrameLocator, Locator } from 'playwright-core';

/**
 * Driving Atlaskit's form controls the way a person does. Atlaskit's select is not a native
 * `<select>`: it is opened with a click and an option is clicked in its listbox; its test ids hang
 * off the component's `testId` (`${testId}-select--control`, `--listbox`, `--value-container`).
 */

type Scope = FrameLocator | Locator;

export async function chooseOption(scope: Scope, testId: string, option: string | RegExp): Promise<void> {
  await scope.getByTestId(`${testId}-select--control`).click();
  const listbox = scope.getByTestId(`${testId}-select--listbox`);
  await listbox.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  // A multi-select stays open for more choices; close it so it hides nothing else.
  if (await listbox.isVisible()) await listbox.press('Escape').catch(() => undefined);
}

/** The text an Atlaskit select shows as its value (a single select's option label). */
export async function shownValue(scope: Scope, testId: string): Promise<string> {
  return (await scope.getByTestId(`${testId}-select--value-container`).textContent()) ?? '';
}

/** The input of an Atlaskit radio option rendered with testId `${testId}`. */
export const radioInput = (scope: Scope, testId: string): Locator =>
  scope.getByTestId(`${testId}--radio-input`);

import type { Frame } from 'playwright-core';

/**
 * Texts a person cannot read whole: an element that hides its overflow (ellipsis, clip) and holds
 * more text than fits, or a native `<select>` whose chosen option is wider than the box; text for
 * screen readers only (a 1px box) does not count. Answers each as `tag: text`, naming what is cut off.
 */
export async function clippedTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const canvas = document.createElement('canvas').getContext('2d');
    // Screen-reader-only text (a 1px clipped box) is hidden on purpose.
    const insideVisuallyHidden = (element: HTMLElement): boolean => {
      for (let node: HTMLElement | null = element; node; node = node.parentElement) {
        const box = node.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return true;
      }
      return false;
    };
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (element.offsetParent === null || element.closest('[aria-hidden="true"]')) continue;
      if (insideVisuallyHidden(element)) continue;
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 80)}`;
      if (element instanceof HTMLSelectElement && canvas) {
        canvas.font = style.font;
        const chosen = element.selectedOptions[0]?.textContent ?? '';
        const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (canvas.measureText(chosen).width > room + 1) found.push(`select: ${chosen}`);
        continue;
      }
      const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      const hasText = Array.from(element.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (hides && hasText && element.scrollWidth > element.clientWidth + 1) found.push(name);
    }
    return found;
  });
}

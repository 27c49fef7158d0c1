import type { Page } from 'playwright-core';
import { appFrame } from './host-page';

/** How many animation frames the graph's pan and zoom must stay the same to count as settled. */
const STEADY_FRAMES = 5;
/** After this many frames of movement the graph is taken to never settle (about 10 s at 60 fps). */
const MOST_FRAMES = 600;

/**
 * Waits until the dependency graph stands still: its viewport transform (fit view, the jump to a
 * search match) unchanged for a few animation frames and no CSS transition running, so a screenshot
 * shows where it came to rest.
 */
export async function graphSettled(page: Page): Promise<void> {
  await appFrame(page).evaluate(
    async ({ steadyFrames, mostFrames }) => {
      const transform = () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let last = transform();
      for (let frame = 0, steady = 0; steady < steadyFrames; frame++) {
        if (frame > mostFrames) throw new Error(`the graph kept moving: ${transform()}`);
        await nextFrame();
        const now = transform();
        steady = now === last ? steady + 1 : 0;
        last = now;
      }
      await Promise.all(
        document.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
      );
    },
    { steadyFrames: STEADY_FRAMES, mostFrames: MOST_FRAMES },
  );
}

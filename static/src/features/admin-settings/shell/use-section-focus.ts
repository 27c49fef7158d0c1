import { useRef, useState } from 'react';
import type { SectionId } from '../sections';

/**
 * Which section is open. Opening one moves focus to the content (so keyboard and screen-reader
 * users land there); opening one to fix a problem moves focus to its first invalid field.
 */
export function useSectionFocus(onOpen: () => void) {
  const [section, setSection] = useState<SectionId>('portfolios');
  const contentRef = useRef<HTMLElement>(null);

  const select = (next: SectionId) => {
    setSection(next);
    onOpen();
    contentRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  };

  const goToProblem = (next: SectionId) => {
    select(next);
    // After the section has rendered.
    setTimeout(() => {
      const field = contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    }, 0);
  };

  return { section, select, goToProblem, contentRef };
}

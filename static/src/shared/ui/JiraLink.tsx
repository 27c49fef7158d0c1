import { router } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';
import { safeJiraUrl } from '../lib/safe-url';

type Props = { url: string; children: ReactNode; className?: string; testId?: string };

/**
 * A link to a Jira page. Custom UI runs in an iframe, so the click goes through the bridge
 * (`router.open`, a new tab) instead of navigating the frame. Unsafe URLs render as plain text.
 */
export function JiraLink({ url, children, className, testId }: Props) {
  const href = safeJiraUrl(url);
  if (href === null) return <span className={className}>{children}</span>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    router.open(href).catch((error: unknown) => console.error('router.open failed', error));
  };
  return (
    <a href={href} onClick={onClick} className={className} data-testid={testId}>
      {children}
    </a>
  );
}

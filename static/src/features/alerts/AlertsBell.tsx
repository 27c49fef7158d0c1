import Button from '@atlaskit/button/new';
import NotificationIcon from '@atlaskit/icon/core/notification';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { usePortfolioReport } from '../../shared/portfolio/portfolio-report-context';
import { AlertInbox } from './AlertInbox';
import { AlertSubscriptions } from './AlertSubscriptions';
import './alerts.css';

type Tab = 'inbox' | 'subscriptions';

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'subscriptions', label: 'Subscriptions' },
];

/**
 * The bell in the portfolio page's header: the unread count of the viewer's alerts for the portfolio
 * shown, and a panel with the inbox and the viewer's own subscriptions. Escape closes it.
 */
export function AlertsBell() {
  const { portfolioId, report } = usePortfolioReport();
  const payload = useMemo(() => ({ portfolioId }), [portfolioId]);
  const inbox = useResolver('listAlerts', payload);
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('inbox');
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { reload } = inbox;
  // A refresh that completed may have brought alerts.
  useEffect(() => {
    if (report.data) reload();
  }, [report.data, reload]);

  const unread = inbox.data?.unread ?? 0;
  const label = unread === 0 ? 'Alerts, none unread' : `Alerts, ${unread} unread`;
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div className="pmo-alerts">
      <button
        ref={buttonRef}
        type="button"
        className="pmo-alerts__bell"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="alerts-bell"
        onClick={() => setOpen((shown) => !shown)}
      >
        <NotificationIcon label="" color="currentColor" />
        {unread > 0 ? (
          <span className="pmo-alerts__count" data-testid="alerts-unread" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <section id={panelId} className="pmo-alerts__panel" aria-label="Alerts" data-testid="alerts-panel">
          <div className="pmo-row pmo-row--wrap pmo-spread pmo-alerts__head">
            <div className="pmo-alerts__tabs">
              {TABS.map(({ id, label }) => (
                <Button
                  key={id}
                  appearance="subtle"
                  isSelected={tab === id}
                  onClick={() => setTab(id)}
                  testId={`alerts-tab-${id}`}
                >
                  {label}
                </Button>
              ))}
            </div>
            <Button appearance="subtle" onClick={close} testId="alerts-close">
              Close
            </Button>
          </div>
          {tab === 'inbox' ? <AlertInbox inbox={inbox} /> : <AlertSubscriptions portfolioId={portfolioId} />}
        </section>
      ) : null}
    </div>
  );
}

import { useCallback, useState } from 'react';
import { useResolverAction } from '../../../shared/api/use-resolver-action';
import type { LiveSettings, SettingsAnswer } from '../AdminSettingsTypes';

const NO_PAYLOAD = {};

/** The settings answer the editor started from, and a way to read the live version again. */
export function useLiveSettings(initial: SettingsAnswer) {
  const [settings, setSettings] = useState(initial);
  const getSettingsCall = useResolverAction('getSettings');
  const fetchLive = useCallback(async (): Promise<LiveSettings> => {
    const fresh = await getSettingsCall.run(NO_PAYLOAD);
    setSettings(fresh);
    return fresh.live;
  }, [getSettingsCall.run]);
  return { settings, live: settings.live, fetchLive };
}

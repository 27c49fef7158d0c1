import { wireSimulator } from '../../dev/host/wiring';
import { createJiraSim, type JiraSim, type JiraSimOptions } from '../../dev/jira-sim';
import type { LocalApp, LocalAppOptions } from '../../dev/local/local-app';
import type { Actor } from '../../src/services/deps';
import { clearSettingsEditorCache } from '../../src/services/settings/authorize';

/** The installation every local host call comes from. */
export const LOCAL_SITE = 'ari:cloud:jira::site/local';

/** A seeded simulator person as the services see a caller. */
export function simActor(role: 'admin' | 'pmo' | 'team' | 'outsider'): Actor {
  return { accountId: `sim-${role}`, installation: LOCAL_SITE };
}

type WiringOptions = Omit<LocalAppOptions, 'jiraBaseUrl' | 'appCredentials' | 'userCredentials'>;

export interface ServiceSimulator {
  /** The running simulator (only inside tests and hooks). */
  readonly sim: JiraSim;
  /** The app wired to the simulator as the local host wires it. */
  localApp(options?: WiringOptions): LocalApp;
}

/**
 * A Jira simulator for one test file's service tests: started before them and closed after them.
 * Who may edit settings is cached per process, so the cache is cleared before each test. `silence`
 * mutes console levels the app logs to when that logging is not the test's subject.
 */
export function setUpServiceSimulator(
  options: Omit<JiraSimOptions, 'port'>,
  { silence = [] }: { silence?: readonly ('warn' | 'error')[] } = {},
): ServiceSimulator {
  let running: JiraSim | undefined;
  beforeAll(async () => {
    for (const level of silence) jest.spyOn(console, level).mockImplementation(() => {});
    running = await createJiraSim({ port: 0, ...options });
  });
  afterAll(async () => {
    if (silence.length > 0) jest.restoreAllMocks();
    await running?.close();
  });
  beforeEach(() => clearSettingsEditorCache());
  const simulator: ServiceSimulator = {
    get sim() {
      if (!running) throw new Error('the simulator runs only inside tests');
      return running;
    },
    localApp: (wiring = {}) => wireSimulator(simulator.sim.url, wiring).localApp,
  };
  return simulator;
}

import type { ResolverOutput } from '@contracts/resolver-contract';

/** What getSettings answers: the live configuration and what the caller may do with it. */
export type SettingsAnswer = ResolverOutput<'getSettings'>;
export type LiveSettings = SettingsAnswer['live'];

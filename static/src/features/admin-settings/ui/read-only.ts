import { createContext, useContext } from 'react';

/**
 * Whether the viewer may only look. Native controls are disabled by the section's `<fieldset
 * disabled>`; Atlaskit's selects are not native and ask this instead.
 */
export const ReadOnlyContext = createContext(false);

export const useReadOnly = (): boolean => useContext(ReadOnlyContext);

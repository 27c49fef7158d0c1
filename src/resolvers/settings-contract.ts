/** Resolver keys of the settings feature: merged into `resolverContract` in contract.ts. */
export const settingsContract = {} as const;

/** Resolver keys of the standards feature: merged into `resolverContract` in contract.ts. */
export const standardsContract = {} as const;

/// <reference types="vite/client" />

/** Light and dark design-token CSS generated at build time by static/vite.config.ts. */
declare module 'virtual:pmo-theme-tokens.css';

/**
 * The one HTML page every Custom UI app is served as (static/vite.config.ts makes each entry's
 * `index.html` from it): the element the app mounts on and the entry's `main.tsx` beside it.
 */
export function entryPage(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${title}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.tsx"></script>
  </body>
</html>
`;
}

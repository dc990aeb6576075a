// The owner console gets its own copy of the modules it shares with the reader's elements.
//
// Rolldown puts a module in the chunk of the set of `import()` targets that use it. The console is
// such a target, and it shares Preact, the theme, the styles, the formatting and the Markdown
// renderer with the reader's elements, so left alone it splits the reader's chunks differently and
// leaves the parts of Preact only it calls (createContext, useContext, useErrorBoundary) in the
// reader's Preact chunk: a page with only <lectern-workshops> downloads more for an element it
// never shows. Here a module the console imports from outside its folder resolves to a copy (the
// same file under the id `…?owner`), so the reader's chunks are exactly what they would be
// without the console. Owners pay for the copies (their own Preact) and in return no longer
// download the reader's ticket store and IndexedDB code.
//
// A copy is a world of its own: the console renders with its Preact and catches its `ApiError`.
// What both sides must agree on lives outside module state (the owner session in sessionStorage,
// `lectern:*` events on window); the logger's level is page-wide, so the logger is not copied.
import type { Plugin } from 'vite';

/** The console's own modules (its element and its lazily loaded sections). */
const CONSOLE = /[\\/]src[\\/]owner[\\/]console[\\/]/;
/** Modules whose state is the page's, not an element's: one instance for reader and owner. */
const PAGE_WIDE = /[\\/]src[\\/]logger\.ts$/;
const COPY = '?owner';

export function ownerConsoleCopies(): Plugin {
  return {
    name: 'lectern:owner-console-copies',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(CONSOLE.test(importer) || importer.endsWith(COPY))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.includes('?')) return resolved; // e.g. `?inline` CSS
      if (CONSOLE.test(resolved.id) || PAGE_WIDE.test(resolved.id)) return resolved;
      return { ...resolved, id: resolved.id + COPY };
    },
  };
}

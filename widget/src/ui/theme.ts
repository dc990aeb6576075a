/** `data-theme` on the script tag: a fixed scheme, or `auto` (follow the page). */
export type ThemeSetting = 'light' | 'dark' | 'auto';
export type Scheme = 'light' | 'dark';

/** An `rgb()`/`rgba()` computed colour as [r, g, b, alpha]; null for anything else. */
export function parseColor(css: string): [number, number, number, number] | null {
  const m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (!m) return null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The next ancestor, stepping out of shadow roots to their host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

// Below this luminance light text contrasts better with the background than dark text does
// (white and black have equal contrast against a luminance of about 0.18).
const DARK_BELOW = 0.18;

const darkOs = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * The scheme the widget should use where `element` sits. `auto` looks at what the reader actually
 * sees behind the element: the nearest ancestor with a background colour (a dark page gets the
 * dark scheme, a light one the light scheme, whatever the OS says). Only a page that paints no
 * background of its own and declares `color-scheme` (CSS on the root or the meta tag) as `dark`,
 * or as `light dark` with the OS in dark mode, gets the dark scheme from there.
 */
export function resolveScheme(element: Element, setting: ThemeSetting): Scheme {
  if (setting !== 'auto') return setting;
  for (let el: Element | null = element; el; el = parentOf(el)) {
    const color = parseColor(getComputedStyle(el).backgroundColor);
    if (color && color[3] > 0.5) return luminance(color) < DARK_BELOW ? 'dark' : 'light';
  }
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
  const declared = `${getComputedStyle(document.documentElement).colorScheme || ''} ${meta}`;
  if (!/dark/.test(declared)) return 'light';
  return /light/.test(declared) && !darkOs() ? 'light' : 'dark';
}

/**
 * Calls `apply` with the scheme now and whenever it may change: the OS setting flips, or the page
 * switches its own theme (a class, style or data attribute on `<html>` or `<body>`). Returns the
 * clean-up. A fixed `data-theme` is applied once.
 */
export function followScheme(
  element: Element,
  setting: ThemeSetting,
  apply: (s: Scheme) => void,
): () => void {
  const update = () => apply(resolveScheme(element, setting));
  update();
  if (setting !== 'auto') return () => {};
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', update);
  const observer = new MutationObserver(update);
  const options = {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'],
  };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  return () => {
    media?.removeEventListener('change', update);
    observer.disconnect();
  };
}

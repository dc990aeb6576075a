/**
 * The heading level for an element's own headings: `heading-level` when given, else one below
 * the last heading before the element on the page (so the page's outline has no gaps), h2 when
 * nothing comes before it.
 */
export function headingLevel(element: HTMLElement): number {
  const given = Number(element.getAttribute('heading-level'));
  if (Number.isInteger(given) && given >= 1 && given <= 6) return given;
  let before = 1;
  for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
    if (!(h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    before = Number(h.tagName[1]);
  }
  return Math.min(before + 1, 6);
}

/** Workshops a `<lectern-workshop workshop="…">` already shows on this page. */
export function workshopsShownOnPage(): Set<string> {
  const ids = [...document.querySelectorAll('lectern-workshop[workshop]')].map((el) =>
    el.getAttribute('workshop'),
  );
  return new Set(ids.filter((id): id is string => !!id));
}

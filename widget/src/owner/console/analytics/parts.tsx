// The building blocks every panel uses: a titled panel, headline figures with their change from
// the previous period, plain HTML bars for breakdowns, and a data table.
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { Locale } from '../../../i18n/locale.ts';
import type { Change } from './format.ts';
import { analyticsStrings } from './strings.ts';

/** The level of the panels' titles: one below the section's, which the console decides. */
export const PanelLevel = createContext(3);

/** The panels' language, for the parts that have words of their own ("Show all 42 rows"). */
export const PanelLocale = createContext<Locale>('en');

/** A heading `depth` levels below the panel titles (0 = a panel's title). */
export function Heading(props: { depth: number; id?: string; class?: string; children: ComponentChildren }) {
  const Tag = `h${Math.min(useContext(PanelLevel) + props.depth, 6)}` as 'h3';
  return (
    <Tag id={props.id} class={[props.depth ? 'sub' : 'panel-title', props.class].filter(Boolean).join(' ')}>
      {props.children}
    </Tag>
  );
}

export function Panel(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" data-panel={props.id} aria-labelledby={`analytics-${props.id}`}>
      <Heading depth={0} id={`analytics-${props.id}`}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}

export interface Figure {
  key: string;
  label: string;
  value: string;
  /** The change from the previous period; shown only when comparing. */
  change?: Change | null;
}

const ARROWS = { up: '▲', down: '▼', flat: '' } as const;

/** Headline figures; `vsPrevious` is read out before a change ("vs previous period: +12%"). */
export function Figures(props: { items: Figure[]; vsPrevious?: string }) {
  return (
    <dl class="figures">
      {props.items.map((f) => (
        <div key={f.key} data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd>
            <span class="value">{f.value}</span>
            {f.change && props.vsPrevious && (
              <span class="change" data-direction={f.change.direction}>
                {' '}
                <span class="sr-only">{props.vsPrevious}: </span>
                <span aria-hidden="true">{ARROWS[f.change.direction]}</span>
                {f.change.text}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface BarRow {
  key: string;
  label: string;
  /** The bar's length relative to the longest (absolute value for signed weights). */
  value: number;
  /** The figure shown at the end of the row. */
  text: string;
}

/**
 * A breakdown as plain bars: the width is a CSS custom property set through the DOM (Preact's
 * `style` object → `style.setProperty`), so no inline style attribute and no innerHTML.
 */
export function Bars(props: { label: string; rows: BarRow[] }) {
  const max = Math.max(0, ...props.rows.map((r) => Math.abs(r.value)));
  return (
    <ul class="bars" aria-label={props.label}>
      {props.rows.map((r) => (
        <li key={r.key} data-row={r.key}>
          <span class="label">{r.label}</span>
          <span class="value">{r.text}</span>
          <div class="track" aria-hidden="true">
            <div class="fill" style={{ '--share': `${max ? (Math.abs(r.value) / max) * 100 : 0}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export interface TableRow {
  key: string;
  /** The first cell is the row's header. */
  cells: string[];
}

/** Rows shown before "Show all": a site with forty workshops still gets a panel that fits. */
export const TABLE_ROWS = 10;

export function DataTable(props: { caption: string; head: string[]; rows: TableRow[] }) {
  const t = analyticsStrings(useContext(PanelLocale));
  const [all, setAll] = useState(false);
  const long = props.rows.length > TABLE_ROWS;
  const rows = long && !all ? props.rows.slice(0, TABLE_ROWS) : props.rows;
  return (
    <>
      {/* Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it too
          (axe: scrollable-region-focusable). A fieldset, as the linter proposes, is for form controls. */}
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
      <div class="scroll" tabIndex={0} role="group" aria-label={props.caption}>
        <table class="data">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.head.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-row={r.key}>
                <th scope="row">{r.cells[0]}</th>
                {r.cells.slice(1).map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {long && (
        <button type="button" class="ghost more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t.showFewer : t.showAll(props.rows.length)}
        </button>
      )}
    </>
  );
}

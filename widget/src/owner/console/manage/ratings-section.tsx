import type { RatingScores, SiteRatings } from '@lectern/server/contract';
import { useRef } from 'preact/hooks';
import { formatStart } from '../../../i18n/format.ts';
import type { ConsoleContext } from '../console-context.ts';
import { Loaded } from './loaded.tsx';
import { type ManageStrings, manageStrings } from './manage-strings.ts';
import { useManageStyles } from './manage-style.ts';
import { sitePath, useOwnerData } from './use-owner-data.ts';

const CRITERIA = ['content', 'instructor', 'interactivity'] as const;

/** The Ratings section: satisfaction overall and per workshop, per-criterion averages, comments. */
export function Section({ ctx }: { ctx: ConsoleContext }) {
  const t = manageStrings(ctx.locale);
  const root = useRef<HTMLDivElement>(null);
  useManageStyles(root);
  const ratings = useOwnerData<SiteRatings>(ctx, `${sitePath(ctx.site)}/owner/ratings`);
  const Heading = `h${ctx.level}` as 'h2';
  const Sub = `h${Math.min(ctx.level + 1, 6)}` as 'h3';
  const number = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 });
  return (
    <div class="manage" ref={root}>
      <Heading class="console-title">{t.ratingsTitle}</Heading>
      <Loaded source={ratings} t={t}>
        {(data) =>
          data.overall.count === 0 ? (
            <p class="meta">{t.noRatings}</p>
          ) : (
            <>
              <p class="meta">
                {t.weightsNote(
                  CRITERIA.map((c) => `${t.criteria[c]} ${number.format(data.weights[c])}`).join(', '),
                )}
              </p>
              <section class="card" aria-labelledby="ratings-overall">
                <Sub id="ratings-overall" class="title">
                  {t.overall}
                </Sub>
                <Scores
                  t={t}
                  count={data.overall.count}
                  s={data.overall.satisfaction}
                  averages={data.overall.averages}
                />
              </section>
              {data.workshops.map((w) => (
                <section key={w.workshopId} class="card" aria-labelledby={`ratings-${w.workshopId}`}>
                  <Sub id={`ratings-${w.workshopId}`} class="title">
                    {w.title} <span class="meta">{formatStart(w.startsAt, ctx.locale)}</span>
                  </Sub>
                  <Scores t={t} count={w.count} s={w.satisfaction} averages={w.averages} />
                  {w.comments.length > 0 && (
                    <>
                      <p class="meta">{t.comments}</p>
                      <ul class="comments">
                        {w.comments.map((c) => (
                          <li key={c.createdAt + c.comment}>{c.comment}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              ))}
            </>
          )
        }
      </Loaded>
    </div>
  );
}

function Scores({
  t,
  count,
  s,
  averages,
}: {
  t: ManageStrings;
  count: number;
  s: number | null;
  averages: RatingScores | null;
}) {
  return (
    <dl class="scores">
      <div>
        <dt>{t.satisfaction}</dt>
        <dd>
          <strong>{s?.toFixed(2) ?? '—'}</strong> / 5 <span class="meta">({t.ratingsCount(count)})</span>
        </dd>
      </div>
      {CRITERIA.map((c) => (
        <div key={c}>
          <dt>{t.criteria[c]}</dt>
          <dd>
            {averages && <meter min={1} max={5} value={averages[c]} aria-label={t.criteria[c]} />}{' '}
            {averages?.[c]?.toFixed(2) ?? '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

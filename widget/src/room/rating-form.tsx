import {
  DEFAULT_WEIGHTS,
  RATING_CRITERIA,
  type RatingScores,
  satisfaction,
} from '@lectern/server/contract/satisfaction';
import { useState } from 'preact/hooks';
import type { RoomApi } from '../api/rooms.ts';
import type { RoomStrings } from '../i18n/room-strings.ts';

const unrated: RatingScores = { content: 0, instructor: 0, interactivity: 0 };

/**
 * After the room ends: one 1–5 rating per criterion (radio groups, keyboard operable) and a
 * comment. `onRated` gets the learner's overall score by the server's own formula and default
 * weights (the contract's zod-free module), so the logged score matches the owner's default.
 */
export function RatingForm({
  api,
  ticket,
  s,
  onRated,
}: {
  api: RoomApi;
  ticket: string;
  s: RoomStrings;
  onRated(overall: number): void;
}) {
  const [values, setValues] = useState<RatingScores>(unrated);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');
  if (state === 'done')
    return (
      <p role="status" class="thanks">
        {s.thanks}
      </p>
    );
  const ready = RATING_CRITERIA.every((c) => values[c] > 0);
  return (
    <form
      class="rating"
      aria-labelledby="rate-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        setState('sending');
        try {
          await api.rate({ ticket, ...values, ...(comment.trim() && { comment: comment.trim() }) });
          setState('done');
          onRated(satisfaction(values, DEFAULT_WEIGHTS));
        } catch {
          setState('failed');
        }
      }}
    >
      <h2 id="rate-title">{s.rateTitle}</h2>
      <p class="hint" id="rate-hint">
        {s.rateHint}
      </p>
      {RATING_CRITERIA.map((axis) => (
        <fieldset key={axis} class="stars" aria-describedby="rate-hint">
          <legend>{s[axis]}</legend>
          <div class="scale">
            {[1, 2, 3, 4, 5].map((n) => (
              // The radio stays a real (visually hidden) radio: arrow keys move along the scale.
              <label key={n}>
                <input
                  type="radio"
                  name={axis}
                  value={n}
                  checked={values[axis] === n}
                  onChange={() => setValues({ ...values, [axis]: n })}
                />
                <span>{n}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label class="comment">
        <span>{s.comment}</span>
        <textarea
          maxLength={2000}
          rows={3}
          value={comment}
          onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      {state === 'failed' ? (
        <p class="banner" role="alert">
          {s.failed}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={!ready || state === 'sending'}>
        {s.submit}
      </button>
    </form>
  );
}

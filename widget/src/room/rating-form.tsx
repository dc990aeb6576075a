import { useState } from 'preact/hooks';
import type { RoomApi } from '../api/rooms.ts';
import type { RoomStrings } from '../i18n/room-strings.ts';

type Axis = 'content' | 'instructor' | 'interactivity';

/** After the room ends: three 1–5 ratings (radio groups, keyboard operable) and a comment. */
export function RatingForm({
  api,
  ticket,
  s,
  onRated,
}: {
  api: RoomApi;
  ticket: string;
  s: RoomStrings;
  onRated(values: Record<Axis, number>): void;
}) {
  const [values, setValues] = useState<Record<Axis, number>>({ content: 0, instructor: 0, interactivity: 0 });
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');
  if (state === 'done')
    return (
      <p role="status" class="thanks">
        {s.thanks}
      </p>
    );
  const ready = values.content && values.instructor && values.interactivity;
  return (
    <form
      class="rating"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        setState('sending');
        try {
          await api.rate({ ticket, ...values, ...(comment.trim() && { comment: comment.trim() }) });
          setState('done');
          onRated(values);
        } catch {
          setState('failed');
        }
      }}
    >
      <h3>{s.rateTitle}</h3>
      {(['content', 'instructor', 'interactivity'] as const).map((axis) => (
        <fieldset key={axis} class="stars">
          <legend>{s[axis]}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input
                type="radio"
                name={axis}
                value={n}
                checked={values[axis] === n}
                onChange={() => setValues({ ...values, [axis]: n })}
              />
              {n}
            </label>
          ))}
        </fieldset>
      ))}
      <label class="comment">
        {s.comment}
        <textarea
          maxLength={2000}
          rows={3}
          value={comment}
          onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      {state === 'failed' ? <p role="alert">{s.failed}</p> : null}
      <button type="submit" disabled={!ready || state === 'sending'}>
        {s.submit}
      </button>
    </form>
  );
}

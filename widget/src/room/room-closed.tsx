import { useState } from 'preact/hooks';
import type { RoomStrings } from '../i18n/room-strings.ts';

/** What happened in the session, for the host's end screen. */
export type SessionCounts = { chat: number; question: number; poll_vote: number };

type Props = {
  /** "This workshop has ended…" or "The room opens at …". */
  text: string;
  s: RoomStrings;
  /** The host's end screen: what happened in the session. */
  counts?: SessionCounts;
  /** Offered to the host while the room's window lasts (ended by mistake); null otherwise. */
  reopen?: (() => Promise<void>) | null;
};

/**
 * A closed room: its state only — no name field, "Join" or "Host" under it, since none of them
 * would get anyone in. The host (and only the host) may reopen a room they ended.
 */
export function ClosedRoom({ text, s, counts, reopen }: Props) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div class="closed">
      <p class="notice" role="status">
        {text}
      </p>
      {counts ? (
        <section class="summary" aria-labelledby="room-summary">
          <h2 id="room-summary">{s.sessionSummary}</h2>
          <dl>
            <div>
              <dt>{s.chatMessages}</dt>
              <dd>{counts.chat}</dd>
            </div>
            <div>
              <dt>{s.questionsAsked}</dt>
              <dd>{counts.question}</dd>
            </div>
            <div>
              <dt>{s.pollVotes}</dt>
              <dd>{counts.poll_vote}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      {reopen ? (
        <div class="reopen">
          <p>{s.reopenHint}</p>
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setFailed(false);
              try {
                await reopen();
              } catch {
                setFailed(true);
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? s.joining : s.reopen}
          </button>
          {failed ? (
            <p class="banner" role="alert">
              {s.failed}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

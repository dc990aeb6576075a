import { useSignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/request.ts';
import { RoomApi, RoomApiError, type RoomJoin, toRoomError } from '../api/rooms.ts';
import type { Locale } from '../i18n/locale.ts';
import type { RoomStrings } from '../i18n/room-strings.ts';
import { currentSession, signIn, signOut } from '../owner/owner-session.ts';
import { findTicket } from '../tickets/find-ticket.ts';
import { HostGate } from './host-gate.tsx';
import { HostRoom } from './host-room.tsx';
import { LearnerRoom } from './learner-room.tsx';
import { LearnerSession } from './learner-session.ts';
import { ClosedRoom } from './room-closed.tsx';
import { LOBBY_CHECK_MS } from './room-protocol.ts';
import { reportError } from './room-tracking.ts';

export type RoomAppProps = { server: string; site: string; workshop: string; s: RoomStrings; locale: Locale };

/**
 * How long a pass fetched by the join screen is used for "Join". The pass itself lasts until the
 * room closes; a fresh one picks up what changed meanwhile (the host ended the room, a refund).
 */
const EARLY_PASS_MS = 5 * 60_000;

/** The pass the join screen asked for: the request, when, and the answer once it is in. */
type EarlyPass = { pass: Promise<RoomJoin>; at: number; ready?: RoomJoin };

/**
 * A room that lets nobody in: what to say, when it opens (the join screen comes back by itself
 * then), and until when its host may still reopen it after ending it.
 */
type Closed = { text: string; opensAt: number | null; reopenUntil: number | null };

/** A refused owner key is the room's `not_allowed`; no answer at all stays `network`. */
function ownerKeyRefused(err: unknown): never {
  const e = toRoomError(err);
  if (e.status === 0) throw e;
  throw new RoomApiError('not_allowed', new ApiError(e.status, e.code, 'Wrong owner key'));
}

/** The gate (ticket or owner sign-in), then the learner or host room. */
export function RoomApp({ server, site, workshop, s, locale }: RoomAppProps) {
  const api = useState(() => new RoomApi(server, workshop))[0];
  const ticket = useSignal<string | null | undefined>(undefined);
  const pass = useSignal<RoomJoin | null>(null);
  const learner = useSignal<LearnerSession | null>(null);
  const owner = useSignal<string | null>(currentSession(site)?.token ?? null);
  const error = useSignal<string | null>(null);
  const closed = useSignal<Closed | null>(null);
  const busy = useSignal(false);
  /** The join screen's view of the room: the early pass, and whether the host is in by now. */
  const preview = useSignal<{ pass: RoomJoin; hostIn: boolean } | null>(null);
  const asHost = useSignal(owner.value !== null);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  /** Bumped when a room that was not open yet opens: the join screen asks for its pass again. */
  const [attempt, setAttempt] = useState(0);

  // The learner's pass is fetched while the join screen shows, so "Join" goes straight to
  // signalling (one round trip less to the host's picture). Fetching it takes no seat: the
  // server hands the seat over when the pass connects, so opening this page on a second device
  // pushes nobody out. Its refusal ("the room opens at …") shows before anyone clicks.
  const early = useRef<EarlyPass | null>(null);
  useEffect(() => {
    findTicket(site, workshop).then((t) => {
      ticket.value = t;
      if (!t || asHost.value) return;
      const fetched = api.joinAsLearner(t);
      const entry: EarlyPass = { pass: fetched, at: Date.now() };
      early.current = entry;
      fetched.then(
        (p) => {
          entry.ready = p;
          preview.value = { pass: p, hostIn: p.hostPeerId !== null };
        },
        () => {}, // handled below
      );
      fetched.catch((err) => {
        early.current = null;
        if (
          !pass.value &&
          !busy.value &&
          !asHost.value &&
          err instanceof RoomApiError &&
          err.type !== 'network'
        )
          error.value = explain(err);
      });
    });
  }, [workshop, attempt]);

  // "The room opens at …" turns into the join screen at that time, without a reload.
  const opensAt = closed.value?.opensAt;
  useEffect(() => {
    if (!opensAt) return;
    const timer = setTimeout(
      () => {
        closed.value = null;
        setAttempt((n) => n + 1);
      },
      Math.min(Math.max(opensAt - Date.now(), 0) + 1000, 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [opensAt]);

  // While the join screen shows, it keeps "<host> is in the room" true (one light request every
  // LOBBY_CHECK_MS, with the pass it already holds); after "Join" the room itself says it.
  const previewPass = preview.value?.pass;
  useEffect(() => {
    if (!previewPass || learner.value) return;
    const timer = setInterval(() => {
      if (learner.value) return;
      api.status(previewPass).then(
        (st) => {
          if (st.ended) closed.value = { text: s.ended, opensAt: null, reopenUntil: Date.parse(st.closesAt) };
          if (preview.value && !learner.value)
            preview.value = { pass: previewPass, hostIn: st.hostPeerId !== null };
        },
        () => {}, // "Join" asks again and explains
      );
    }, LOBBY_CHECK_MS);
    return () => clearInterval(timer);
  }, [previewPass, learner.value]);

  const explain = (err: unknown) => {
    if (err instanceof RoomApiError) {
      reportError({ type: err.type, message: err.message, details: err.details });
      if (err.type === 'room_closed') {
        const d = err.details;
        const opens = d?.reason === 'not_open_yet' ? Date.parse(String(d.opensAt)) : null;
        const text = opens ? s.opensAt(new Date(opens).toLocaleString(locale)) : s.ended;
        // Ended by the host before the window closed: the host may still reopen it.
        const until = d?.reason === 'ended' && d.closesAt ? Date.parse(String(d.closesAt)) : null;
        closed.value = { text, opensAt: opens, reopenUntil: until };
        return text;
      }
      if (err.type === 'room_full') return s.full;
      if (err.type === 'not_allowed') return `${s.notAllowed} (${err.message})`;
    }
    return s.failed;
  };

  // The session starts in the click's own task: signalling opens at once, and the room is drawn
  // already (the join form sits over its stage), so the click only swaps the form for a status line.
  const enter = (p: RoomJoin) => {
    const session = new LearnerSession(api, p);
    session.start();
    pass.value = p;
    learner.value = session;
  };

  const joinLearner = async () => {
    if (!ticket.value) return;
    const typed = name.trim();
    const ready = early.current;
    // The usual case, the pass is here: in the room within this click, no "Joining…" in between.
    if (ready?.ready && Date.now() - ready.at < EARLY_PASS_MS && (!typed || typed === ready.ready.name)) {
      early.current = null;
      error.value = null;
      enter(ready.ready);
      return;
    }
    busy.value = true;
    error.value = null;
    early.current = null;
    try {
      if (ready && Date.now() - ready.at < EARLY_PASS_MS) {
        const p = await ready.pass.catch(() => null);
        // A name typed on this screen goes into a new pass (the host shows the pass's name).
        if (p && (!typed || typed === p.name)) {
          enter(p);
          return;
        }
      }
      enter(await api.joinAsLearner(ticket.value, typed || undefined));
    } catch (err) {
      error.value = explain(err);
    } finally {
      busy.value = false;
    }
  };

  /** Signs in when needed and takes a host pass; throws what the server refused. */
  const ownerSession = async () => {
    if (owner.value) return owner.value;
    // Kept for this tab (owner-session.ts): a reload rejoins without asking again.
    const session = (await signIn({ server }, site, key.trim()).catch(ownerKeyRefused)).token;
    owner.value = session;
    return session;
  };
  const hostAgain = async () => {
    pass.value = await api.joinAsHost(await ownerSession());
  };

  const joinHost = async () => {
    busy.value = true;
    error.value = null;
    try {
      await hostAgain();
    } catch (err) {
      if (err instanceof RoomApiError && err.status === 401) {
        signOut(site);
        owner.value = null;
      }
      error.value = explain(err);
    } finally {
      busy.value = false;
    }
  };

  if (pass.value?.role === 'host' && owner.value) {
    // Keyed on the pass: after a reopen the host gets a fresh pass and a fresh room.
    return (
      <HostRoom
        key={pass.value.peerId}
        api={api}
        pass={pass.value}
        s={s}
        workshop={workshop}
        rejoin={hostAgain}
      />
    );
  }
  const shut = closed.value;
  if (shut && !learner.value) {
    const until = shut.reopenUntil;
    return (
      <ClosedRoom
        text={shut.text}
        s={s}
        reopen={
          owner.value && until && Date.now() < until
            ? async () => {
                await api.reopen(owner.value ?? '');
                await hostAgain();
                closed.value = null;
              }
            : null
        }
      />
    );
  }
  if (ticket.value === undefined) return <p class="notice">{s.joining}</p>;

  const alert = error.value ? (
    <p class="banner" role="alert">
      {error.value}
    </p>
  ) : null;
  const lobbyLine = (() => {
    const p = preview.value;
    if (!p || error.value) return null;
    const host = p.pass.room.hostName;
    const startsAt = new Date(p.pass.room.startsAt);
    const text = p.hostIn
      ? s.hostIsIn(host)
      : Date.now() < startsAt.getTime()
        ? s.hostStartsAt(host, startsAt.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }))
        : s.waitingHost;
    return (
      <p class="lobby-host" role="status">
        {text}
      </p>
    );
  })();
  const hostSignIn = (
    <button type="button" onClick={() => (asHost.value = true)}>
      {s.hostSignIn}
    </button>
  );

  // A learner with a ticket: the room itself, with the join form over its stage until "Join".
  if (ticket.value && (learner.value || !asHost.value)) {
    return (
      <LearnerRoom
        api={api}
        session={learner.value}
        ticket={ticket.value}
        s={s}
        workshop={workshop}
        rejoin={() => {
          learner.value = null;
          pass.value = null;
          joinLearner();
        }}
        lobby={{
          overlay: (
            <>
              {alert}
              {lobbyLine}
              <form
                class="gate"
                onSubmit={(e) => {
                  e.preventDefault();
                  joinLearner();
                }}
              >
                <label>
                  {s.yourName}{' '}
                  <input
                    name="name"
                    maxLength={40}
                    value={name}
                    onInput={(e) => setName((e.target as HTMLInputElement).value)}
                  />
                </label>
                <button type="submit" class="primary" disabled={busy.value}>
                  {busy.value ? s.joining : s.join}
                </button>
              </form>
            </>
          ),
          toolbar: hostSignIn,
        }}
      />
    );
  }

  return (
    <div class="gate">
      {alert}
      {asHost.value ? (
        <HostGate
          s={s}
          needsKey={!owner.value}
          ownerKey={key}
          onKey={setKey}
          busy={busy.value}
          onStart={joinHost}
        />
      ) : (
        <>
          <p class="banner">{s.noTicket}</p>
          {hostSignIn}
        </>
      )}
    </div>
  );
}

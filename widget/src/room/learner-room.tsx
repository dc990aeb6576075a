import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { RoomApi } from '../api/rooms.ts';
import type { RoomStrings } from '../i18n/room-strings.ts';
import { track } from '../track.ts';
import { Icon } from './icons.tsx';
import type { LearnerPhase, LearnerSession } from './learner-session.ts';
import { RatingForm } from './rating-form.tsx';
import { ChatPanel, ParticipantsPanel, PollsPanel, QuestionsPanel } from './room-panels.tsx';
import type { RoomSnapshot } from './room-protocol.ts';
import { RoomStage } from './room-stage.tsx';
import { reportError, trackInteraction, useAttendance } from './room-tracking.ts';

/** Before "Join": the join form over the stage, and what goes in the toolbar's place. */
export type Lobby = { overlay: ComponentChildren; toolbar: ComponentChildren };

type Props = {
  api: RoomApi;
  /** Null until "Join": the room is drawn already, with the `lobby` over its stage. */
  session: LearnerSession | null;
  lobby: Lobby;
  ticket: string;
  s: RoomStrings;
  workshop: string;
  /** After the learner left (or another device took the seat): back into the room. */
  rejoin(): void;
};

/**
 * The learner's room view. It is drawn with the join screen (the form over the stage, as a
 * pre-join screen), so "Join" swaps the form for a status line instead of building the room while
 * the signalling socket opens: that first render used to hold the socket's answer back by 25–50 ms
 * (BENCHMARKS.md). The session is started by the "Join" click (room-app.tsx), not here.
 */
export function LearnerRoom({ api, session, lobby, ticket, s, workshop, rejoin }: Props) {
  const phase = useSignal<LearnerPhase>(session?.phase ?? 'connecting');
  const state = useSignal<RoomSnapshot | null>(session?.snapshot ?? null);
  const media = useSignal<MediaStream | null>(session?.media ?? null);
  const invited = useSignal(false);
  const speaking = useSignal(false);
  const hand = useSignal(false);
  const reason = useSignal<string | null>(null);
  /** Whether "Rejoin" can get this learner back in (they left, or another device took the seat). */
  const canRejoin = useSignal(true);
  const everLive = useSignal(false);

  // A layout effect, not a passive one: the session's events are heard from the render that
  // shows the room, not a frame later (the session is already on its way in).
  useLayoutEffect(() => {
    if (!session) return;
    // A rejoin brings a new session: what ended the last one says nothing about this one.
    reason.value = null;
    canRejoin.value = true;
    everLive.value = session.phase === 'live';
    // What the session did before this view heard it (the usual case: nothing yet, no render).
    phase.value = session.phase;
    state.value = session.snapshot;
    media.value = session.media;
    const offs = [
      session.on('phase', (p) => {
        phase.value = p;
        if (p === 'live') everLive.value = true;
      }),
      session.on('state', (st) => {
        state.value = st;
        if (!st.canSpeak) invited.value = false;
        hand.value = st.participants.find((x) => x.id === session.pass.peerId)?.hand ?? false;
      }),
      session.on('media', (m) => {
        media.value = m;
      }),
      session.on('speaking', (on) => {
        if (on && !session.speaking) invited.value = true;
        speaking.value = on && session.speaking;
        if (!on) invited.value = false;
      }),
      session.on('error', (e) => {
        reportError(e);
        if (e.type === 'superseded') reason.value = s.superseded;
        if (e.type === 'removed') reason.value = s.removed;
        if (e.type === 'room_full') reason.value = s.full;
        if (e.type === 'revoked') reason.value = s.revoked;
        if (e.type === 'removed' || e.type === 'revoked') canRejoin.value = false;
      }),
    ];
    return () => {
      for (const off of offs) off();
      session.close();
    };
  }, [session]);

  useAttendance(workshop, everLive.value && phase.value !== 'ended' && phase.value !== 'left');

  if (phase.value === 'ended') {
    return (
      <div class="ended">
        <p class="notice" role="status">
          {s.ended}
        </p>
        <RatingForm
          api={api}
          ticket={ticket}
          s={s}
          onRated={(overall) => track('rating', { workshop, value: overall, label: 'overall' })}
        />
      </div>
    );
  }
  if (phase.value === 'left')
    return (
      <div class="left">
        <p class="banner" role="status">
          {reason.value ?? s.left}
        </p>
        {canRejoin.value ? (
          <button
            type="button"
            class="primary"
            onClick={() => {
              phase.value = 'connecting'; // the join screen, with "Joining…", until the new session
              everLive.value = false;
              rejoin();
            }}
          >
            {s.rejoin}
          </button>
        ) : null}
      </div>
    );

  const act = session && {
    chat: (t: string) => {
      session.chat(t);
      trackInteraction(workshop, 'chat');
    },
    ask: (t: string) => {
      session.ask(t);
      trackInteraction(workshop, 'question');
    },
    upvote: (id: string) => {
      session.upvote(id);
      trackInteraction(workshop, 'upvote');
    },
    vote: (poll: string, option: number) => {
      session.vote(poll, option);
      trackInteraction(workshop, 'poll_vote');
    },
  };
  /** The learner's own controls: raise hand, and speaking once the host invites them. */
  const tools = (session: LearnerSession) => (
    <>
      <button
        type="button"
        aria-pressed={hand.value}
        onClick={() => {
          session.raiseHand(!hand.value);
          if (!hand.value) trackInteraction(workshop, 'hand');
        }}
      >
        <Icon name="hand" /> {hand.value ? s.lowerHand : s.raiseHand}
      </button>
      {invited.value && !speaking.value ? (
        <>
          <span class="notice">{s.invited}</span>
          <button
            type="button"
            class="primary"
            onClick={async () => {
              await session.startSpeaking();
              speaking.value = session.speaking;
              trackInteraction(workshop, 'speak');
            }}
          >
            {s.startSpeaking}
          </button>
        </>
      ) : null}
      {speaking.value ? (
        <button
          type="button"
          onClick={() => {
            session.stopSpeaking();
            speaking.value = false;
          }}
        >
          {s.stopSpeaking}
        </button>
      ) : null}
      <button type="button" class="leave" onClick={() => session.leave()}>
        {s.leave}
      </button>
    </>
  );
  const st = state.value;
  const banner = !session
    ? null
    : phase.value === 'host-away'
      ? s.hostAway
      : phase.value === 'reconnecting'
        ? s.reconnecting
        : phase.value === 'connecting'
          ? everLive.value
            ? s.hostAway
            : // The host's picture may arrive before the room's state: it needs no "waiting" over it.
              media.value
              ? null
              : s.waitingHost
          : null;

  return (
    <div class="room" data-phase={session ? phase.value : 'lobby'}>
      <div class="main">
        <RoomStage
          // The host's picture shows as soon as it arrives on joining (it may come before the
          // room's state does); after the host was lost, only once the room is live again.
          stream={phase.value === 'live' || phase.value === 'connecting' ? media.value : null}
          label={session?.pass.room.hostName ?? ''}
          s={s}
          screen={st?.screen}
          overlay={session ? banner ? <p role="status">{banner}</p> : null : lobby.overlay}
        />
        <div class="toolbar">{session ? tools(session) : lobby.toolbar}</div>
      </div>
      {st && act ? (
        <div class="side">
          <ParticipantsPanel state={st} s={s} act={act} host={false} />
          <ChatPanel state={st} s={s} act={act} />
          <QuestionsPanel state={st} s={s} act={act} host={false} />
          <PollsPanel state={st} s={s} act={act} host={false} />
        </div>
      ) : null}
    </div>
  );
}

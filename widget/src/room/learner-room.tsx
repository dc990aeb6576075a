import { useSignal } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import { track } from '../log/index.ts';
import type { LearnerPhase, LearnerSession } from './learner-session.ts';
import { RatingForm } from './rating-form.tsx';
import type { RoomApi } from './room-api.ts';
import { ChatPanel, ParticipantsPanel, PollsPanel, QuestionsPanel } from './room-panels.tsx';
import type { RoomSnapshot } from './room-protocol.ts';
import { RoomStage } from './room-stage.tsx';
import type { RoomStrings } from './room-strings.ts';
import { reportError, trackInteraction, useAttendance } from './room-tracking.ts';

type Props = { api: RoomApi; session: LearnerSession; ticket: string; s: RoomStrings; workshop: string };

/** The learner's room view. The session is started by the "Join" click (room-app.tsx), not here. */
export function LearnerRoom({ api, session, ticket, s, workshop }: Props) {
  const pass = session.pass;
  const phase = useSignal<LearnerPhase>(session.phase);
  const state = useSignal<RoomSnapshot | null>(session.snapshot);
  const media = useSignal<MediaStream | null>(session.media);
  const invited = useSignal(false);
  const speaking = useSignal(false);
  const hand = useSignal(false);
  const reason = useSignal<string | null>(null);
  const everLive = useSignal(false);

  // A layout effect, not a passive one: the session's events are heard from the render that
  // shows the room, not a frame later (the session is already on its way in).
  useLayoutEffect(() => {
    const offs = [
      session.on('phase', (p) => {
        phase.value = p;
        if (p === 'live') everLive.value = true;
      }),
      session.on('state', (st) => {
        state.value = st;
        if (!st.canSpeak) invited.value = false;
        hand.value = st.participants.find((x) => x.id === pass.peerId)?.hand ?? false;
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
          onRated={(v) =>
            track('rating', {
              workshop,
              value: Math.round((0.4 * v.content + 0.3 * v.instructor + 0.3 * v.interactivity) * 100) / 100,
              label: 'overall',
            })
          }
        />
      </div>
    );
  }
  if (phase.value === 'left')
    return (
      <p class="banner" role="status">
        {reason.value ?? s.left}
      </p>
    );

  const act = {
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
  const st = state.value;
  const banner =
    phase.value === 'host-away'
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
    <div class="room" data-phase={phase.value}>
      <div class="main">
        {banner ? (
          <p class="banner" role="status">
            {banner}
          </p>
        ) : null}
        <RoomStage
          // The host's picture shows as soon as it arrives on joining (it may come before the
          // room's state does); after the host was lost, only once the room is live again.
          stream={phase.value === 'live' || phase.value === 'connecting' ? media.value : null}
          label={pass.room.hostName}
          s={s}
          screen={st?.screen}
        />
        <div class="toolbar">
          <button
            type="button"
            aria-pressed={hand.value}
            onClick={() => {
              session.raiseHand(!hand.value);
              if (!hand.value) trackInteraction(workshop, 'hand');
            }}
          >
            ✋ {hand.value ? s.lowerHand : s.raiseHand}
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
        </div>
      </div>
      {st ? (
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

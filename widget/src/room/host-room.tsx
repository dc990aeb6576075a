import { useSignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RoomApi, RoomJoin } from '../api/rooms.ts';
import type { RoomStrings } from '../i18n/room-strings.ts';
import { HostSession } from './host-session.ts';
import { ClosedRoom } from './room-closed.tsx';
import { ChatPanel, ParticipantsPanel, PollsPanel, QuestionsPanel } from './room-panels.tsx';
import type { RoomSnapshot } from './room-protocol.ts';
import { RemoteAudio, RoomStage } from './room-stage.tsx';
import { reportError } from './room-tracking.ts';

type Props = {
  api: RoomApi;
  pass: RoomJoin;
  s: RoomStrings;
  workshop: string;
  /** After a reopen: a fresh host pass (and with it a fresh room; the caller keys on the pass). */
  rejoin(): Promise<void>;
};

export function HostRoom({ api, pass, s, rejoin }: Props) {
  const [session] = useState(() => new HostSession(api, pass));
  const state = useSignal<RoomSnapshot | null>(null);
  const local = useSignal<MediaStream | null>(null);
  const limit = useSignal<number | null>(null);
  const speakers = useSignal<Record<string, MediaStream>>({});
  const micMuted = useSignal(false);
  const cameraOn = useSignal(true);
  const sharing = useSignal(false);
  const ended = useSignal(false);
  const mediaError = useSignal(false);
  const confirmEnd = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const offs = [
      session.on('state', (st) => {
        state.value = st;
        sharing.value = st.screen;
        if (limit.value && st.participants.length - 1 < limit.value) limit.value = null;
      }),
      session.on('limit', ({ limit: n }) => {
        limit.value = n;
      }),
      session.on('speaker', ({ peerId, stream }) => {
        const next = { ...speakers.value };
        if (stream) next[peerId] = stream;
        else delete next[peerId];
        speakers.value = next;
      }),
      session.on('ended', () => {
        ended.value = true;
      }),
      session.on('error', (e) => {
        reportError(e);
        if (e.type === 'media_unavailable') mediaError.value = true;
      }),
    ];
    session.start().then(() => {
      local.value = session.local;
    });
    return () => {
      for (const off of offs) off();
      session.close();
    };
  }, [session]);

  if (ended.value) {
    const open = Date.now() < Date.parse(pass.room.closesAt);
    return (
      <ClosedRoom
        text={s.ended}
        s={s}
        counts={session.counts}
        reopen={
          open
            ? async () => {
                // The host's own pass still names the host once the room ended (routes.ts `reopen`).
                await api.reopen(pass);
                await rejoin();
              }
            : null
        }
      />
    );
  }
  const st = state.value;
  const act = {
    chat: (t: string) => session.say(t),
    markAnswered: (id: string) => session.markAnswered(id),
    createPoll: (q: string, o: string[]) => session.createPoll(q, o),
    closePoll: (id: string) => session.closePoll(id),
    invite: (id: string) => session.invite(id),
    mute: (id: string) => session.mute(id),
    remove: (id: string) => session.remove(id),
  };
  return (
    <div class="room" data-role="host">
      <div class="main">
        {limit.value ? (
          <p class="banner" role="alert">
            {s.limitReached(limit.value)}
          </p>
        ) : null}
        {mediaError.value ? <p class="banner">{s.mediaError}</p> : null}
        <RoomStage
          stream={sharing.value ? session.screenStream : local.value}
          muted
          label={pass.room.title}
          s={s}
          screen={sharing.value}
        />
        <div class="toolbar">
          <button
            type="button"
            aria-pressed={micMuted.value}
            onClick={() => {
              session.userGesture();
              session.setMicMuted(!micMuted.value);
              micMuted.value = session.micMuted;
            }}
          >
            {micMuted.value ? s.micOff : s.micOn}
          </button>
          <button
            type="button"
            aria-pressed={!cameraOn.value}
            onClick={() => {
              cameraOn.value = !cameraOn.value;
              session.setCameraOn(cameraOn.value);
            }}
          >
            {cameraOn.value ? s.cameraOff : s.cameraOn}
          </button>
          <button
            type="button"
            onClick={() => (sharing.value ? session.stopScreen() : session.shareScreen())}
          >
            {sharing.value ? s.stopShare : s.shareScreen}
          </button>
          <button type="button" onClick={() => confirmEnd.current?.showModal()}>
            {s.endRoom}
          </button>
        </div>
        <dialog ref={confirmEnd}>
          <p>{s.confirmEnd}</p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              confirmEnd.current?.close();
              session.end();
            }}
          >
            {s.endRoom}
          </button>{' '}
          <button type="button" onClick={() => confirmEnd.current?.close()}>
            {s.cancel}
          </button>
        </dialog>
        {Object.entries(speakers.value).map(([id, stream]) => (
          <RemoteAudio key={id} stream={stream} />
        ))}
      </div>
      {st ? (
        <div class="side">
          <ParticipantsPanel state={st} s={s} act={act} host />
          <ChatPanel state={st} s={s} act={act} />
          <QuestionsPanel state={st} s={s} act={act} host />
          <PollsPanel state={st} s={s} act={act} host />
        </div>
      ) : null}
    </div>
  );
}

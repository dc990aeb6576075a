import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RoomStrings } from '../i18n/room-strings.ts';
import { Icon } from './icons.tsx';

type Props = {
  stream: MediaStream | null;
  muted?: boolean;
  label: string;
  s: RoomStrings;
  screen?: boolean;
  /** Shown over the picture (the join form, "waiting for the host"): the page does not move when it goes. */
  overlay?: ComponentChildren;
};

/** The main video: fills its container's width (16:9), plays sound when allowed, full-screen toggle. */
export function RoomStage({ stream, muted = false, label, s, screen, overlay }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [blocked, setBlocked] = useState(false);

  // Layout effect: the stream is attached in the render that brings it, not a frame later.
  useLayoutEffect(() => {
    const v = video.current;
    if (!v) return;
    v.srcObject = stream;
    if (!stream) return;
    v.play().catch(() => {
      // Autoplay with sound refused (no user gesture yet): play muted and offer a button.
      v.muted = true;
      setBlocked(!muted);
      v.play().catch(() => {});
    });
  }, [stream, muted]);

  const unmute = () => {
    if (video.current) video.current.muted = false;
    video.current?.play().catch(() => {});
    setBlocked(false);
  };
  const fullScreen = () => {
    const el = box.current;
    if (!el) return;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else el.requestFullscreen?.().catch(() => {});
  };

  return (
    <div class="stage" ref={box}>
      <video
        ref={video}
        class="video"
        playsInline
        autoPlay
        muted={muted}
        aria-label={label || undefined}
        data-screen={screen ? '1' : '0'}
      />
      {overlay ? <div class="overlay">{overlay}</div> : null}
      {screen ? <span class="badge">{s.screen}</span> : null}
      <div class="stage-controls">
        {blocked ? (
          <button type="button" onClick={unmute}>
            {s.unmuteAudio}
          </button>
        ) : null}
        <button type="button" onClick={fullScreen} aria-label={s.fullScreen}>
          <Icon name="fullScreen" /> {s.fullScreen}
        </button>
      </div>
    </div>
  );
}

/** Plays an audio-only stream (the host hearing an invited speaker). */
export function RemoteAudio({ stream }: { stream: MediaStream }) {
  const el = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (el.current) {
      el.current.srcObject = stream;
      el.current.play().catch(() => {});
    }
  }, [stream]);
  // biome-ignore lint/a11y/useMediaCaption: live speech from a participant; no captions exist for it.
  return <audio ref={el} autoPlay />;
}

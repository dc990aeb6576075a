// Messages on the data channel between the host and each learner (star: learners never talk to
// each other directly; the host relays). JSON, one object per message.

export type Participant = {
  id: string;
  name: string;
  role: 'host' | 'learner';
  hand: boolean;
  speaking: boolean;
};
export type ChatMessage = { id: string; from: string; name: string; text: string; at: number };
export type Question = {
  id: string;
  name: string;
  text: string;
  votes: number;
  mine: boolean;
  voted: boolean;
  answered: boolean;
};
export type Poll = {
  id: string;
  question: string;
  options: { label: string; votes: number }[];
  open: boolean;
  /** The recipient's vote (option index), or null. */
  myVote: number | null;
};

/** What every learner sees; the host sends a fresh one (tailored per learner) after each change. */
export type RoomSnapshot = {
  participants: Participant[];
  chat: ChatMessage[];
  questions: Question[];
  polls: Poll[];
  screen: boolean;
  /** The recipient may speak (invited by the host). */
  canSpeak: boolean;
};

export type LearnerMessage =
  | { t: 'ping' }
  | { t: 'chat'; text: string }
  | { t: 'ask'; text: string }
  | { t: 'upvote'; id: string }
  | { t: 'vote'; poll: string; option: number }
  | { t: 'hand'; up: boolean }
  | { t: 'stop-speaking' }
  /** The learner's (receive-only) answer to the host's media `offer`. */
  | { t: 'answer'; sdp: string };

export type HostMessage =
  | { t: 'ping' }
  | { t: 'snapshot'; state: RoomSnapshot }
  | { t: 'invite' }
  | { t: 'mute' }
  /**
   * The host's camera and sound, offered on the data connection's own peer connection, to a
   * learner whose first offer asked for no media (Safari drops the options it asks with).
   */
  | { t: 'offer'; sdp: string }
  | { t: 'bye'; reason: 'removed' | 'superseded' | 'full' | 'ended' | 'revoked' };

export const MAX_TEXT = 500;
/** A media offer or answer is a few kilobytes; anything far bigger is not one. */
export const MAX_SDP = 64_000;
/** Both sides ping every second; silence this long means the other side is gone. */
export const PING_MS = 1000;
export const SILENCE_MS = 5000;
/** How often the join screen asks again whether the host is in (it says so above "Join"). */
export const LOBBY_CHECK_MS = 15_000;
/** How often the host re-reads the roster to let go of learners the server no longer admits (HostSession.sweep). */
export const ROSTER_SWEEP_MS = 10_000;

/** Parses an untrusted message; returns null for anything malformed. */
export function parseLearnerMessage(data: unknown): LearnerMessage | null {
  const m = typeof data === 'string' ? safeJson(data) : data;
  if (!m || typeof m !== 'object') return null;
  const msg = m as Record<string, unknown>;
  const text = typeof msg.text === 'string' ? msg.text.trim().slice(0, MAX_TEXT) : '';
  switch (msg.t) {
    case 'ping':
    case 'stop-speaking':
      return { t: msg.t };
    case 'chat':
    case 'ask':
      return text ? { t: msg.t, text } : null;
    case 'upvote':
      return typeof msg.id === 'string' ? { t: 'upvote', id: msg.id } : null;
    case 'vote':
      return typeof msg.poll === 'string' && Number.isInteger(msg.option)
        ? { t: 'vote', poll: msg.poll, option: msg.option as number }
        : null;
    case 'hand':
      return { t: 'hand', up: msg.up === true };
    case 'answer':
      return typeof msg.sdp === 'string' && msg.sdp.length <= MAX_SDP ? { t: 'answer', sdp: msg.sdp } : null;
    default:
      return null;
  }
}

export function parseHostMessage(data: unknown): HostMessage | null {
  const m = typeof data === 'string' ? safeJson(data) : data;
  if (!m || typeof m !== 'object' || typeof (m as { t?: unknown }).t !== 'string') return null;
  return m as HostMessage;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

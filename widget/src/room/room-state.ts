import type { ChatMessage, LearnerMessage, Participant, RoomSnapshot } from './room-protocol.ts';

const CHAT_KEPT = 200;

type QuestionState = {
  id: string;
  by: string;
  name: string;
  text: string;
  voters: Set<string>;
  answered: boolean;
};
type PollState = {
  id: string;
  question: string;
  options: string[];
  votes: Map<string, number>;
  open: boolean;
};

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * The room as the host holds it. The host is the single source of truth: learners send intents
 * (chat, ask, vote…) and receive snapshots. Pure logic, no WebRTC: unit-tested on its own.
 */
export class RoomState {
  readonly participants = new Map<string, Participant>();
  private chat: ChatMessage[] = [];
  private questions: QuestionState[] = [];
  private polls: PollState[] = [];
  screen = false;
  /** Interaction counts for the behaviour log (never message text). */
  readonly counts = { chat: 0, question: 0, upvote: 0, poll_vote: 0, hand: 0 };

  constructor(
    private readonly hostId: string,
    hostName: string,
  ) {
    this.participants.set(hostId, { id: hostId, name: hostName, role: 'host', hand: false, speaking: true });
  }

  join(id: string, name: string): void {
    this.participants.set(id, { id, name, role: 'learner', hand: false, speaking: false });
  }

  leave(id: string): void {
    this.participants.delete(id);
  }

  /** Applies a learner's intent; returns false when it changed nothing. */
  apply(from: string, msg: LearnerMessage): boolean {
    const who = this.participants.get(from);
    if (!who) return false;
    switch (msg.t) {
      case 'chat':
        this.say(from, msg.text);
        return true;
      case 'ask':
        this.counts.question++;
        this.questions.push({
          id: nextId('q'),
          by: from,
          name: who.name,
          text: msg.text,
          voters: new Set(),
          answered: false,
        });
        return true;
      case 'upvote': {
        const q = this.questions.find((x) => x.id === msg.id);
        if (!q || q.by === from) return false;
        if (q.voters.has(from)) q.voters.delete(from);
        else {
          q.voters.add(from);
          this.counts.upvote++;
        }
        return true;
      }
      case 'vote': {
        const p = this.polls.find((x) => x.id === msg.poll);
        if (!p?.open || msg.option < 0 || msg.option >= p.options.length) return false;
        this.counts.poll_vote++;
        p.votes.set(from, msg.option);
        return true;
      }
      case 'hand':
        if (who.hand === msg.up) return false;
        if (msg.up) this.counts.hand++;
        who.hand = msg.up;
        return true;
      case 'stop-speaking':
        return this.setSpeaking(from, false);
      default:
        return false;
    }
  }

  say(from: string, text: string): void {
    const who = this.participants.get(from);
    if (!who) return;
    this.counts.chat++;
    this.chat.push({ id: nextId('c'), from, name: who.name, text, at: Date.now() });
    if (this.chat.length > CHAT_KEPT) this.chat.splice(0, this.chat.length - CHAT_KEPT);
  }

  markAnswered(id: string): void {
    const q = this.questions.find((x) => x.id === id);
    if (q) q.answered = !q.answered;
  }

  createPoll(question: string, options: string[]): string {
    const id = nextId('p');
    this.polls.push({ id, question, options, votes: new Map(), open: true });
    return id;
  }

  closePoll(id: string): void {
    const p = this.polls.find((x) => x.id === id);
    if (p) p.open = false;
  }

  setSpeaking(id: string, speaking: boolean): boolean {
    const who = this.participants.get(id);
    if (!who || who.role === 'host' || who.speaking === speaking) return false;
    who.speaking = speaking;
    if (speaking) who.hand = false;
    return true;
  }

  learnerIds(): string[] {
    return [...this.participants.values()].filter((p) => p.role === 'learner').map((p) => p.id);
  }

  /** The state as `viewer` sees it: own votes marked, other voters' identities left out. */
  snapshotFor(viewer: string): RoomSnapshot {
    return {
      participants: [...this.participants.values()].map((p) => ({ ...p })),
      chat: [...this.chat],
      questions: this.questions
        .map((q) => ({
          id: q.id,
          name: q.name,
          text: q.text,
          votes: q.voters.size,
          mine: q.by === viewer,
          answered: q.answered,
          voted: q.voters.has(viewer),
        }))
        .sort((a, b) => Number(a.answered) - Number(b.answered) || b.votes - a.votes),
      polls: this.polls.map((p) => ({
        id: p.id,
        question: p.question,
        open: p.open,
        options: p.options.map((label, i) => ({
          label,
          votes: [...p.votes.values()].filter((v) => v === i).length,
        })),
        myVote: p.votes.get(viewer) ?? null,
      })),
      screen: this.screen,
      canSpeak: this.participants.get(viewer)?.speaking ?? false,
    };
  }

  get hostPeerId(): string {
    return this.hostId;
  }
}

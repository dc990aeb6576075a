import { describe, expect, it } from 'vitest';
import { MAX_SDP, MAX_TEXT, parseLearnerMessage } from './room-protocol.ts';
import { RoomState } from './room-state.ts';

function room() {
  const s = new RoomState('host', 'Hana');
  s.join('ada', 'Ada');
  s.join('bo', 'Bo');
  return s;
}

describe('RoomState (the host is the single source of truth)', () => {
  it('keeps chat with names and counts it, and ignores strangers', () => {
    const s = room();
    expect(s.apply('ada', { t: 'chat', text: 'hello' })).toBe(true);
    s.say('host', 'welcome');
    expect(s.apply('eve', { t: 'chat', text: 'not in the room' })).toBe(false);
    expect(s.snapshotFor('bo').chat.map((c) => [c.name, c.text])).toEqual([
      ['Ada', 'hello'],
      ['Hana', 'welcome'],
    ]);
    expect(s.counts.chat).toBe(2);
  });

  it('orders questions by upvotes, toggles a vote, refuses self-votes, sinks answered ones', () => {
    const s = room();
    s.apply('ada', { t: 'ask', text: 'first?' });
    s.apply('bo', { t: 'ask', text: 'second?' });
    const [first, second] = s.snapshotFor('host').questions;
    expect(s.apply('bo', { t: 'upvote', id: second.id })).toBe(false); // own question
    expect(s.apply('ada', { t: 'upvote', id: second.id })).toBe(true);
    expect(s.apply('bo', { t: 'upvote', id: 'nope' })).toBe(false);
    let view = s.snapshotFor('ada').questions;
    expect(view.map((q) => [q.text, q.votes, q.voted, q.mine])).toEqual([
      ['second?', 1, true, false],
      ['first?', 0, false, true],
    ]);
    s.markAnswered(second.id);
    view = s.snapshotFor('ada').questions;
    expect(view.map((q) => [q.text, q.answered])).toEqual([
      ['first?', false],
      ['second?', true],
    ]);
    s.apply('ada', { t: 'upvote', id: second.id }); // a second press takes the vote back
    expect(s.snapshotFor('host').questions.find((q) => q.id === second.id)?.votes).toBe(0);
    expect(first.id).not.toBe(second.id);
    expect(s.counts).toMatchObject({ question: 2, upvote: 1 });
  });

  it('counts one vote per learner per poll, shows each their own, and closes', () => {
    const s = room();
    const poll = s.createPoll('Pace?', ['slower', 'fine', 'faster']);
    expect(s.apply('ada', { t: 'vote', poll, option: 1 })).toBe(true);
    expect(s.apply('bo', { t: 'vote', poll, option: 1 })).toBe(true);
    expect(s.apply('bo', { t: 'vote', poll, option: 2 })).toBe(true); // changed their mind
    expect(s.apply('bo', { t: 'vote', poll, option: 3 })).toBe(false); // no such option
    expect(s.apply('bo', { t: 'vote', poll, option: -1 })).toBe(false);
    const view = s.snapshotFor('bo').polls[0];
    expect(view.options.map((o) => o.votes)).toEqual([0, 1, 1]);
    expect(view.myVote).toBe(2);
    expect(s.snapshotFor('host').polls[0].myVote).toBeNull();
    s.closePoll(poll);
    expect(s.apply('ada', { t: 'vote', poll, option: 0 })).toBe(false);
    expect(s.snapshotFor('ada').polls[0].open).toBe(false);
  });

  it('raises hands, invites a speaker (hand down), and lets only learners stop speaking', () => {
    const s = room();
    expect(s.apply('ada', { t: 'hand', up: true })).toBe(true);
    expect(s.apply('ada', { t: 'hand', up: true })).toBe(false);
    expect(s.snapshotFor('host').participants.find((p) => p.id === 'ada')?.hand).toBe(true);
    expect(s.setSpeaking('ada', true)).toBe(true);
    expect(s.snapshotFor('ada')).toMatchObject({ canSpeak: true });
    expect(s.snapshotFor('bo')).toMatchObject({ canSpeak: false });
    expect(s.participants.get('ada')).toMatchObject({ hand: false, speaking: true });
    expect(s.setSpeaking('host', false)).toBe(false);
    expect(s.apply('ada', { t: 'stop-speaking' })).toBe(true);
    expect(s.participants.get('ada')?.speaking).toBe(false);
    s.leave('bo');
    expect(s.learnerIds()).toEqual(['ada']);
  });

  it('keeps the last 200 chat messages', () => {
    const s = room();
    for (let i = 0; i < 250; i++) s.apply('ada', { t: 'chat', text: `m${i}` });
    const chat = s.snapshotFor('host').chat;
    expect(chat).toHaveLength(200);
    expect(chat[0].text).toBe('m50');
  });
});

describe('learner messages from the wire', () => {
  it('accepts the known intents, trims and bounds text, and drops anything else', () => {
    expect(parseLearnerMessage(JSON.stringify({ t: 'chat', text: '  hi  ' }))).toEqual({
      t: 'chat',
      text: 'hi',
    });
    expect(parseLearnerMessage({ t: 'ask', text: 'x'.repeat(MAX_TEXT + 50) })).toEqual({
      t: 'ask',
      text: 'x'.repeat(MAX_TEXT),
    });
    expect(parseLearnerMessage({ t: 'chat', text: '   ' })).toBeNull();
    expect(parseLearnerMessage({ t: 'vote', poll: 'p1', option: 1.5 })).toBeNull();
    expect(parseLearnerMessage({ t: 'hand', up: 'yes' })).toEqual({ t: 'hand', up: false });
    expect(parseLearnerMessage({ t: 'mute-everyone' })).toBeNull();
    expect(parseLearnerMessage('{not json')).toBeNull();
    expect(parseLearnerMessage(42)).toBeNull();
  });

  it("takes a learner's media answer only as a bounded string", () => {
    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n';
    expect(parseLearnerMessage({ t: 'answer', sdp })).toEqual({ t: 'answer', sdp });
    expect(parseLearnerMessage({ t: 'answer', sdp: { type: 'answer' } })).toBeNull();
    expect(parseLearnerMessage({ t: 'answer' })).toBeNull();
    expect(parseLearnerMessage({ t: 'answer', sdp: 'a'.repeat(MAX_SDP + 1) })).toBeNull();
  });
});

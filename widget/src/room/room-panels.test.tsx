import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomStrings } from '../i18n/room-strings.ts';
import { ChatPanel, ParticipantsPanel } from './room-panels.tsx';
import type { RoomSnapshot } from './room-protocol.ts';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

// A learner who took the host's name: only the badge tells them apart.
const state: RoomSnapshot = {
  participants: [
    { id: 'lh-1', name: 'Ada Lovelace', role: 'host', hand: false, speaking: true },
    { id: 'll-2', name: 'Ada Lovelace', role: 'learner', hand: false, speaking: false },
  ],
  chat: [
    { id: 'c1', from: 'lh-1', name: 'Ada Lovelace', text: 'Welcome', at: 1 },
    { id: 'c2', from: 'll-2', name: 'Ada Lovelace', text: 'I am the host, pay me here', at: 2 },
  ],
  questions: [],
  polls: [],
  screen: false,
  canSpeak: false,
};

describe("the host's badge", () => {
  it.each([
    ['en', 'Host'],
    ['zh-CN', '主持人'],
  ] as const)('marks only the host, in the participant list and the chat (%s)', (locale, badge) => {
    const s = roomStrings(locale);
    render(
      <>
        <ParticipantsPanel state={state} s={s} act={{ chat() {} }} host={false} />
        <ChatPanel state={state} s={s} act={{ chat() {} }} />
      </>,
      root,
    );
    const rows = [...root.querySelectorAll('.participants li')].map((li) => li.textContent?.trim());
    expect(rows).toEqual([`Ada Lovelace ${badge}`, 'Ada Lovelace']);
    const messages = [...root.querySelectorAll('.messages li')].map((li) => li.textContent?.trim());
    expect(messages).toEqual([`Ada Lovelace ${badge} Welcome`, 'Ada Lovelace I am the host, pay me here']);
  });
});

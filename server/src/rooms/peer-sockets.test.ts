import type { IClient } from 'peer';
import { describe, expect, it } from 'vitest';
import { PeerSockets } from './peer-sockets.ts';

function fakeClient(id: string) {
  const closed: [number, string][] = [];
  const socket = { close: (code: number, reason: string) => closed.push([code, reason]) };
  const client = { getId: () => id, getSocket: () => socket } as unknown as IClient;
  return { client, closed };
}

describe('PeerSockets', () => {
  it("closes a peer's socket with 4001 and forgets it", () => {
    const sockets = new PeerSockets();
    const a = fakeClient('ll-a');
    sockets.opened(a.client);
    sockets.close('ll-a');
    expect(a.closed).toEqual([[4001, 'superseded']]);
    sockets.close('ll-a');
    expect(a.closed).toHaveLength(1);
    // The closed socket's own disconnect comes later and changes nothing.
    expect(sockets.lost(a.client)).toBe(false);
  });

  it('keeps a reconnected client when the older one with the same id goes', () => {
    const sockets = new PeerSockets();
    const old = fakeClient('ll-a');
    const fresh = fakeClient('ll-a');
    sockets.opened(old.client);
    sockets.opened(fresh.client);
    expect(sockets.lost(old.client)).toBe(false);
    expect(sockets.lost(fresh.client)).toBe(true);
    sockets.close('ll-a');
    expect(fresh.closed).toEqual([]);
  });
});

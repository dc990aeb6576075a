import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../config.ts';
import { type RunningServer, startServer } from '../server.ts';

let running: RunningServer;
let dataDir: string;
let ownerKey: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-signalling-'));
  running = await startServer(
    loadConfig({ NODE_ENV: 'test', PORT: '0', LECTERN_DATA_DIR: dataDir, LECTERN_SEED_DEMO: '1' }),
  );
  ownerKey = running.demo!.ownerKey;
});
afterAll(async () => {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with the HTTP status of a refused upgrade, or 101 plus PeerJS's first message. */
function openSocket(id: string, token: string): Promise<{ status: number; first?: string }> {
  const url = `ws://127.0.0.1:${running.port}/peerjs/peerjs?key=lectern&id=${id}&token=${encodeURIComponent(token)}`;
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('message', (data) => {
      resolve({ status: 101, first: String(data) });
      ws.close();
    });
    ws.on('error', () => {});
  });
}

describe('signalling WebSocket at /peerjs', () => {
  it('refuses ids and tokens the server did not issue with 401, and registers issued ones', async () => {
    const session = await fetch(`${running.url}/v1/owner/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId: 'demo', key: ownerKey }),
    }).then((r) => r.json());
    // Host a room that is open now: make a demo workshop start in five minutes.
    const start = new Date(Date.now() + 5 * 60_000).toISOString();
    const patched = await fetch(`${running.url}/v1/sites/demo/workshops/ws_demo_open-qa`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ startsAt: start }),
    });
    expect(patched.status).toBe(200);
    const pass = await fetch(`${running.url}/v1/rooms/ws_demo_open-qa/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: '{}',
    }).then((r) => r.json());

    expect(await openSocket('ll-forged', 'whatever')).toEqual({ status: 401 });
    expect(await openSocket(pass.peerId, `${pass.token.split('.')[0]}.forgedforgedforgedforged`)).toEqual({
      status: 401,
    });
    expect((await openSocket('ll-000000000000000000000000', pass.token)).status).toBe(401);
    const ok = await openSocket(pass.peerId, pass.token);
    expect(ok.status).toBe(101);
    expect(JSON.parse(ok.first!).type).toBe('OPEN');
    // While a socket is open its stretch in the room runs; closing it ends the stretch, which the
    // owner's attendee list then counts.
    const db = new SQLite(path.join(dataDir, 'lectern.sqlite'), { readonly: true });
    const row = () =>
      db.prepare('select online_since, in_room_ms from room_passes where peer_id = ?').get(pass.peerId) as {
        online_since: number | null;
        in_room_ms: number;
      };
    await expect.poll(() => row().online_since).toBeNull();
    const ws = new WebSocket(
      `ws://127.0.0.1:${running.port}/peerjs/peerjs?key=lectern&id=${pass.peerId}&token=${encodeURIComponent(pass.token)}`,
    );
    await new Promise((resolve) => ws.once('message', resolve));
    await expect.poll(() => row().online_since).toBeTypeOf('number');
    await new Promise((resolve) => setTimeout(resolve, 20));
    ws.close();
    await expect.poll(() => row().online_since).toBeNull();
    expect(row().in_room_ms).toBeGreaterThan(0);
    db.close();
    // The PeerJS HTTP routes answer on the same port; other paths still reach the API.
    expect((await fetch(`${running.url}/peerjs`)).status).toBe(200);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

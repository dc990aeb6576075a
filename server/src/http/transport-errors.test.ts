import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { type RunningServer, startServer } from '../server.ts';

let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lectern-transport-'));
  server = await startServer(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LECTERN_DATA_DIR: dataDir,
      LECTERN_SEED_DEMO: '0',
      LECTERN_LOG_LEVEL: 'silent',
    }),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends raw bytes (what `fetch` refuses to send) and reads the whole answer. */
function raw(request: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = response.split('\r\n\r\n');
      const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
      resolve({ status: Number(head.split(' ')[1]), type, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

describe('errors raised before routing', () => {
  it.each([
    [
      'a Host that is not a host name',
      'GET /healthz HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n',
    ],
    [
      'a Host with credentials in it',
      'GET /healthz HTTP/1.1\r\nHost: a@evil.example\r\nConnection: close\r\n\r\n',
    ],
    [
      'a backslash in the path',
      'GET /v1\\..\\healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    ],
  ])('answer %s with a JSON 400', async (_what, request) => {
    const res = await raw(request);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/json');
    expect(JSON.parse(res.body).error.code).toBe('bad_request');
  });

  it('answer oversized headers with a JSON 431', async () => {
    const res = await raw(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.type).toBe('application/json');
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'bad_request', message: 'The request headers are too large' },
    });
  });

  it('answer bytes that are not HTTP with a JSON 400', async () => {
    const res = await raw('HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('bad_request');
  });

  it('still serve a well-formed request', async () => {
    const res = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { ok: true }]);
  });
});

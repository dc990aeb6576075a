import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Mailer } from './mailer.ts';
import { Outbox } from './outbox.ts';

/** A real pino logger whose lines land in an array. */
function capturingLogger() {
  const lines: { level: number; msg: string; to?: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('Mailer without SMTP', () => {
  it('in production says once, at start, that no email will be sent', async () => {
    const { log, lines } = capturingLogger();
    const mailer = new Mailer(undefined, 'Lectern <t@x>', log);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(/SMTP_URL is not set: no email will be sent/),
      }),
    ]);
    expect(mailer.enabled).toBe(false);
    expect(await mailer.send({ to: 'a@b.example', subject: 'Hi', text: 'x' })).toBe(false);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  });

  it('in development keeps each email in the outbox and logs one line naming where to read it', async () => {
    const { log, lines } = capturingLogger();
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-outbox-'));
    const outbox = new Outbox(dir, 'http://localhost:8787/dev/outbox');
    const mailer = new Mailer(undefined, 'Lectern <t@x>', log, outbox);
    expect(lines).toEqual([]);
    expect(mailer.enabled).toBe(true);
    expect(await mailer.send({ to: 'a@b.example', subject: 'Your ticket: Pasta', text: 'x' })).toBe(true);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        to: 'a@b.example',
        msg: 'mail kept in the outbox: http://localhost:8787/dev/outbox',
      }),
    ]);
    expect((await outbox.list()).map((m) => m.subject)).toEqual(['Your ticket: Pasta']);
  });
});

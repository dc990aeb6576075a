import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MailMessage } from './mailer.ts';

/** One email as the development outbox keeps it (attachments by name only). */
export type OutboxMail = {
  id: string;
  /** When it was sent, ISO 8601. */
  at: string;
  to: string;
  subject: string;
  text: string;
  attachments: string[];
};

/**
 * Every email the server sends in development, kept in `outbox.jsonl` in the data dir (one JSON
 * line per mail) so it survives a restart and a person can read it at `/dev/outbox`. Appending one
 * line is atomic enough for concurrent sends; a line that does not parse is skipped, not fatal.
 */
export class Outbox {
  readonly file: string;

  constructor(
    dataDir: string,
    /** Where a person reads it, e.g. `http://localhost:8787/dev/outbox` (for the log line). */
    readonly url: string,
  ) {
    this.file = path.join(dataDir, 'outbox.jsonl');
  }

  async keep(message: MailMessage, now: number): Promise<OutboxMail> {
    const mail: OutboxMail = {
      id: randomUUID(),
      at: new Date(now).toISOString(),
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: (message.attachments ?? []).map((a) => a.filename),
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(mail)}\n`, 'utf8');
    return mail;
  }

  /** The newest `limit` mails, newest first. */
  async list(limit = 200): Promise<OutboxMail[]> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const mails: OutboxMail[] = [];
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      try {
        mails.push(JSON.parse(line) as OutboxMail);
      } catch {
        // A line cut short by a crash mid-write: skip it, keep the rest.
      }
    }
    return mails.reverse().slice(0, limit);
  }
}

import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../log.ts';
import type { Outbox } from './outbox.ts';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};

/**
 * Sends mail through SMTP when SMTP_URL is set (e.g. smtp://user:pass@smtp.example:587). Outside
 * production every message is also kept in the development `outbox` (readable at `/dev/outbox`),
 * so the demo's ticket, waitlist and refund emails can be read with no mail server. In production
 * without SMTP nothing is sent, which the server says once at start. Sending never fails the
 * request that caused it: a ticket is valid whether or not the email arrives.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log: Logger,
    /** The development outbox; absent in production. */
    readonly outbox?: Outbox,
    private readonly now: () => number = Date.now,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
    if (!this.transport && !outbox) {
      log.warn('SMTP_URL is not set: no email will be sent (tickets, waitlist offers, refunds)');
    }
  }

  /** True when a message goes somewhere: SMTP, the development outbox, or both. */
  get enabled(): boolean {
    return this.transport !== null || this.outbox !== undefined;
  }

  async send(message: MailMessage): Promise<boolean> {
    let kept = false;
    if (this.outbox) {
      try {
        await this.outbox.keep(message, this.now());
        this.log.info(
          { to: message.to, subject: message.subject },
          `mail kept in the outbox: ${this.outbox.url}`,
        );
        kept = true;
      } catch (err) {
        this.log.warn(
          { err, to: message.to, subject: message.subject },
          'mail could not be kept in the outbox',
        );
      }
    }
    if (!this.transport) {
      if (!kept)
        this.log.info(
          { to: message.to, subject: message.subject },
          'mail not sent: SMTP_URL is not configured',
        );
      return kept;
    }
    try {
      await this.transport.sendMail({ from: this.from, ...message });
      return true;
    } catch (err) {
      this.log.warn({ err, to: message.to, subject: message.subject }, 'mail delivery failed');
      return false;
    }
  }

  close(): void {
    this.transport?.close();
  }
}

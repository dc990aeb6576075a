import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../log.ts';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};

/**
 * Sends mail through SMTP when SMTP_URL is set (e.g. smtp://user:pass@smtp.example:587). Without
 * it the message is logged and dropped, so the demo works with no mail server. Sending never
 * fails the request that caused it: a ticket is valid whether or not the email arrives.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(message: MailMessage): Promise<boolean> {
    if (!this.transport) {
      this.log.info(
        { to: message.to, subject: message.subject },
        'mail not sent: SMTP_URL is not configured',
      );
      return false;
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

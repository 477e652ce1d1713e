import nodemailer from 'nodemailer';
import { typo } from '../../../shared/text';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same message in HTML (notifications), written already typeset and escaped. */
  html?: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
}
export type Mailer = (mail: Mail) => Promise<void>;

/** French typography for every message; links and addresses are left as they are. */
const typeset = (m: Mail): Mail => ({ ...m, subject: typo(m.subject), text: typo(m.text) });

/**
 * Mail through SMTP when configured; otherwise (development) the message is
 * written to the server log, so a magic link can be followed from there.
 */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log: (msg: string) => void }): Mailer {
  if (!opts.smtpUrl)
    return async (mail) => {
      const m = typeset(mail);
      opts.log(`${typo('[courriel non envoyé : pas de SMTP] À')} ${m.to} — ${m.subject}\n${m.text}`);
    };
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return async (mail) => {
    const m = typeset(mail);
    await transport.sendMail({
      from: opts.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      ...(m.html ? { html: m.html } : {}),
      ...(m.headers ? { headers: m.headers } : {}),
    });
  };
}

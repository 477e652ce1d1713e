import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export type Mailer = (mail: Mail) => Promise<void>;

/**
 * Mail through SMTP when configured; otherwise (development) the message is
 * written to the server log, so a magic link can be followed from there.
 */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log: (msg: string) => void }): Mailer {
  if (!opts.smtpUrl) return async (m) => opts.log(`[courriel non envoyé : pas de SMTP] À ${m.to} — ${m.subject}\n${m.text}`);
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return async (m) => {
    await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
  };
}

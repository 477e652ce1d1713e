import { formatDate, plural } from '../../../shared/format';
import { typo } from '../../../shared/text';
import { type NotificationCategory, notificationCategoryLabels } from '../../../shared/vocabulary';
import type { Mail } from '../auth/mailer';

export interface MailItem {
  title: string;
  body: string;
  link: string | null;
  category: NotificationCategory;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The e-mail of one notification or of a day's digest, in French, in plain
 * text and HTML. Links are absolute (`publicUrl`); the unsubscribe link is
 * both in the text and in the `List-Unsubscribe` headers (one click, RFC 8058:
 * the mail client POSTs to it without opening a page).
 *
 * @example notificationMail({ to: 'a@b.fr', publicUrl: 'https://essaim.fr', items: [item], digest: false, unsubscribeUrl, date })
 */
export function notificationMail(o: {
  to: string;
  publicUrl: string;
  items: readonly MailItem[];
  digest: boolean;
  /** The API's one-click address (POST) and the page a person opens to confirm. */
  unsubscribe: { post: string; page: string };
  date: Date;
}): Mail {
  const abs = (link: string | null) => `${o.publicUrl}${link ?? '/notifications'}`;
  const categories = [...new Set(o.items.map((i) => i.category))];
  const first = o.items[0] as MailItem;
  const subject = o.digest ? `Essaim : votre récapitulatif du ${formatDate(o.date.toISOString())} (${plural(o.items.length, 'notification')})` : first.title;
  const leaving = categories.map((c) => `« ${notificationCategoryLabels[c]} »`).join(', ');
  const groups = categories.map((c) => ({ label: notificationCategoryLabels[c], items: o.items.filter((i) => i.category === c) }));

  const textItems = groups
    .map((g) =>
      [`${g.label}`, ...g.items.map((i) => [`- ${typo(i.title)}`, i.body && `  ${typo(i.body)}`, `  ${abs(i.link)}`].filter(Boolean).join('\n'))].join('\n'),
    )
    .join('\n\n');
  const text = [
    'Bonjour,',
    '',
    o.digest ? 'Voici ce qui vous concerne sur Essaim depuis hier :' : 'Du nouveau vous concerne sur Essaim :',
    '',
    textItems,
    '',
    `Toutes vos notifications : ${o.publicUrl}/notifications`,
    `Vos préférences d’envoi : ${o.publicUrl}/compte`,
    `Ne plus recevoir ces e-mails (${leaving}) : ${o.unsubscribe.page}`,
  ].join('\n');

  const htmlItems = groups
    .map(
      (g) =>
        `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(g.label)}</h2><ul style="padding-left:20px">${g.items
          .map(
            (i) =>
              `<li style="margin-bottom:12px"><a href="${escapeHtml(abs(i.link))}" style="color:#000091;font-weight:bold">${escapeHtml(typo(i.title))}</a>${
                i.body ? `<br>${escapeHtml(typo(i.body))}` : ''
              }</li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(typo(subject))}</title></head>
<body style="font-family:Marianne,Arial,sans-serif;color:#161616;max-width:600px;margin:auto;padding:16px">
<p>Bonjour,</p>
<p>${escapeHtml(typo(o.digest ? 'Voici ce qui vous concerne sur Essaim depuis hier :' : 'Du nouveau vous concerne sur Essaim :'))}</p>
${htmlItems}
<p><a href="${escapeHtml(`${o.publicUrl}/notifications`)}" style="color:#000091">Toutes vos notifications</a> · <a href="${escapeHtml(`${o.publicUrl}/compte`)}" style="color:#000091">${escapeHtml(typo('Vos préférences d’envoi'))}</a></p>
<p style="font-size:12px;color:#666"><a href="${escapeHtml(o.unsubscribe.page)}" style="color:#666">${escapeHtml(typo(`Ne plus recevoir ces e-mails (${leaving})`))}</a></p>
</body></html>`;
  return {
    to: o.to,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${o.unsubscribe.post}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

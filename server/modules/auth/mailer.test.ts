import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMailer } from './mailer';

const N = '\u202F';
const magicLink = {
  to: 'porteur@essaim.test',
  subject: 'Votre lien de connexion à Essaim',
  text: "Pour vous connecter, suivez ce lien (valable 15 minutes) :\nhttps://essaim.example.fr/api/auth/magic-link/callback?token=ab:cd&returnTo=%2Fprojets\n\nSi vous n'avez rien demandé, ignorez ce message.",
};

/** A minimal SMTP server that keeps what it is sent (enough for nodemailer, no TLS). */
async function smtpSink() {
  const received: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 sink\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            data = false;
            socket.write('250 ok\r\n');
          } else received.push(line);
        } else if (/^EHLO/i.test(line)) socket.write('250 sink\r\n');
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
        end = buffer.indexOf('\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('mail', () => {
  it('is written in French typography, the link left exactly as it was', async () => {
    const logged: string[] = [];
    await createMailer({ from: 'essaim@essaim.test', log: (m) => logged.push(m) })(magicLink);
    expect(logged[0]).toContain(`valable 15 minutes)${N}:\nhttps://essaim.example.fr/api/auth/magic-link/callback?token=ab:cd&returnTo=%2Fprojets\n`);
    expect(logged[0]).toContain('Si vous n’avez rien demandé');
    expect(logged[0]).toContain(`[courriel non envoyé${N}: pas de SMTP] À porteur@essaim.test`);
  });

  it('goes out through SMTP typeset the same way', async () => {
    const sink = await smtpSink();
    try {
      await createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'essaim@essaim.test', log: () => {} })(magicLink);
      const raw = sink.received.join('\n');
      // The body is quoted-printable: soft line breaks joined, =XX bytes decoded.
      const qp = raw.split(/\n\n/).slice(1).join('\n').replace(/=\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < qp.length; i++) {
        if (qp[i] === '=' && /^[0-9A-F]{2}$/.test(qp.slice(i + 1, i + 3))) {
          bytes.push(Number.parseInt(qp.slice(i + 1, i + 3), 16));
          i += 2;
        } else bytes.push(qp.charCodeAt(i));
      }
      const text = Buffer.from(bytes).toString('utf8');
      expect(text).toContain(`valable 15 minutes)${N}:`);
      expect(text).toContain('n’avez rien demandé');
      expect(text).toContain('token=ab:cd&returnTo=%2Fprojets');
    } finally {
      await sink.close();
    }
  });
});

// SMTP sink: aiosmtpd writing a Maildir, parsed by mime.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './cleanup.mjs';
import { parseEmail } from './mime.mjs';
import { PYTHON } from './paths.mjs';
import { freePort, sleep, spawnManaged, tailFile, waitForPort } from './processes.mjs';

/** Start an SMTP server on 127.0.0.1 that stores every message in a Maildir. */
export async function startSmtpSink() {
  const tmp = await makeTempDir('smtp');
  const maildir = path.join(tmp.dir, 'Maildir');
  const log = path.join(tmp.dir, 'aiosmtpd.log');
  let child;
  let port;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    child = spawnManaged(
      PYTHON,
      ['-m', 'aiosmtpd', '-n', '-u', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
      { logFile: log, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    try {
      await waitForPort(port, { child, timeoutMs: 15_000 });
      break;
    } catch (e) {
      await child.stopGracefully(1000);
      if (attempt >= 2) {
        await tmp.remove();
        throw new Error(`SMTP sink did not start: ${e.message}\n${tailFile(log)}`);
      }
    }
  }

  const messages = () => readMaildir(maildir);
  return {
    port,
    dir: maildir,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Wait for a message matching predicate(msg); returns it. */
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = messages().map((m) => `  to=${m.to} subject=${JSON.stringify(m.subject)}`);
          throw new Error(
            `no matching e-mail after ${timeoutMs} ms; ${seen.length} received:\n${seen.join('\n')}`,
          );
        }
        await sleep(100);
      }
    },
    async stop() {
      await child.stopGracefully(3000);
      await tmp.remove();
    },
  };
}

export function readMaildir(maildir) {
  const out = [];
  for (const sub of ['new', 'cur']) {
    let names;
    try {
      names = fs.readdirSync(path.join(maildir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(maildir, sub, name);
      let raw;
      try {
        raw = fs.readFileSync(file);
      } catch {
        continue;
      }
      const msg = parseEmail(raw);
      msg.file = file;
      msg.time = parseFloat(name) || fs.statSync(file).mtimeMs / 1000;
      out.push(msg);
    }
  }
  out.sort((a, b) => a.time - b.time);
  return out;
}

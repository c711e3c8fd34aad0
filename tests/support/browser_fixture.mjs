// The set-up every browser test file shares: a temporary directory with a SQLite
// database, optionally an SMTP sink, a seeded `ateliers serve`, and Chromium;
// all stopped after the suite, whatever happened.
//
//   describe('…', () => {
//     const fx = useBrowserFixture({ smtp: true, setup: (fx) => runSql(fx.db, '…') });
//     it('…', fx.t(async () => { const ctx = await newContext(fx.browser); … fx.server.baseUrl … }));
//   });
//
// Call it inside describe(): it registers that suite's before/after hooks and
// returns an object whose fields are set once `before` has run:
//   tmp       makeTempDir result (tmp.dir)
//   dbFile    path of the SQLite database;  db: "sqlite:<dbFile>"
//   smtp      the SMTP sink (startSmtpSink), or null without { smtp: true }
//   server    startServer result (baseUrl, logTail, …)
//   browser   Chromium (launchBrowser)
//   t(fn)     fn wrapped so that a failure carries the server's log tail
// Options:
//   smtp            start an SMTP sink and point the server at it
//   serverOptions   more startServer options (extraArgs, env, …)
//   setup(fx)       runs once the server is up, before Chromium starts (data, settings)

import { after, before } from 'node:test';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { makeTempDir } from './cleanup.mjs';
import { startServer, withServerLog } from './server.mjs';
import { startSmtpSink } from './smtp.mjs';

export function useBrowserFixture({ smtp = false, serverOptions = {}, setup } = {}) {
  const fx = {
    tmp: null,
    dbFile: null,
    db: null,
    smtp: null,
    server: null,
    browser: null,
    t: (fn) => withServerLog(() => fx.server, fn),
  };

  before(async () => {
    fx.tmp = await makeTempDir('browser');
    fx.dbFile = path.join(fx.tmp.dir, 'test.db');
    fx.db = `sqlite:${fx.dbFile}`;
    if (smtp) fx.smtp = await startSmtpSink();
    fx.server = await startServer({ db: fx.db, ...(fx.smtp ? { smtpPort: fx.smtp.port } : {}), ...serverOptions });
    if (setup) await setup(fx);
    fx.browser = await launchBrowser();
  }, { timeout: 300_000 });

  after(async () => {
    for (const stop of [() => fx.browser?.close(), () => fx.server?.stop(), () => fx.smtp?.stop(), () => fx.tmp?.remove()]) {
      try {
        await stop();
      } catch (e) {
        console.error(`cleanup: ${e.message}`);
      }
    }
  }, { timeout: 60_000 });

  return fx;
}

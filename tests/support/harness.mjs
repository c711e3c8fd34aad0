// Black-box test harness for Ateliers des territoires: one import for the test
// files, re-exporting the modules below (each does one job).
//
// Node built-ins + playwright-core only. Every helper that starts something
// returns an object with an async stop(); everything started is also killed and
// every temporary directory removed when the process exits (normally, on an
// uncaught error or on SIGINT/SIGTERM), so a failing test never leaks a server,
// a PostgreSQL cluster or an SMTP sink.
//
//   paths.mjs        REPO_ROOT, SERVER_BIN and the tools the harness starts
//   cleanup.mjs      onExit(fn), makeTempDir(prefix); sweeps what killed runs left behind
//   ports.mjs        port claims shared by concurrent test processes (ctest -j2)
//   processes.mjs    freePort(), sleep(ms), within(promise, ms), tailFile(file), managed children
//   postgres.mjs     startPostgres()   -> { url, stop() }   fresh database on a shared throw-away cluster
//   smtp.mjs         startSmtpSink()   -> { port, dir, messages(), waitFor(pred, ms), stop() }
//   mime.mjs         parseEmail(raw), decodeHeaderValue(v), findLink(text, pathPrefix)
//   server.mjs       startServer({ db, smtpPort, mailDir }) -> { baseUrl, logFile, logTail(n), stop() },
//                    withServerLog(getServer, fn)
//   http_client.mjs  new HttpClient(baseUrl): cookie-jar client over fetch (redirect: 'manual'),
//                    formOf(res, match), encodeForm(fields)
//   raw_request.mjs  rawRequest(baseUrl, { method, path, headers, body, bodyDelayMs })
//   html.mjs         getForm(html, match) (csrf_token included), getForms, htmlToText, decodeEntities
//   accounts.mjs     uniqueEmail(tag)
//   browser.mjs      launchBrowser(), newContext(browser, opts), checkA11y(page)
//   layout.mjs       checkLayout(page), layoutProblems, LAYOUT_WIDTHS
//
// browser_fixture.mjs (useBrowserFixture) is imported on its own by the browser suite.
//
// Environment:
//   ATELIERS_BIN        server binary (default: <repo>/build/ateliers)
//   ATELIERS_TEST_KEEP  if set, temporary directories (server logs, mail dirs) are kept
//   CHROMIUM_PATH       browser binary (default: /usr/bin/chromium)

export { REPO_ROOT, SERVER_BIN } from './paths.mjs';
export * from './cleanup.mjs';
export * from './processes.mjs';
export * from './postgres.mjs';
export * from './smtp.mjs';
export * from './mime.mjs';
export * from './server.mjs';
export * from './http_client.mjs';
export * from './raw_request.mjs';
export * from './html.mjs';
export * from './accounts.mjs';
export { AXE_PATH, AXE_TAGS, launchBrowser, newContext, checkA11y } from './browser.mjs';
export { checkLayout, layoutProblems, LAYOUT_WIDTHS } from './layout.mjs';

// Live sessions over plain HTTP, shared by tests/http/live.test.mjs and bench/live.mjs.
//
//   seedLive(db, { cycles, participants, prefix })  cycles each with one session under way
//       (visio link, groups of five, the first the client), confirmed participants spread
//       over them, one facilitator per cycle (role facilitator:<cycle id>), and a login cookie
//       for everyone -> { cycles: [{ slug, sessionId, facilitator, members }], people }
//   openStream(baseUrl, cookie, sessionId, onEvent)  GET …/flux like EventSource;
//       onEvent(version, atMs) per "state" event; resolves { req, status, headers } at the first
//       event (or at once when refused: status ≠ 200)
//   postTransition(baseUrl, slug, number, cookie, action)  the runner's POST (JSON answer)
import http from 'node:http';
import { createBulkUsers, newToken, pickCommunes, q, queryRows, runSql, tokenHashes } from './bulk.mjs';

export function seedLive(db, { cycles: cycleCount = 1, participants = 5, prefix = 'direct' } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const communes = pickCommunes(db, 40);
  const people = createBulkUsers(db, Array.from({ length: participants }, (_, i) => ({
    collectiviteId: communes[i % communes.length], fullName: `Participant ${i + 1}`,
  })), { tag: `${prefix}-p` });
  const facilitators = createBulkUsers(db, Array.from({ length: cycleCount }, (_, i) => ({
    collectiviteId: communes[i % communes.length], fullName: `Animateur ${i + 1}`,
  })), { tag: `${prefix}-a` });
  const lines = ['BEGIN;'];
  const cycles = [];
  for (let c = 0; c < cycleCount; c++) {
    const slug = `${prefix}-${process.pid}-${c + 1}`;
    cycles.push({ slug, facilitator: facilitators[c], members: [] });
    lines.push(`INSERT INTO cycles (slug, title, theme, summary, description, territory_types, capacity, mode, status, created_at) VALUES (${q(slug)}, ${q(`Cycle en direct ${c + 1}`)}, 'Banc d’essai', 'Séances en direct.', '', '', 40, 'first_come', 'published', ${now});`);
    lines.push(`INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at, visio_url) SELECT id, 1, ${now - 300}, ${now + 6900}, 'https://visio.example.fr/${slug}' FROM cycles WHERE slug = ${q(slug)};`);
    lines.push(`INSERT INTO user_roles (user_id, role, scope) SELECT ${facilitators[c].id}, 'facilitator', CAST(id AS TEXT) FROM cycles WHERE slug = ${q(slug)};`);
  }
  people.forEach((p, i) => {
    const cycle = cycles[i % cycleCount];
    cycle.members.push(p);
    p.cycle = cycle;
    lines.push(`INSERT INTO registrations (cycle_id, user_id, collectivite_id, mandate, function_title, situation, status, arrival, created_at, updated_at) SELECT id, ${p.id}, ${q(p.collectiviteId)}, ${q(p.mandate)}, ${q(p.functionTitle)}, 'Une situation assez longue pour être plausible ici.', 'confirmed', ${now}, ${now}, ${now} FROM cycles WHERE slug = ${q(cycle.slug)};`);
  });
  for (const cycle of cycles)
    cycle.members.forEach((p, i) => {
      lines.push(`INSERT INTO session_groups (session_id, registration_id, group_number, is_client) SELECT s.id, r.id, ${Math.floor(i / 5) + 1}, ${i % 5 === 0 ? 1 : 0} FROM registrations r JOIN cycle_sessions s ON s.cycle_id = r.cycle_id WHERE r.user_id = ${p.id};`);
    });
  const everyone = [...people, ...facilitators];
  const tokens = everyone.map(() => newToken());
  const hashes = tokenHashes(tokens);
  everyone.forEach((u, i) => {
    u.cookie = `ateliers_session=${tokens[i]}`;
    lines.push(`INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at) VALUES (${q(hashes[i])}, ${u.id}, ${now}, ${now + 86400});`);
  });
  lines.push('COMMIT;');
  runSql(db, lines.join('\n'));
  const sessionOf = new Map(queryRows(db, `SELECT c.slug, s.id FROM cycles c JOIN cycle_sessions s ON s.cycle_id = c.id WHERE c.slug LIKE ${q(`${prefix}-${process.pid}-%`)}`));
  for (const cycle of cycles) cycle.sessionId = Number(sessionOf.get(cycle.slug));
  return { cycles, people };
}

export function openStream(baseUrl, cookie, sessionId, onEvent = () => {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(`/direct/seances/${sessionId}/flux`, baseUrl), {
      agent: false,
      headers: { cookie, accept: 'text/event-stream' },
    }, (res) => {
      const answer = { req, status: res.statusCode, headers: res.headers };
      if (res.statusCode !== 200) {
        res.resume();
        return resolve(answer);
      }
      res.setEncoding('utf8');
      let buffer = '';
      let first = true;
      res.on('data', (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(block);
          if (id && /^event: state$/m.test(block)) {
            onEvent(Number(id[1]), at, JSON.parse(/^data: (.*)$/m.exec(block)[1]));
            if (first) {
              first = false;
              resolve(answer);
            }
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
  });
}

const csrfTokens = new Map();

/**
 * A CSRF token the server issued for this session cookie, as its pages would carry
 * (a value it did not issue is refused). One per session: every process of the site
 * accepts it.
 */
export async function csrfFor(baseUrl, cookie) {
  if (!csrfTokens.has(cookie)) {
    const res = await fetch(new URL('/', baseUrl), { headers: { cookie } });
    await res.arrayBuffer();
    const line = res.headers.getSetCookie().find((l) => l.startsWith('ateliers_csrf='));
    if (!line) throw new Error(`no ateliers_csrf cookie from GET / (status ${res.status})`);
    csrfTokens.set(cookie, line.split(';')[0].slice('ateliers_csrf='.length));
  }
  return csrfTokens.get(cookie);
}

export async function postTransition(baseUrl, slug, number, cookie, action) {
  const csrf = await csrfFor(baseUrl, cookie);
  const body = new URLSearchParams({ csrf_token: csrf, action }).toString();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(new URL(`/animation/${slug}/seances/${number}/direct`, baseUrl), {
      method: 'POST',
      agent: false,
      headers: {
        cookie: `${cookie}; ateliers_csrf=${csrf}`,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
      },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, json, started, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

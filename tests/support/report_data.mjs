// A cycle with figures for the report tests, written straight into the database:
// four sessions (two held), three confirmed participants and one waiting,
// attendance, two action leads and two questionnaires.
import { createBulkUsers, q, runSql } from './bulk.mjs';

export const DAY = 86400;

/**
 * Creates the organiser and four participants (Pélussin élue, Chavanay agent,
 * Marseille élue — confirmed; Saint-Denis agent — waiting) and the cycle.
 * Returns { organiser, people: [anne, bruno, chloe, denis], sessionStarts }.
 */
export function fillReportCycle(db, { slug, title, tag = 'reports' }) {
  const [organiser] = createBulkUsers(db, [{ collectiviteId: 'commune:42218', role: 'organiser', fullName: 'Olga Organisatrice' }], { tag });
  const people = createBulkUsers(db, [
    { collectiviteId: 'commune:42168', mandate: 'elu', fullName: 'Anne Pélussin' },
    { collectiviteId: 'commune:42056', mandate: 'agent', fullName: 'Bruno Chavanay' },
    { collectiviteId: 'commune:13055', mandate: 'elu', fullName: 'Chloé Marseille' },
    { collectiviteId: 'commune:97411', mandate: 'agent', fullName: 'Denis Saint-Denis' },
  ], { tag });
  const [anne, bruno, chloe, denis] = people;

  const now = Math.floor(Date.now() / 1000);
  const sessionStarts = [now - 20 * DAY, now - 6 * DAY, now + 8 * DAY, now + 22 * DAY];
  const cycle = `(SELECT id FROM cycles WHERE slug = ${q(slug)})`;
  const session = (n) => `(SELECT id FROM cycle_sessions WHERE cycle_id = ${cycle} AND number = ${n})`;
  const reg = (u) => `(SELECT id FROM registrations WHERE cycle_id = ${cycle} AND user_id = ${u.id})`;
  const lines = [
    'BEGIN;',
    `INSERT INTO cycles (slug, title, theme, summary, description, capacity, mode, status, created_at) VALUES (${q(slug)}, ${q(title)}, 'Revitalisation', 'Résumé', 'Description', 15, 'first_come', 'published', ${now});`,
    ...sessionStarts.map((s, i) => `INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at) VALUES (${cycle}, ${i + 1}, ${s}, ${s + 7200});`),
    ...[[anne, 'confirmed', 1], [bruno, 'confirmed', 2], [chloe, 'confirmed', 3], [denis, 'waiting', null]].map(
      ([u, status, seat]) => `INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, function_title, situation, status, seat, arrival, created_at, updated_at) VALUES (${cycle}, ${u.id}, ${q(u.collectiviteId)}, ${q(u.collectiviteId)}, ${q(u.mandate)}, 'Fonction', 'Situation', '${status}', ${seat ?? 'NULL'}, ${seat ?? 9}, ${now}, ${now});`,
    ),
    ...[[1, anne, 'present'], [1, bruno, 'present'], [1, chloe, 'absent'], [2, anne, 'present'], [2, bruno, 'excused'], [2, chloe, 'present']].map(
      ([n, u, status]) => `INSERT INTO attendance (session_id, registration_id, status, recorded_at) VALUES (${session(n)}, ${reg(u)}, '${status}', ${now});`,
    ),
    `INSERT INTO action_leads (registration_id, session_id, body, status, created_at, updated_at) VALUES (${reg(anne)}, ${session(1)}, 'Lancer un marché de producteurs', 'open', ${now}, ${now});`,
    `INSERT INTO action_leads (registration_id, session_id, body, status, created_at, updated_at) VALUES (${reg(bruno)}, ${session(2)}, 'Former les agents', 'done', ${now}, ${now});`,
    `INSERT INTO feedback (registration_id, satisfaction, usefulness, would_recommend, comment, submitted_at) VALUES (${reg(anne)}, 5, 4, 1, 'Des échanges <précieux> & concrets', ${now});`,
    `INSERT INTO feedback (registration_id, satisfaction, usefulness, would_recommend, comment, submitted_at) VALUES (${reg(bruno)}, 4, 4, 0, '', ${now});`,
    'COMMIT;',
  ];
  runSql(db, lines.join('\n'));
  return { organiser, people, sessionStarts };
}

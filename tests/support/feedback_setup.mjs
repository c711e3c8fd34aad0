// Setup shared by the feedback suites (tests/http/feedback.test.mjs, tests/browser/feedback.test.mjs):
// a confirmed registration made through the API, and a cycle whose sessions are moved into the past.
import assert from 'node:assert/strict';
import { q, registrationBody, runSql } from './bulk.mjs';
import { checkApiResponse } from './openapi_check.mjs';

/** Register a bulk user (see createBulkUsers) to a cycle over the API; returns { id, status }. */
export async function registerViaApi(baseUrl, user, slug) {
  const res = await fetch(`${baseUrl}/api/v1/cycles/${slug}/registrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(registrationBody(user)),
  });
  const text = await res.text();
  checkApiResponse({ method: 'POST', path: res.url, status: res.status, contentType: res.headers.get('content-type'), body: text, headers: res.headers });
  const json = JSON.parse(text);
  assert.equal(res.status, 201, `registration of ${user.email} to ${slug}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * Move the cycle's sessions into the past, a week apart, the last one ended `endedDaysAgo` days ago;
 * the worker then sends the questionnaire e-mails.
 */
export function endCycle(db, slug, endedDaysAgo = 1) {
  const now = Math.floor(Date.now() / 1000);
  const lastEnd = now - endedDaysAgo * 86400;
  const statements = [1, 2, 3, 4].map((n) => {
    const ends = lastEnd - (4 - n) * 7 * 86400;
    return `UPDATE cycle_sessions SET starts_at = ${ends - 7200}, ends_at = ${ends} WHERE number = ${n} AND cycle_id = (SELECT id FROM cycles WHERE slug = ${q(slug)});`;
  });
  runSql(db, statements.join('\n'));
}

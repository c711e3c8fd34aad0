// Prints the Cookie header of a signed-in organiser of the running server, for
// bench/http.sh's signed-in pages: a bulk account (tests/support/bulk.mjs) with the
// organiser role and a facilitator role on the cycle given, then a real login.
// Usage: node bench/signed_in_cookie.mjs DB_URL BASE_URL CYCLE_ID
import { HttpClient } from '../tests/support/http_client.mjs';
import { login } from '../tests/support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, runSql } from '../tests/support/bulk.mjs';

const [db, base, cycleId] = process.argv.slice(2);
const [commune] = pickCommunes(db, 1, { offset: 100 });
const [organiser] = createBulkUsers(db, [{ collectiviteId: commune, fullName: 'Odile Bench', role: 'organiser' }],
  { tag: 'httpbench' });
runSql(db, `INSERT INTO user_roles (user_id, role, scope) VALUES (${organiser.id}, 'facilitator', '${Number(cycleId)}');`);
const client = new HttpClient(base);
await login(client, organiser.email, BULK_PASSWORD);
process.stdout.write(client.cookieHeader());

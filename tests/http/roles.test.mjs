// Roles and invitations (/admin/roles, /invitation/TOKEN) over HTTP, black-box, on SQLite
// and PostgreSQL: who gets in, CSRF, the confirmation step, French error messages, the
// audit journal, and an invitation link used once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HttpClient, formOf, makeTempDir, startPostgres, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
import { findLink } from '../support/mime.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`rôles et invitations — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let organiser;
    let admin;
    let people;
    const t = (fn) => withServerLog(() => server, fn);
    const loggedIn = async (user) => {
      const c = new HttpClient(base);
      await login(c, user.email, BULK_PASSWORD);
      return c;
    };
    const roleCount = (email, role) =>
      Number(queryRows(db.url, `SELECT COUNT(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE u.email = ${q(email)} AND ur.role = ${q(role)}`)[0][0]);

    before(async () => {
      db = await startDb();
      sink = await startSmtpSink();
      server = await startServer({ db: db.url, smtpPort: sink.port });
      base = server.baseUrl;
      const communes = pickCommunes(db.url, 4, { offset: 2400 });
      [organiser, admin] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], role: 'organiser', fullName: 'Olga Organisatrice' },
        { collectiviteId: communes[1], role: 'admin', fullName: 'Adèle Admin' },
      ], { tag: 'roles' });
      people = createBulkUsers(db.url, [
        { collectiviteId: communes[2], fullName: 'Paul Participant' },
        { collectiviteId: communes[3], fullName: 'Fanny Future' },
      ], { tag: 'roles' });
    }, { timeout: SETUP_TIMEOUT });

    after(async () => {
      await server?.stop();
      await sink?.stop();
      await db?.stop();
    });

    it('only organisers get in; a post without its CSRF token is refused', { timeout: TEST_TIMEOUT }, t(async () => {
      const anonymous = await new HttpClient(base).get('/admin/roles');
      assert.equal(anonymous.status, 303);
      const participant = await loggedIn(people[0]);
      const refused = await participant.get('/admin/roles');
      assert.equal(refused.status, 403);
      const post = await participant.post('/admin/roles/donner', { email: people[0].email, role: 'organiser', confirme: 'oui' });
      assert.equal(post.status, 403);
      assert.equal(roleCount(people[0].email, 'organiser'), 0);

      const o = await loggedIn(organiser);
      const page = await o.get('/admin/roles');
      assert.equal(page.status, 200);
      assert.match(page.pageText, /Rôles et invitations/);
      assert.match(page.pageText, /Olga Organisatrice/);
      const { fields } = formOf(page, '/admin/roles/donner');
      const noCsrf = await o.post('/admin/roles/donner', { ...fields, csrf_token: 'faux', email: people[0].email, role: 'organiser', confirme: 'oui' });
      assert.equal(noCsrf.status, 403);
      assert.equal(roleCount(people[0].email, 'organiser'), 0);
    }));

    it('grant goes through a confirmation and the journal; French messages for bad input', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const found = await o.get(`/admin/roles?q=${encodeURIComponent('Paul Part')}`);
      assert.match(found.pageText, new RegExp(people[0].email.replace(/\./g, '\\.')));

      const { form } = await o.form('/admin/roles', '/admin/roles/donner');
      const empty = await o.submit(form, { email: '', role: 'organiser' });
      assert.equal(empty.status, 422);
      assert.match(empty.pageText, /Indiquez l’adresse électronique d’un compte/);
      const unknown = await o.submit(form, { email: 'personne@nulle-part.fr', role: 'organiser', confirme: 'oui' });
      assert.equal(unknown.status, 404);
      assert.match(unknown.pageText, /Aucun compte avec l’adresse personne@nulle-part\.fr/);
      const notAdmin = await o.submit(form, { email: people[0].email, role: 'admin', confirme: 'oui' });
      assert.equal(notAdmin.status, 403);
      assert.match(notAdmin.pageText, /Vous ne pouvez pas donner le rôle « Administration »/);

      const ask = await o.submit(form, { email: people[0].email, role: 'organiser' });
      assert.equal(ask.status, 200);
      assert.match(ask.pageText, /Donner le rôle « Équipe d’organisation » au compte/);
      assert.equal(roleCount(people[0].email, 'organiser'), 0, 'nothing before the confirmation');
      const done = await o.submit(formOf(ask, '/admin/roles/donner'));
      assert.equal(done.status, 303);
      assert.equal(roleCount(people[0].email, 'organiser'), 1);
      const journal = await o.get('/admin/journal');
      assert.match(journal.pageText, /Rôle donné : Équipe d’organisation à Paul Participant/);

      // Revoke, confirmed, from the list.
      const list = await o.get('/admin/roles');
      const revoke = formOf(list, (f) => f.action === '/admin/roles/retirer' && f.fields.name === 'Paul Participant');
      const confirm = await o.submit(revoke);
      assert.match(confirm.pageText, /Retirer le rôle « Équipe d’organisation » à Paul Participant/);
      assert.equal((await o.submit(formOf(confirm, '/admin/roles/retirer'))).status, 303);
      assert.equal(roleCount(people[0].email, 'organiser'), 0);
      assert.match((await o.get('/admin/journal')).pageText, /Rôle retiré : Équipe d’organisation à Paul Participant/);
    }));

    it('an admin cannot revoke their own last admin role', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = await loggedIn(admin);
      const uid = queryRows(db.url, `SELECT id FROM users WHERE email = ${q(admin.email)}`)[0][0];
      const { fields } = formOf(await a.get('/admin/roles'), '/admin/roles/donner');
      const refused = await a.post('/admin/roles/retirer', { csrf_token: fields.csrf_token, user_id: uid, role: 'admin', scope: '', confirme: 'oui' });
      assert.equal(refused.status, 403);
      assert.match(refused.pageText, /seule personne administratrice/);
      assert.equal(roleCount(admin.email, 'admin'), 1);
    }));

    it('invites a facilitator by e-mail: a link used once creates the account with the role', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const { form } = await o.form('/admin/roles', '/admin/roles/inviter');
      const cycleId = queryRows(db.url, `SELECT id FROM cycles WHERE slug = 'forets-cooperer'`)[0][0];
      const noCycle = await o.submit(form, { invite_email: 'nouvelle@exemple.fr', invite_role: 'facilitator', invite_cycle_id: '' });
      assert.equal(noCycle.status, 422);
      assert.match(noCycle.pageText, /Choisissez le cycle que cette personne animera/);
      const badMail = await o.submit(form, { invite_email: 'pas-une-adresse', invite_role: 'facilitator', invite_cycle_id: String(cycleId) });
      assert.equal(badMail.status, 422);
      assert.match(badMail.pageText, /Indiquez une adresse électronique valide/);

      const existing = await o.submit(form, { invite_email: people[1].email, invite_role: 'facilitator', invite_cycle_id: String(cycleId) });
      assert.equal(existing.status, 303);
      assert.equal(existing.location.endsWith('?fait=accorde'), true);
      await sink.waitFor((m) => mailTo(people[1].email)(m) && /Vous animez le cycle/.test(m.subject));
      assert.equal(roleCount(people[1].email, 'facilitator'), 1);

      const sent = await o.submit(form, { invite_email: 'Nouvelle.Animatrice@Exemple.fr', invite_role: 'facilitator', invite_cycle_id: String(cycleId) });
      assert.equal(sent.status, 303);
      const mail = await sink.waitFor((m) => mailTo('nouvelle.animatrice@exemple.fr')(m) && /Invitation à animer/.test(m.subject));
      const link = findLink(mail.text, '/invitation/');
      assert.ok(link, mail.text);
      const linkPath = new URL(link).pathname;

      const visitor = new HttpClient(base);
      const { form: accept } = await visitor.form(linkPath, 'full_name');
      const weak = await visitor.submit(accept, { full_name: 'Nina Animatrice', password: 'court', password_confirm: 'court' });
      assert.equal(weak.status, 422);
      assert.match(weak.pageText, /au moins 12 caractères/);
      const ok = await visitor.submit(formOf(weak, 'full_name'), { full_name: 'Nina Animatrice', password: 'un mot de passe solide', password_confirm: 'un mot de passe solide' });
      assert.equal(ok.status, 303);
      assert.equal(roleCount('nouvelle.animatrice@exemple.fr', 'facilitator'), 1);
      const space = await visitor.get('/animation');
      assert.equal(space.status, 200);

      const again = await new HttpClient(base).get(linkPath);
      assert.equal(again.status, 410);
      assert.match(again.pageText, /déjà servi/);
      const bogus = await new HttpClient(base).get('/invitation/pas-un-jeton');
      assert.equal(bogus.status, 410);
      assert.match(bogus.pageText, /n’est pas valable/);
      assert.match((await o.get('/admin/journal')).pageText, /Invitation acceptée/);
    }));

    it('an organiser registers someone on their behalf; the one-per-collectivité rule still holds', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const participant = await loggedIn(people[0]);
      assert.equal((await participant.get('/admin/cycles/forets-cooperer/inscrire')).status, 403);
      const { form } = await o.form('/admin/cycles/forets-cooperer/inscrire', 'situation');
      const situation = 'Dans notre commune, la gestion de la forêt communale oppose exploitants, chasseurs et randonneurs ; nous cherchons comment renouer le dialogue.';
      const fields = {
        email: people[0].email, collectivite: people[0].collectiviteId, mandate: 'elu', function_title: 'Maire',
        situation, engagement_presence: '1', engagement_situation: '1', engagement_camera: '1',
      };
      const unknown = await o.submit(form, { ...fields, email: 'personne@nulle-part.fr' });
      assert.equal(unknown.status, 404);
      assert.match(unknown.pageText, /Aucun compte avec l’adresse personne@nulle-part\.fr/);
      const done = await o.submit(form, fields);
      assert.equal(done.status, 303, done.pageText?.slice(0, 400));
      const page = await o.follow(done);
      assert.match(page.pageText, /L’équipe a inscrit Paul Participant à sa place/);
      assert.match(page.pageText, /Inscrit par l’équipe/);
      const marked = queryRows(db.url, `SELECT COUNT(*) FROM registrations r JOIN users u ON u.id = r.user_id WHERE u.email = ${q(people[0].email)} AND r.registered_by IS NOT NULL`);
      assert.equal(Number(marked[0][0]), 1);
      const again = await o.submit(form, { ...fields, email: people[1].email });
      assert.equal(again.status, 409);
      assert.match(again.pageText, /déjà inscrite à ce cycle/);
      assert.match((await o.get('/admin/journal')).pageText, /Inscription faite par l’équipe/);
    }));

    it('an organiser moves a registration to another cycle; bad choices get a French message', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const [[regId]] = queryRows(db.url, `SELECT r.id FROM registrations r JOIN users u ON u.id = r.user_id JOIN cycles c ON c.id = r.cycle_id WHERE u.email = ${q(people[0].email)} AND c.slug = 'forets-cooperer' AND r.status IN ('confirmed', 'waiting', 'applied')`);
      const participant = await loggedIn(people[0]);
      assert.equal((await participant.get(`/admin/cycles/forets-cooperer/inscriptions/${regId}/deplacer`)).status, 403);
      const { form } = await o.form(`/admin/cycles/forets-cooperer/inscriptions/${regId}/deplacer`, 'to');
      const none = await o.submit(form, { to: '' });
      assert.equal(none.status, 422);
      assert.match(none.pageText, /Choisissez le cycle où déplacer l’inscription/);
      const [[target]] = queryRows(db.url, `SELECT slug FROM cycles WHERE status = 'published' AND slug <> 'forets-cooperer' ORDER BY id LIMIT 1`);
      const moved = await o.submit(form, { to: target });
      assert.equal(moved.status, 303, moved.pageText?.slice(0, 400));
      assert.match((await o.follow(moved)).pageText, /est déplacée dans ce cycle/);
      const [[old]] = queryRows(db.url, `SELECT status FROM registrations WHERE id = ${regId}`);
      assert.equal(old, 'cancelled');
      await sink.waitFor((m) => mailTo(people[0].email)(m) && /Votre inscription est déplacée/.test(m.subject));
    }));
  });
}

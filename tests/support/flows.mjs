// Account flows over HTTP, shared by the test suites (see harness.mjs).
import assert from 'node:assert/strict';
import { HttpClient, findLink, formOf, uniqueEmail } from './harness.mjs';

export const PELUSSIN = { id: 'commune:42168', q: 'Pélussin', name: 'Pélussin' };
export const PILAT_RHODANIEN = { id: 'epci:244200895', q: 'CC du Pilat Rhodanien' };

/** Is msg addressed to email (envelope recipient or To: header)? */
export const mailTo = (email) => (m) =>
  m.rcpt.toLowerCase().includes(email.toLowerCase()) || m.to.toLowerCase().includes(email.toLowerCase());

/** Form fields for a valid sign-up; override any. */
export function signupFields(overrides = {}) {
  return {
    full_name: 'Camille Dupré',
    email: uniqueEmail('inscription'),
    password: 'Un mot de passe solide 42',
    password_confirm: 'Un mot de passe solide 42',
    collectivite: PELUSSIN.id,
    collectivite_q: PELUSSIN.q,
    mandate: 'elu',
    function_title: 'Adjointe au maire',
    ...overrides,
  };
}

/** GET the sign-up page and POST it with fields (csrf_token from the form). */
export async function postSignup(client, fields) {
  const { form } = await client.form('/compte/inscription', 'full_name');
  assert.ok(form.csrf_token, 'the sign-up form has a csrf_token hidden input');
  const overrides = { ...fields };
  if (!('password_confirm' in overrides) && 'password' in overrides) overrides.password_confirm = overrides.password;
  return { res: await client.submit(form, overrides), form };
}

/** Wait for the confirmation e-mail sent to email; returns { mail, link }. */
export async function confirmationMail(sink, email, timeoutMs = 15_000) {
  const mail = await sink.waitFor((m) => mailTo(email)(m) && /Confirmez/i.test(m.subject), timeoutMs);
  const link = findLink(mail.text, '/compte/confirmer');
  assert.ok(link, `the confirmation e-mail has a /compte/confirmer link; text:\n${mail.text}`);
  return { mail, link };
}

/** Sign up and confirm a new account; returns its credentials. */
export async function createConfirmedUser(baseUrl, sink, overrides = {}) {
  const client = new HttpClient(baseUrl);
  const fields = signupFields(overrides);
  const { res } = await postSignup(client, fields);
  assert.equal(res.status, 303, `sign-up of ${fields.email}: expected 303, got ${res.status}\n${res.pageText.slice(0, 600)}`);
  const { link } = await confirmationMail(sink, fields.email);
  const conf = await client.get(link);
  assert.equal(conf.status, 303, `GET confirmation link: expected 303, got ${conf.status}`);
  return { email: fields.email, password: fields.password, name: fields.full_name, fields };
}

/** GET the login page, POST email + password; returns the POST response and the form. */
export async function postLogin(client, email, password, extra = {}) {
  const { form } = await client.form('/compte/connexion', 'password');
  assert.ok(form.csrf_token, 'the login form has a csrf_token hidden input');
  return { res: await client.submit(form, { email, password, ...extra }), form };
}

/** Log in and assert success (303 to /espace). */
export async function login(client, email, password) {
  const { res } = await postLogin(client, email, password);
  assert.equal(res.status, 303, `login of ${email}: expected 303, got ${res.status}\n${res.pageText.slice(0, 600)}`);
  assert.equal(res.locationPath, '/espace');
  return res;
}

/** Value of the named control in the page's form that has it. */
export function fieldValue(res, name) {
  const form = formOf(res, name);
  const input = form.inputs.find((i) => i.name === name);
  return input?.value;
}

// HTTP client with a cookie jar, over fetch (redirect: 'manual'), and the form
// helpers that go with it. rawRequest (raw_request.mjs) is for what fetch cannot send.

import assert from 'node:assert/strict';
import { getForm, htmlToText } from './html.mjs';
import { checkApiResponse } from './openapi_check.mjs';

export class HttpClient {
  constructor(baseUrl, { timeoutMs = 20_000 } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.cookies = new Map(); // name -> { value, attrs }
    this.timeoutMs = timeoutMs;
  }

  url(p) {
    return /^https?:/.test(p) ? p : `${this.baseUrl}${p.startsWith('/') ? '' : '/'}${p}`;
  }

  cookie(name) {
    return this.cookies.get(name)?.value;
  }

  /** Raw Set-Cookie header lines seen for name (latest last). */
  setCookieLines(name) {
    return this.cookies.get(name)?.lines ?? [];
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v.value}`).join('; ');
  }

  storeCookies(res) {
    const lines = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
    for (const line of lines) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attrText = attrs.join(';').toLowerCase();
      const maxAge = /max-age\s*=\s*(-?\d+)/.exec(attrText);
      const expires = /expires\s*=\s*([^;]+)/.exec(attrText);
      const expired =
        (maxAge && Number(maxAge[1]) <= 0) ||
        (expires && !maxAge && Date.parse(expires[1]) < Date.now()) ||
        value === '';
      const prevLines = this.cookies.get(name)?.lines ?? [];
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, lines: [...prevLines, line] });
    }
  }

  async request(method, p, { body, headers = {}, timeoutMs } = {}) {
    const h = { ...headers };
    if (this.cookies.size && !('cookie' in h) && !('Cookie' in h)) h.cookie = this.cookieHeader();
    const url = this.url(p);
    const res = await fetch(url, {
      method,
      body,
      headers: h,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs ?? this.timeoutMs),
    });
    this.storeCookies(res);
    const buf = Buffer.from(await res.arrayBuffer());
    // Every /api/v1 answer must match docs/openapi.json (throws OpenApiMismatch).
    checkApiResponse({ method, path: url, status: res.status, contentType: res.headers.get('content-type'), body: buf, headers: res.headers });
    return wrapResponse(url, res.status, res.headers, buf, this.baseUrl);
  }

  get(p, opts) {
    return this.request('GET', p, opts);
  }

  /** POST fields (object, array of pairs or URLSearchParams) as application/x-www-form-urlencoded. */
  post(p, fields, { headers = {}, ...opts } = {}) {
    const body = typeof fields === 'string' || Buffer.isBuffer(fields) ? fields : encodeForm(fields);
    return this.request('POST', p, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      ...opts,
    });
  }

  /** Follow redirects of res with GETs (max 10). */
  async follow(res) {
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400 && res.location; i++) {
      res = await this.get(res.location);
    }
    return res;
  }

  /** GET a page and return its form matching `match` (see getForm), with the response. */
  async form(p, match) {
    const res = await this.get(p);
    assert.equal(res.status, 200, `GET ${p}: expected 200, got ${res.status}`);
    return { res, form: formOf(res, match) };
  }

  /** POST a form fetched from a page, overriding some fields (undefined removes one). */
  submit(form, overrides = {}) {
    const fields = { ...form.fields, ...overrides };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete fields[k];
    return this.post(form.actionUrl ?? (form.action || '/'), fields);
  }
}

/** getForm on a response, with actionUrl resolved against the page URL. */
export function formOf(res, match) {
  const form = getForm(res.text, match);
  form.actionUrl = new URL(form.action || res.url, res.url).href;
  return form;
}

export function encodeForm(fields) {
  if (fields instanceof URLSearchParams) return fields.toString();
  const params = new URLSearchParams();
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields ?? {});
  for (const [k, v] of pairs) {
    if (Array.isArray(v)) for (const x of v) params.append(k, x);
    else if (v !== undefined && v !== null) params.append(k, String(v));
  }
  return params.toString();
}

function wrapResponse(url, status, headers, buf, baseUrl) {
  const loc = headers.get('location');
  let location = null;
  let locationPath = null;
  if (loc) {
    const abs = new URL(loc, url);
    location = abs.href;
    locationPath = abs.origin === new URL(baseUrl).origin ? abs.pathname + abs.search : abs.href;
  }
  const text = buf.toString('utf8');
  return {
    url,
    status,
    headers,
    location, // absolute
    locationPath, // "/path?query" when same origin
    body: buf,
    text,
    contentType: headers.get('content-type') ?? '',
    json() {
      return JSON.parse(text);
    },
    /** Visible text with entities decoded, whitespace collapsed. */
    get pageText() {
      return htmlToText(text);
    },
  };
}

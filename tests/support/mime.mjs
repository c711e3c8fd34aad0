// Minimal MIME parser (RFC 5322 / 2045 / 2047): the e-mails the SMTP sink stores,
// and the links they carry.

import { htmlToText } from './html.mjs';

function decodeCharset(buf, charset = 'utf-8') {
  try {
    return new TextDecoder(charset.trim().toLowerCase() || 'utf-8').decode(buf);
  } catch {
    return buf.toString('utf8');
  }
}

function qpToBuffer(str, { header = false } = {}) {
  if (header) str = str.replace(/_/g, ' ');
  else str = str.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(str.slice(i + 1, i + 3))) {
      bytes.push(parseInt(str.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(str.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function decodeHeaderValue(value) {
  // raw 8-bit header bytes (SMTPUTF8) arrive as latin1 code units: re-decode as UTF-8
  if (/[\x80-\xff]/.test(value)) value = Buffer.from(value, 'latin1').toString('utf8');
  value = value.replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[bBqQ]\?)/g, '$1');
  return value.replace(/=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g, (_, charset, enc, text) => {
    const buf = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpToBuffer(text, { header: true });
    return decodeCharset(buf, charset);
  });
}

function splitHeadersBody(latin1) {
  const m = /\r?\n\r?\n/.exec(latin1);
  if (!m) return [latin1, ''];
  return [latin1.slice(0, m.index), latin1.slice(m.index + m[0].length)];
}

function parseHeaders(block) {
  const headers = {};
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    const val = line.slice(i + 1).trim();
    (headers[key] ??= []).push(val);
  }
  return headers;
}

function headerParams(value = '') {
  const [type, ...rest] = value.split(';');
  const params = {};
  for (const p of rest) {
    const m = /^\s*([^=\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/.exec(p);
    if (m) params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Walk a MIME entity; collects text/plain and text/html leaves. */
function parseEntity(latin1, acc) {
  const [head, body] = splitHeadersBody(latin1);
  const headers = parseHeaders(head);
  const ct = headerParams(headers['content-type']?.[0] ?? 'text/plain; charset=us-ascii');
  const cte = (headers['content-transfer-encoding']?.[0] ?? '7bit').trim().toLowerCase();
  if (ct.type.startsWith('multipart/') && ct.params.boundary) {
    const delim = `--${ct.params.boundary}`;
    const pieces = body.split(new RegExp(`\\r?\\n?${delim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // pieces[0] is the preamble; a piece starting with "--" is the closing delimiter
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      parseEntity(piece.replace(/^[ \t]*\r?\n/, ''), acc);
    }
    return headers;
  }
  let buf;
  if (cte === 'base64') buf = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (cte === 'quoted-printable') buf = qpToBuffer(body);
  else buf = Buffer.from(body, 'latin1');
  const text = decodeCharset(buf, ct.params.charset ?? 'utf-8');
  if (ct.type === 'text/plain' && acc.text === undefined) acc.text = text;
  else if (ct.type === 'text/html' && acc.html === undefined) acc.html = text;
  const disposition = headerParams(headers['content-disposition']?.[0] ?? '');
  acc.parts.push({ type: ct.type, text, bytes: buf, filename: disposition.params.filename ?? null });
  return headers;
}

/** Parse a raw RFC 5322 message into { to, from, subject, text, html, headers, rcpt }. */
export function parseEmail(raw) {
  const latin1 = Buffer.isBuffer(raw) ? raw.toString('latin1') : Buffer.from(raw, 'utf8').toString('latin1');
  const acc = { parts: [] };
  const headers = parseEntity(latin1, acc);
  const h = (k) => (headers[k]?.[0] !== undefined ? decodeHeaderValue(headers[k][0]) : '');
  const decodedHeaders = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, v.map(decodeHeaderValue)]),
  );
  return {
    to: h('to'),
    from: h('from'),
    subject: h('subject'),
    rcpt: h('x-rcptto'),
    text: acc.text ?? (acc.html ? htmlToText(acc.html) : ''),
    html: acc.html,
    parts: acc.parts,
    headers: decodedHeaders,
  };
}

/** First URL in text whose path starts with pathPrefix (e.g. "/compte/confirmer"). */
export function findLink(text, pathPrefix) {
  const re = /https?:\/\/[^\s"'<>)\]]+/g;
  for (const m of text.matchAll(re)) {
    const u = m[0].replace(/[.,;:!?]+$/, '');
    try {
      if (new URL(u).pathname.startsWith(pathPrefix)) return u;
    } catch {
      // not a URL
    }
  }
  return null;
}

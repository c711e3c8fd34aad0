// One raw HTTP/1.1 request over a plain socket, for what fetch cannot do
// (oversized or slow bodies, answers sent before the body is read).

import net from 'node:net';
import { sleep } from './processes.mjs';
import { checkApiResponse } from './openapi_check.mjs';


/**
 * Send one raw HTTP/1.1 request over a plain socket ("Connection: close") and
 * parse whatever answer arrives, even if the server answers before reading the
 * whole body and then resets the connection (e.g. 413). bodyDelayMs: wait
 * that long after the headers before sending the body (no body at all if the
 * server has answered meanwhile). Resolves
 * { status, headers, text }; rejects only when no status line was received.
 */
export function rawRequest(baseUrl, { method = 'POST', path: p = '/', headers = {}, body, timeoutMs = 20_000, bodyDelayMs = 0 }) {
  const u = new URL(p, baseUrl);
  const buf = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const h = { host: u.host, connection: 'close', ...headers };
  if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-length')) {
    h['content-length'] = buf.length;
  }
  const head = `${method} ${u.pathname}${u.search} HTTP/1.1\r\n${Object.entries(h)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const chunks = [];
    let writeError = null;
    let settled = false;
    const sock = net.connect({ host: u.hostname, port: Number(u.port) });
    const finish = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      const raw = Buffer.concat(chunks);
      const sep = raw.indexOf('\r\n\r\n');
      const headText = (sep >= 0 ? raw.subarray(0, sep) : raw).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(headText);
      if (!m) {
        const why = err?.message ?? writeError?.message ?? 'connection closed';
        reject(new Error(`no HTTP response to ${method} ${p} (${why}; ${raw.length} bytes received)`));
        return;
      }
      const resHeaders = {};
      for (const line of headText.split('\r\n').slice(1)) {
        const k = line.indexOf(':');
        if (k > 0) resHeaders[line.slice(0, k).trim().toLowerCase()] = line.slice(k + 1).trim();
      }
      let bodyBuf = sep >= 0 ? raw.subarray(sep + 4) : Buffer.alloc(0);
      if (resHeaders['content-length']) bodyBuf = bodyBuf.subarray(0, Number(resHeaders['content-length']));
      const text = bodyBuf.toString('utf8');
      try {
        // Every /api/v1 answer must match docs/openapi.json.
        checkApiResponse({ method, path: u.pathname, status: Number(m[1]), contentType: resHeaders['content-type'], body: text, headers: resHeaders });
      } catch (e) {
        reject(e);
        return;
      }
      resolve({ status: Number(m[1]), headers: resHeaders, text, writeError });
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    sock.on('data', (c) => {
      chunks.push(c);
      // a complete Content-Length answer: no need to wait for the close
      const raw = Buffer.concat(chunks);
      const sep = raw.indexOf('\r\n\r\n');
      if (sep >= 0) {
        const cl = /\r\ncontent-length:\s*(\d+)/i.exec(raw.subarray(0, sep).toString('latin1'));
        if (cl && raw.length >= sep + 4 + Number(cl[1])) finish();
      }
    });
    sock.on('end', () => finish());
    sock.on('close', () => finish());
    sock.on('error', (e) => {
      // EPIPE/ECONNRESET while we were still writing: keep the answer if any
      writeError = e;
      finish(e);
    });
    sock.on('connect', async () => {
      sock.write(head);
      // Like curl with a large body: give the server a moment to refuse on the
      // headers alone (Content-Length too big) before sending the body.
      if (bodyDelayMs && buf.length) {
        await sleep(bodyDelayMs);
        if (settled || chunks.length) return;
      }
      let off = 0;
      const pump = () => {
        while (off < buf.length && !sock.destroyed) {
          const chunk = buf.subarray(off, off + 64 * 1024);
          off += chunk.length;
          if (!sock.write(chunk)) {
            sock.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  });
}

// HTML helpers: entities, visible text, and the forms of a page with their fields.

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', eacute: 'é', egrave: 'è',
  ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î', iuml: 'ï', ocirc: 'ô',
  ucirc: 'û', ugrave: 'ù', uuml: 'ü', Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Agrave: 'À', Ccedil: 'Ç',
  oelig: 'œ', OElig: 'Œ', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”',
  hellip: '…', ndash: '–', mdash: '—', middot: '·', copy: '©', euro: '€', thinsp: '\u2009',
  nnbsp: '\u202f',
};

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try {
        return String.fromCodePoint(cp);
      } catch {
        return m;
      }
    }
    return NAMED_ENTITIES[e] ?? m;
  });
}

/** Visible text of an HTML document: no tags/scripts/styles, entities decoded, spaces collapsed. */
export function htmlToText(html) {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function parseAttrs(tagInner) {
  const attrs = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (const m of tagInner.matchAll(re)) {
    const name = m[1].toLowerCase();
    if (name in attrs) continue;
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** All <form> elements of a page with their successful controls. */
export function getForms(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form\s*>/gi)) {
    const attrs = parseAttrs(m[1]);
    const inner = m[2];
    const inputs = [];
    const pairs = [];
    const controlRe =
      /<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea\s*>|<select\b([^>]*)>([\s\S]*?)<\/select\s*>|<button\b([^>]*)>/gi;
    for (const c of inner.matchAll(controlRe)) {
      if (c[1] !== undefined) {
        const a = parseAttrs(c[1]);
        const type = (a.type ?? 'text').toLowerCase();
        const input = { tag: 'input', name: a.name, type, value: a.value ?? '', checked: 'checked' in a, attrs: a };
        inputs.push(input);
        if (!a.name || 'disabled' in a) continue;
        if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
        if ((type === 'checkbox' || type === 'radio') && !input.checked) continue;
        pairs.push([a.name, type === 'checkbox' || type === 'radio' ? a.value ?? 'on' : a.value ?? '']);
      } else if (c[2] !== undefined) {
        const a = parseAttrs(c[2]);
        const value = decodeEntities(c[3]).replace(/^\r?\n/, '');
        inputs.push({ tag: 'textarea', name: a.name, type: 'textarea', value, attrs: a });
        if (a.name && !('disabled' in a)) pairs.push([a.name, value]);
      } else if (c[4] !== undefined) {
        const a = parseAttrs(c[4]);
        const options = [...c[5].matchAll(/<option\b([^>]*)>([\s\S]*?)(?=<option\b|<\/select|<\/optgroup|$)/gi)].map(
          (o) => {
            const oa = parseAttrs(o[1]);
            const label = htmlToText(o[2]);
            return { value: oa.value ?? label, label, selected: 'selected' in oa };
          },
        );
        const sel = options.find((o) => o.selected) ?? options[0];
        inputs.push({ tag: 'select', name: a.name, type: 'select', value: sel?.value ?? '', options, attrs: a });
        if (a.name && sel && !('disabled' in a)) pairs.push([a.name, sel.value]);
      } else if (c[6] !== undefined) {
        const a = parseAttrs(c[6]);
        inputs.push({ tag: 'button', name: a.name, type: (a.type ?? 'submit').toLowerCase(), value: a.value ?? '', attrs: a });
      }
    }
    const fields = {};
    for (const [k, v] of pairs) fields[k] = v;
    forms.push({
      action: attrs.action ?? '',
      method: (attrs.method ?? 'get').toLowerCase(),
      attrs,
      inputs,
      pairs,
      fields,
      csrf_token: fields.csrf_token,
      html: m[0],
    });
  }
  return forms;
}

/**
 * The form of a page matching `match`: a string (the action contains it, or it
 * names a field the form has), a RegExp on the action, a predicate, or nothing
 * (the first POST form). Throws with the list of forms when none matches.
 */
export function getForm(html, match) {
  const forms = getForms(html);
  let pred;
  if (match === undefined) pred = (f) => f.method === 'post';
  else if (typeof match === 'function') pred = match;
  else if (match instanceof RegExp) pred = (f) => match.test(f.action);
  else pred = (f) => f.action.split('?')[0].endsWith(match) || f.inputs.some((i) => i.name === match);
  const f = forms.find(pred);
  if (!f) {
    const list = forms.map((x) => `  <form method=${x.method} action=${x.action}> fields: ${Object.keys(x.fields).join(',')}`);
    throw new Error(`no form matching ${match} on the page; forms:\n${list.join('\n') || '  (none)'}`);
  }
  return f;
}

// Live session pages (participant page and facilitator runner), progressive
// enhancement: the server renders the full state at load and the page works
// without JavaScript ("Actualiser" link, plain forms). With it, the page follows the
// session through server-sent events (EventSource), falls back to long polling of
// the JSON state, counts the phase's time down every second, and sends the forms
// with fetch. Markup contract (templates/live/*.mustache):
//   data-live-root                 the container, with data-stream-url, data-state-url
//   data-live-text="a.b"           textContent from the state
//   data-live-show / -hide="a.b"   hidden unless / when the value is truthy
//   data-live-href="a.b"           href
//   data-live-current="a"          aria-current="step" when truthy
//   data-live-class="a"            data-status attribute (styled in app.css)
//   data-live-list="a.b"           list rebuilt from its <template>, items data-live-item
//   data-live-timer                the countdown; data-live-announce the polite live region
//   data-live-form                 sent with fetch; data-live-error shows its error
//   data-live-confirm="question"   on a submit button: asked first, then sent with confirm=oui
(function () {
  'use strict';

  var root = document.querySelector('[data-live-root]');
  if (!root || !window.fetch) return;

  var state = null;
  var receivedAt = 0;
  var lastAnnounced = null;
  var listCache = new WeakMap();

  function get(data, path) {
    var parts = path.split('.');
    var value = data;
    for (var i = 0; i < parts.length; i++) {
      if (value === null || value === undefined) return null;
      value = value[parts[i]];
    }
    return value === undefined ? null : value;
  }

  function truthy(value) {
    if (Array.isArray(value)) return value.length > 0;
    return !!value;
  }

  // Elements bound to this scope: not those inside a nested list item.
  function owned(scope, selector) {
    var out = [];
    var all = scope.querySelectorAll(selector);
    for (var i = 0; i < all.length; i++) {
      var owner = all[i].parentElement;
      while (owner && owner !== scope && !owner.hasAttribute('data-live-item')) owner = owner.parentElement;
      if (owner === scope) out.push(all[i]);
    }
    if (scope.matches && scope.matches(selector)) out.unshift(scope);
    return out;
  }

  function bind(scope, data) {
    owned(scope, '[data-live-text]').forEach(function (el) {
      var value = get(data, el.getAttribute('data-live-text'));
      var text = value === null || value === false ? '' : String(value);
      if (el.textContent !== text) el.textContent = text;
    });
    owned(scope, '[data-live-show]').forEach(function (el) {
      el.hidden = !truthy(get(data, el.getAttribute('data-live-show')));
    });
    owned(scope, '[data-live-hide]').forEach(function (el) {
      el.hidden = truthy(get(data, el.getAttribute('data-live-hide')));
    });
    owned(scope, '[data-live-href]').forEach(function (el) {
      var href = get(data, el.getAttribute('data-live-href'));
      if (href) el.setAttribute('href', href);
    });
    owned(scope, '[data-live-current]').forEach(function (el) {
      if (truthy(get(data, el.getAttribute('data-live-current')))) el.setAttribute('aria-current', 'step');
      else el.removeAttribute('aria-current');
    });
    owned(scope, '[data-live-class]').forEach(function (el) {
      el.setAttribute('data-status', String(get(data, el.getAttribute('data-live-class')) || ''));
    });
    owned(scope, '[data-live-list]').forEach(function (list) {
      var items = get(data, list.getAttribute('data-live-list')) || [];
      var key = JSON.stringify(items);
      if (listCache.get(list) === key) return;  // unchanged: keep the DOM (and focus) as is
      listCache.set(list, key);
      var template = null;
      for (var c = 0; c < list.children.length; c++)
        if (list.children[c].tagName === 'TEMPLATE') template = list.children[c];
      if (!template) return;
      Array.prototype.slice.call(list.children).forEach(function (child) {
        if (child.hasAttribute('data-live-item')) list.removeChild(child);
      });
      items.forEach(function (item) {
        var node = template.content.firstElementChild.cloneNode(true);
        list.appendChild(node);
        bind(node, item);
      });
    });
  }

  function tick() {
    if (!state) return;
    var timer = root.querySelector('[data-live-timer]');
    if (!timer) return;
    var remaining = state.remaining_ms;
    if (state.is_running) remaining -= Date.now() - receivedAt;
    var over = remaining < 0;
    var seconds = over ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
    var text = (over ? '+' : '') + pad(Math.floor(seconds / 60)) + ':' + pad(seconds % 60);
    if (timer.textContent !== text) timer.textContent = text;
    timer.classList.toggle('ateliers-timer__value--over', over);
    var label = root.querySelector('[data-live-text="timer_label"]');
    if (label && state.is_running) label.textContent = over ? 'Temps dépassé de' : 'Temps restant';
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function apply(next) {
    if (!next || (state && next.version < state.version)) return;
    state = next;
    receivedAt = Date.now();
    bind(root, state);
    root.setAttribute('data-version', String(state.version));
    // Announced when the phase or the stage changes, not at every second or idea.
    var phaseKey = state.stage + ':' + (state.phase ? state.phase.number : '');
    if (lastAnnounced !== null && phaseKey !== lastAnnounced) {
      var region = root.querySelector('[data-live-announce]');
      if (region) region.textContent = state.announcement;
    }
    lastAnnounced = phaseKey;
    tick();
  }

  // --- receiving the state ---

  var streamUrl = root.getAttribute('data-stream-url');
  var stateUrl = root.getAttribute('data-state-url');
  var polling = false;

  function poll() {
    if (polling) return;
    polling = true;
    var loop = function () {
      // The first request answers at once; the next ones wait for a change (long poll).
      var url = state ? stateUrl + '?depuis=' + state.version : stateUrl;
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (r.status === 401 || r.status === 403 || r.status === 404) throw new Error('stop');
          if (!r.ok) throw new Error('retry');
          return r.json();
        })
        .then(function (data) {
          apply(data);
          setTimeout(loop, 50);
        })
        .catch(function (e) {
          if (e.message !== 'stop') setTimeout(loop, 2000);
        });
    };
    loop();
  }

  function listen() {
    if (!window.EventSource) return poll();
    var source = new EventSource(streamUrl);
    source.addEventListener('state', function (event) {
      try {
        apply(JSON.parse(event.data));
      } catch (e) {
        // a malformed event is skipped; the next one carries the whole state
      }
    });
    source.onerror = function () {
      // CLOSED: refused (503, 403…) rather than cut; EventSource will not retry.
      if (source.readyState === EventSource.CLOSED) poll();
    };
  }

  // --- sending forms ---

  function enhance(form) {
    var clicked = null;  // the button pressed, for browsers without event.submitter
    form.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('button');
      if (button) clicked = button;
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var submitter = event.submitter || clicked;
      // Irreversible for others (ending the session): the server wants confirm=oui.
      var question = submitter && submitter.getAttribute('data-live-confirm');
      if (question) {
        if (!window.confirm(question)) return;
        data.append('confirm', 'oui');
      }
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      var error = form.querySelector('[data-live-error]') || root.querySelector('[data-live-form-error]');
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (b) { b.disabled = true; });
      // getAttribute: form.action would be the buttons named "action" (runner controls).
      fetch(form.getAttribute('action'), {
        method: 'POST',
        body: new URLSearchParams(data),
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      })
        .then(function (r) {
          if ((r.headers.get('Content-Type') || '').indexOf('application/json') !== 0)
            throw new Error('Action impossible : rechargez la page et réessayez.');
          return r.json().then(function (body) { return { ok: r.ok, body: body }; });
        })
        .then(function (res) {
          if (!res.ok) throw new Error(res.body.error || 'Action impossible.');
          if (error) error.hidden = true;
          var field = form.querySelector('textarea');
          if (field) field.value = '';
        })
        .catch(function (e) {
          if (!error) return;
          var target = error.querySelector('p') || error;
          target.textContent = e.message && e.message !== 'Failed to fetch' ? e.message
            : 'La connexion a échoué : réessayez.';
          error.hidden = false;
        })
        .finally(function () {
          buttons.forEach(function (b) { b.disabled = false; });
        });
    });
  }

  Array.prototype.forEach.call(root.querySelectorAll('[data-live-form]'), enhance);
  Array.prototype.forEach.call(root.querySelectorAll('[data-live-nojs]'), function (el) { el.hidden = true; });
  Array.prototype.forEach.call(root.querySelectorAll('[data-live-status]'), function (el) { el.hidden = false; });

  listen();
  setInterval(tick, 1000);
})();

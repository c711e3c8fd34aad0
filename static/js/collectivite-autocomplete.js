// Accessible autocomplete for the collectivité field (WAI-ARIA 1.2 combobox with
// listbox popup). Without JavaScript the typed text is sent and the server resolves it.
(function () {
  'use strict';

  function setup(root) {
    var input = root.querySelector('[role="combobox"]');
    var hidden = root.querySelector('[data-collectivite-value]');
    var listbox = root.querySelector('[role="listbox"]');
    var status = root.querySelector('[data-collectivite-status]');
    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = '';

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (el, i) { el.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(index) {
      var el = options[index];
      if (!el) return;
      hidden.value = el.getAttribute('data-id');
      input.value = el.textContent;
      status.textContent = 'Collectivité choisie : ' + el.textContent;
      close();
    }

    function render(results) {
      listbox.innerHTML = '';
      options = results.map(function (r, i) {
        var li = document.createElement('li');
        li.id = 'collectivite-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-id', r.id);
        li.textContent = r.label;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        listbox.appendChild(li);
        return li;
      });
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        status.textContent = options.length + (options.length > 1 ? ' collectivités trouvées' : ' collectivité trouvée') +
          ', utilisez les flèches haut et bas pour choisir.';
      } else {
        close();
        status.textContent = 'Aucune collectivité trouvée.';
      }
      active = -1;
    }

    function search() {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      if (q.length < 2) { render([]); status.textContent = ''; return; }
      fetch('/api/v1/collectivites?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (results) { if (input.value.trim() === q) render(results); })
        .catch(function () { /* the server-side search still works on submit */ });
    }

    input.addEventListener('input', function () {
      hidden.value = '';  // the text no longer matches a chosen collectivité
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (listbox.hidden && options.length) { listbox.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        if (options.length) highlight(Math.min(active + 1, options.length - 1));
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (options.length) highlight(Math.max(active - 1, 0));
      } else if (e.key === 'Enter') {
        if (!listbox.hidden && active >= 0) { e.preventDefault(); choose(active); }
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }

  document.querySelectorAll('[data-collectivite-autocomplete]').forEach(setup);
})();

// Welcome desk of an event (templates/events/checkin.mustache). Progressive enhancement:
// the page works with plain forms; with this script, check-ins are queued in localStorage
// and sent when the network allows (the server ignores a check-in it already has), names
// are filtered as they are typed, and where the browser has BarcodeDetector the camera
// reads the tickets' QR codes.
(function () {
  'use strict';
  var desk = document.querySelector('[data-desk]');
  if (!desk || !window.fetch || !window.localStorage) return;
  var key = 'ateliers-accueil-' + desk.getAttribute('data-desk');
  var state = document.getElementById('accueil-etat');
  var pending = document.getElementById('accueil-file');
  var sending = false;

  function queue() {
    try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(key, JSON.stringify(items)); showPending(items); }
  function showPending(items) {
    pending.hidden = items.length === 0;
    pending.textContent = items.length === 1 ? '1 pointage en attente d’envoi (hors ligne).'
      : items.length + ' pointages en attente d’envoi (hors ligne).';
  }
  function say(message, ok) {
    state.innerHTML = '';
    var box = document.createElement('div');
    box.className = 'fr-alert fr-alert--sm fr-mb-2w ' + (ok ? 'fr-alert--success' : 'fr-alert--error');
    var p = document.createElement('p');
    p.textContent = message;
    box.appendChild(p);
    state.appendChild(box);
  }
  function person(id) { return document.querySelector('[data-registration="' + id + '"]'); }
  function markDone(id, queued) {
    var li = person(id);
    if (!li) return;
    var done = li.querySelector('.ateliers-desk__done');
    if (done) done.hidden = false;
    if (queued) li.setAttribute('data-queued', ''); else li.removeAttribute('data-queued');
    var form = li.querySelector(':scope > form[data-checkin]');
    if (form) form.hidden = true;
  }

  function flush() {
    if (sending) return;
    var items = queue();
    if (items.length === 0) return;
    sending = true;
    var item = items[0];
    fetch(item.action, {
      method: 'POST', credentials: 'same-origin', body: item.body,
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') < 0) throw new Error('session');
      return response.json();
    }).then(function (answer) {
      save(queue().slice(1));
      say(answer.message, answer.ok);
      if (answer.ok && answer.registration_id) markDone(answer.registration_id, false);
      sending = false;
      flush();
    }).catch(function (error) {
      sending = false;
      if (error && error.message === 'session') say('Votre session a expiré : reconnectez-vous, les pointages restent en attente.', false);
      // Offline: the queue stays; the next "online" event or the timer sends it.
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-checkin')) return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form)).toString();
    var items = queue();
    items.push({ action: form.getAttribute('action'), body: body });
    save(items);
    var id = form.querySelector('input[name="inscription"]');
    if (id && !form.querySelector('input[name="atelier"]')) markDone(id.value, true);
    var ticket = form.querySelector('input[name="billet"]');
    if (ticket) ticket.value = '';
    if (!navigator.onLine) say('Hors ligne : le pointage sera envoyé au retour du réseau.', true);
    flush();
  });
  window.addEventListener('online', flush);
  setInterval(flush, 15000);
  showPending(queue());
  flush();

  // Filtering as one types, accents and case ignored (the server search still works without it).
  var search = document.getElementById('q');
  function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  if (search && String.prototype.normalize) {
    search.addEventListener('input', function () {
      var needle = fold(search.value.trim());
      document.querySelectorAll('.ateliers-desk__person').forEach(function (li) {
        li.hidden = needle !== '' && li.getAttribute('data-search').indexOf(needle) < 0;
      });
    });
  }

  // The camera, only where the browser can read QR codes itself.
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var camera = document.getElementById('camera');
  var start = document.getElementById('camera-start');
  var video = document.getElementById('camera-video');
  var ticketForm = document.querySelector('.ateliers-desk__ticket');
  camera.hidden = false;
  var last = '', lastAt = 0;
  start.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      start.hidden = true;
      video.play();
      setInterval(function () {
        detector.detect(video).then(function (codes) {
          if (codes.length === 0) return;
          var value = codes[0].rawValue, now = Date.now();
          if (value === last && now - lastAt < 4000) return;
          last = value; lastAt = now;
          ticketForm.querySelector('input[name="billet"]').value = value;
          ticketForm.requestSubmit();
        }).catch(function () {});
      }, 300);
    }).catch(function () {
      say('La caméra n’est pas accessible : saisissez le code ou cherchez la personne par son nom.', false);
    });
  });
})();

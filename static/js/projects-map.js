// The stakeholder map: drag an actor with the mouse, a finger or a pen; on release its
// place is sent to the server (the same form post as without JavaScript, with the page's
// CSRF token) and the map page is loaded again so the links are redrawn. Without this script the map
// is still complete and every actor is edited through the forms below it.
(function () {
  'use strict';
  var svg = document.querySelector('svg.ateliers-actor-map[data-move-url]');
  if (!svg || !window.fetch || !svg.getScreenCTM) return;
  var url = svg.getAttribute('data-move-url');
  var csrf = svg.getAttribute('data-csrf');
  var dragging = null;

  function point(event) {
    var m = svg.getScreenCTM().inverse();
    return { x: event.clientX * m.a + event.clientY * m.c + m.e, y: event.clientX * m.b + event.clientY * m.d + m.f };
  }
  function origin(node) {
    var t = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(node.getAttribute('transform') || '');
    return t ? { x: parseFloat(t[1]), y: parseFloat(t[2]) } : { x: 0, y: 0 };
  }

  Array.prototype.forEach.call(svg.querySelectorAll('.acteur[data-actor-id]'), function (node) {
    node.addEventListener('pointerdown', function (event) {
      var p = point(event);
      var o = origin(node);
      dragging = { node: node, dx: p.x - o.x, dy: p.y - o.y, moved: false, at: o };
      node.classList.add('is-dragging');
      node.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    node.addEventListener('pointermove', function (event) {
      if (!dragging || dragging.node !== node) return;
      var p = point(event);
      var x = Math.max(0, Math.round(p.x - dragging.dx));
      var y = Math.max(0, Math.round(p.y - dragging.dy));
      dragging.moved = dragging.moved || Math.abs(x - dragging.at.x) + Math.abs(y - dragging.at.y) > 3;
      dragging.at = { x: x, y: y };
      node.setAttribute('transform', 'translate(' + x + ' ' + y + ')');
    });
    node.addEventListener('pointerup', function () {
      if (!dragging || dragging.node !== node) return;
      var done = dragging;
      dragging = null;
      node.classList.remove('is-dragging');
      if (!done.moved) return;
      var body = new URLSearchParams();
      body.set('csrf_token', csrf);
      body.set('x', String(done.at.x));
      body.set('y', String(done.at.y));
      fetch(url.replace('{id}', node.getAttribute('data-actor-id')), {
        method: 'POST', body: body, credentials: 'same-origin', redirect: 'follow'
      }).then(function (response) {
        // The post answers with the map page it redirects to (its notice says the actor moved).
        if (response.ok && response.url) window.location.assign(response.url);
        else window.location.reload();
      }, function () { window.location.reload(); });
    });
  });
})();

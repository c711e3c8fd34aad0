// "Imprimer" buttons of the report pages: hidden without JavaScript, where a
// sentence tells how to print with the browser's own command instead.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-print-button]');
  if (!buttons.length || typeof window.print !== 'function') return;
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-print-fallback]'), function (p) { p.hidden = true; });
})();

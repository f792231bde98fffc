// Behaviour shared by GovFlow's pages. The Content-Security-Policy forbids inline scripts and inline event
// handlers, so pages mark elements with data attributes and this file wires them up.
(function () {
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-print]') : null;
    if (target) {
      event.preventDefault();
      window.print();
    }
  });
})();

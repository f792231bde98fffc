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
  // A filter box (data-filter-for="select id") hides the options not matching what is typed, without regard to
  // diacritics: options carry their folded text in data-search, the typed text is folded the same way.
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  document.addEventListener('input', function (event) {
    var box = event.target instanceof Element ? event.target.closest('[data-filter-for]') : null;
    var select = box ? document.getElementById(box.getAttribute('data-filter-for')) : null;
    if (!select) {
      return;
    }
    var words = fold(box.value).split(/\s+/).filter(function (w) { return w.length > 0; });
    Array.prototype.forEach.call(select.options, function (option) {
      var text = option.getAttribute('data-search') || fold(option.text);
      option.hidden = !option.selected && words.some(function (w) { return text.indexOf(w) < 0; });
    });
  });

  // The staff menu collapses behind a button on narrow screens (CSS decides when); without this script the menu
  // simply stays open. A refused form's error summary takes the focus, so it is read out first.
  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.nav-toggle');
    var nav = toggle ? document.getElementById(toggle.getAttribute('aria-controls')) : null;
    if (toggle && nav) {
      toggle.hidden = false;
      toggle.closest('.topbar').classList.add('nav-collapsible');
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
      document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
          toggle.setAttribute('aria-expanded', 'false');
          toggle.focus();
        }
      });
    }
    // A link in the error summary puts the focus in its field (a fragment link only scrolls); a group's id
    // (a fieldset) leads to its first control.
    document.addEventListener('click', function (event) {
      var link = event.target instanceof Element ? event.target.closest('[data-error-summary] a[href^="#"]') : null;
      var target = link ? document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1))) : null;
      if (!target) {
        return;
      }
      var control = target.matches('input, select, textarea, button, [tabindex]') ? target
          : target.querySelector('input:not([type=hidden]), select, textarea, button');
      if (control) {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: 'center' });
      }
    });
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
      summary.focus();
    }
  });
})();

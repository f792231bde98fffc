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
})();

// The citizen's question form (/portal/ask). The Content-Security-Policy forbids inline scripts, so the page marks
// its parts with data attributes: only the group of fields for the chosen asker type shows (the other is hidden
// and disabled, so it is neither read out, nor tabbed into, nor sent); without this script every group shows
// with a hint saying which to fill in.
(function () {
  function chosenType(form) {
    var checked = form.querySelector('input[name=askerType]:checked');
    return checked ? checked.value : 'INDIVIDUAL';
  }
  function sync(form) {
    var type = chosenType(form);
    Array.prototype.forEach.call(form.querySelectorAll('[data-asker-group]'), function (group) {
      var on = group.getAttribute('data-asker-group') === type;
      group.hidden = !on;
      group.disabled = !on;
    });
    Array.prototype.forEach.call(form.querySelectorAll('[data-asker-label]'), function (label) {
      label.hidden = label.getAttribute('data-asker-label') !== type;
    });
    Array.prototype.forEach.call(form.querySelectorAll('[data-required-for]'), function (input) {
      input.required = input.getAttribute('data-required-for') === type;
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-asker-form]');
    if (!form) {
      return;
    }
    Array.prototype.forEach.call(form.querySelectorAll('[data-no-script]'), function (hint) {
      hint.hidden = true;
    });
    sync(form);
    form.addEventListener('change', function (event) {
      if (event.target.name === 'askerType') {
        sync(form);
      }
    });
    // An error summary's link moves the focus into its field (not only the scroll position), as a sighted
    // keyboard user and a screen reader both expect.
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
      summary.addEventListener('click', function (event) {
        var link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
        var target = link ? document.getElementById(link.getAttribute('href').substring(1)) : null;
        if (target && typeof target.focus === 'function') {
          event.preventDefault();
          var label = target.closest('.field') || target;
          label.scrollIntoView();
          target.focus({preventScroll: true});
        }
      });
    }
  });
})();

// Shows or hides form fields by their form-js "hide" condition (clauses "key = literal" / "key != literal"
// joined by "or" / "and"), the same subset the server evaluates when it reads the form; adds and removes the
// rows of dynamic lists.
(function () {
  var form = document.getElementById('task-form');
  if (!form) { return; }
  function value(key) {
    var inputs = form.querySelectorAll('[name="' + key + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.type === 'radio') { if (el.checked) { return el.value; } continue; }
      if (el.type === 'checkbox') { return el.checked ? 'true' : 'false'; }
      return el.value === '' ? null : el.value;
    }
    return null;
  }
  function clauseHolds(clause) {
    var m = clause.trim().match(/^([A-Za-z0-9_]+)\s*(!=|=)\s*("([^"]*)"|true|false|null|-?\d+)$/);
    if (!m) { return null; }
    var literal = m[4] !== undefined ? m[4] : m[3];
    var equal = m[3] === 'null' ? value(m[1]) === null : value(m[1]) === literal;
    return m[2] === '=' ? equal : !equal;
  }
  function hidden(condition) {
    if (!condition) { return false; }
    var disjuncts = condition.split(/\s+or\s+/);
    for (var i = 0; i < disjuncts.length; i++) {
      var all = true;
      var clauses = disjuncts[i].split(/\s+and\s+/);
      for (var j = 0; j < clauses.length; j++) {
        var h = clauseHolds(clauses[j]);
        if (h === null) { return false; }
        all = all && h;
      }
      if (all) { return true; }
    }
    return false;
  }
  function update() {
    var fields = form.querySelectorAll('.field[data-hide]');
    for (var i = 0; i < fields.length; i++) {
      fields[i].style.display = hidden(fields[i].getAttribute('data-hide')) ? 'none' : '';
    }
  }
  form.addEventListener('change', update);
  update();

  // Dynamic lists (form-js "dynamiclist"): add a row from the list's <template>, remove a row, and renumber
  // the rows so cell names stay list[0].key, list[1].key, ... in the order shown.
  function renumber(list) {
    var key = list.getAttribute('data-list');
    var rows = list.querySelectorAll('.list-rows > .list-row');
    var namePrefix = new RegExp('^' + key + '\\[[^\\]]*\\]');
    var idPrefix = new RegExp('^f-' + key + '-[^-]*-');
    for (var i = 0; i < rows.length; i++) {
      var number = rows[i].querySelector('.list-row-number');
      if (number) { number.textContent = String(i + 1); }
      var named = rows[i].querySelectorAll('[name], [id], label[for]');
      for (var j = 0; j < named.length; j++) {
        var el = named[j];
        if (el.name) { el.name = el.name.replace(namePrefix, key + '[' + i + ']'); }
        if (el.id) { el.id = el.id.replace(idPrefix, 'f-' + key + '-' + i + '-'); }
        if (el.htmlFor) { el.htmlFor = el.htmlFor.replace(idPrefix, 'f-' + key + '-' + i + '-'); }
      }
    }
  }
  form.addEventListener('click', function (event) {
    var button = event.target;
    var list = button.closest ? button.closest('.dynamic-list') : null;
    if (!list) { return; }
    if (button.classList.contains('list-add')) {
      var template = list.querySelector('template.list-template');
      var rows = list.querySelector('.list-rows');
      rows.appendChild(document.importNode(template.content, true));
      renumber(list);
      var added = rows.lastElementChild.querySelector('input, textarea, select');
      if (added) { added.focus(); }
    } else if (button.classList.contains('list-remove')) {
      var row = button.closest('.list-row');
      if (row) { row.parentNode.removeChild(row); }
      renumber(list);
    }
  });
})();

// Shows or hides form fields by their form-js "hide" condition (clauses "key = literal" / "key != literal"
// joined by "or" / "and"), the same subset the server evaluates when it reads the form.
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
    var m = clause.trim().match(/^([A-Za-z0-9_]+)\s*(!=|=)\s*("([^"]*)"|true|false|-?\d+)$/);
    if (!m) { return null; }
    var literal = m[4] !== undefined ? m[4] : m[3];
    var equal = value(m[1]) === literal;
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
})();

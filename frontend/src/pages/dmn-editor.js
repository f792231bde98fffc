// The DMN editor (dmn-js with its properties panel) with the decision table's own tests under it: one row per case
// (its name, a value per input column, the expected value per output column), saved with PUT /tests and run against
// the table on the canvas; a failing case names the rule that matched and marks that rule's row in the table.
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import '../designer.css';

import DmnModeler from 'dmn-js/lib/Modeler';
import { DmnPropertiesPanelModule, DmnPropertiesProviderModule } from 'dmn-js-properties-panel';

import { get, post, put, query } from '../lib/api.js';
import { t, message } from '../lib/i18n.js';
import { $, el, status, data } from '../lib/dom.js';
import { wireToolbar } from '../lib/toolbar.js';

const { key } = data();
const agency = data().agency || '';
const modelPath = 'models/dmn/' + encodeURIComponent(key);
const testsPath = 'decisions/' + encodeURIComponent(key) + '/tests';

/** The cases being edited: {name, inputs: {var: value}, expected: {output: value}}. */
let cases = [];
/** The last run's results by row index (null when not run since the last change). */
let results = [];
/** Rule ids marked as matched by a failing case. */
let failedRules = new Set();

async function start() {
  const model = await get(modelPath + query({ agency }));
  const modeler = new DmnModeler({
    container: '#canvas',
    drd: { propertiesPanel: { parent: '#properties' },
      additionalModules: [DmnPropertiesPanelModule, DmnPropertiesProviderModule] }
  });
  window.govflowModeler = modeler;
  await modeler.importXML(model.content);
  await openTable(modeler);
  const tests = await get(testsPath + query({ agency })).catch(() => ({ cases: [] }));
  cases = (tests.cases || []).map(c => ({ name: c.name || '', inputs: Object.assign({}, c.inputs),
    expected: Object.assign({}, c.expected) }));
  renderTests(modeler);
  // The table's columns follow the decision: re-draw the cases when an input or output changes; dmn-js re-renders
  // its rows on every change, so the failing rules' marks are put back too.
  modeler.on('views.changed', () => {
    hookViewer(modeler);
    markRules(modeler);
  });
  hookViewer(modeler);
  wire(modeler, model);
  status(t('ready'));
  document.getElementById('main').dataset.ready = 'true';
}

/** Opens the decision table itself: a rule change is the common case. */
async function openTable(modeler) {
  const table = modeler.getViews().find(v => v.type === 'decisionTable' && v.element.id === key)
    || modeler.getViews().find(v => v.type === 'decisionTable');
  if (table) {
    await modeler.open(table);
  }
}

const hooked = new WeakSet();

function hookViewer(modeler) {
  const viewer = modeler.getActiveViewer();
  if (!viewer || hooked.has(viewer)) {
    return;
  }
  hooked.add(viewer);
  let columns = signature(modeler);
  viewer.on('elements.changed', () => setTimeout(() => {
    const now = signature(modeler);
    if (now !== columns) {
      columns = now;
      renderTests(modeler);
    }
    markRules(modeler);
  }));
}

async function xml(modeler) {
  return (await modeler.saveXML({ format: true })).xml;
}

/** The decision under test (its id is the key) as dmn-moddle sees it now. */
function decision(modeler) {
  const defs = modeler.getDefinitions();
  const all = (defs && defs.drgElement) || [];
  return all.find(d => d.id === key && d.$type === 'dmn:Decision') || all.find(d => d.$type === 'dmn:Decision');
}

const NUMBER_TYPES = ['integer', 'long', 'double', 'number'];

/**
 * The columns of the tests table: the decision's inputs (named by the variable their expression reads) and its
 * outputs, plus any names the saved cases use that the table no longer has (kept, not dropped silently).
 */
function columns(modeler) {
  const d = decision(modeler);
  const table = d && d.decisionLogic && d.decisionLogic.$type === 'dmn:DecisionTable' ? d.decisionLogic : null;
  const inputs = [];
  const outputs = [];
  ((table && table.input) || []).forEach(i => {
    const text = ((i.inputExpression && i.inputExpression.text) || '').trim();
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : (i.get('camunda:inputVariable') || text);
    if (name && !inputs.some(c => c.name === name)) {
      inputs.push({ name, label: i.label || name, type: (i.inputExpression && i.inputExpression.typeRef) || '' });
    }
  });
  ((table && table.output) || []).forEach(o => {
    const name = o.name || '';
    if (name && !outputs.some(c => c.name === name)) {
      outputs.push({ name, label: o.label || name, type: o.typeRef || '' });
    }
  });
  cases.forEach(c => {
    Object.keys(c.inputs || {}).filter(n => !inputs.some(x => x.name === n))
      .forEach(n => inputs.push({ name: n, label: n, type: '' }));
    Object.keys(c.expected || {}).filter(n => !outputs.some(x => x.name === n))
      .forEach(n => outputs.push({ name: n, label: n, type: '' }));
  });
  return { inputs, outputs, rules: (table && table.rule) || [] };
}

function signature(modeler) {
  const c = columns(modeler);
  return JSON.stringify([c.inputs, c.outputs]);
}

/** A typed value as the cell shows it; null (no value) is an empty cell. */
function show(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A cell's text as the column's type: numbers for numeric columns, true/false for booleans, else the text. */
function parse(text, type) {
  const s = text.trim();
  if (s === '') {
    return null;
  }
  if (NUMBER_TYPES.includes(type) && !Number.isNaN(Number(s))) {
    return Number(s);
  }
  if (type === 'boolean' && (s === 'true' || s === 'false')) {
    return s === 'true';
  }
  return text;
}

function cellInput(value, type, label, onChange) {
  if (type === 'boolean') {
    const select = el('select', { 'aria-label': label },
      el('option', { value: '' }, t('tests.noValue')), el('option', { value: 'true' }, 'true'),
      el('option', { value: 'false' }, 'false'));
    select.value = value === true ? 'true' : value === false ? 'false' : '';
    select.addEventListener('change', () => onChange(parse(select.value, type)));
    return select;
  }
  const input = el('input', { type: 'text', value: show(value), 'aria-label': label,
    inputmode: NUMBER_TYPES.includes(type) ? 'decimal' : undefined });
  input.addEventListener('input', () => onChange(parse(input.value, type)));
  return input;
}

function changed(modeler) {
  // What was run no longer describes what is on screen.
  results = [];
  failedRules = new Set();
  markRules(modeler);
  document.querySelectorAll('#tests-table tbody tr').forEach(tr => {
    tr.classList.remove('pass', 'fail');
    const cell = tr.querySelector('.test-result');
    if (cell) {
      cell.replaceChildren();
    }
  });
}

function renderTests(modeler) {
  const { inputs, outputs, rules } = columns(modeler);
  const head = $('#tests-table thead');
  const body = $('#tests-table tbody');
  head.replaceChildren(el('tr', {},
    el('th', { scope: 'col' }, t('tests.name')),
    inputs.map(c => el('th', { scope: 'col', class: 'test-input' }, c.label,
      c.label !== c.name ? el('span', { class: 'muted' }, ' (' + c.name + ')') : null)),
    outputs.map(c => el('th', { scope: 'col', class: 'test-output' }, t('tests.expectedCol', c.label))),
    el('th', { scope: 'col' }, t('tests.result')),
    el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('tests.actions')))));
  body.replaceChildren();
  cases.forEach((c, i) => {
    const n = i + 1;
    const row = el('tr', { 'data-case': String(i) },
      el('td', { 'data-label': t('tests.name') }, cellInput(c.name, 'string', t('tests.nameOf', n), v => {
        c.name = v || '';
        changed(modeler);
      })),
      inputs.map(col => el('td', { 'data-label': col.label }, cellInput(c.inputs[col.name], col.type,
        col.label + ' · ' + t('tests.case', n), v => {
          c.inputs[col.name] = v;
          changed(modeler);
        }))),
      outputs.map(col => el('td', { 'data-label': t('tests.expectedCol', col.label) },
        cellInput(c.expected[col.name], col.type, t('tests.expectedCol', col.label) + ' · ' + t('tests.case', n),
          v => {
            c.expected[col.name] = v;
            changed(modeler);
          }))),
      el('td', { class: 'test-result', 'data-label': t('tests.result') }),
      el('td', {}, el('button', { type: 'button', class: 'secondary test-remove', onclick: () => {
          cases.splice(i, 1);
          changed(modeler);
          renderTests(modeler);
        } }, t('tests.remove'), el('span', { class: 'visually-hidden' }, ' ' + t('tests.case', n)))));
    body.append(row);
    if (results[i]) {
      showResult(modeler, row, results[i], rules);
    }
  });
  if (!cases.length) {
    body.append(el('tr', {}, el('td', { colspan: String(inputs.length + outputs.length + 3) }, t('tests.none'))));
  }
}

/** The case's outcome in its row: pass, or the rule that matched (marked in the table) against what was expected. */
function showResult(modeler, row, r, rules) {
  row.classList.add(r.ok ? 'pass' : 'fail');
  const cell = row.querySelector('.test-result');
  const badge = el('span', { class: 'badge ' + (r.ok ? 'pass' : 'fail') }, r.ok ? t('tests.pass') : t('tests.fail'));
  if (r.ok) {
    cell.replaceChildren(badge);
    return;
  }
  const index = r.ruleId ? rules.findIndex(rule => rule.id === r.ruleId) : -1;
  const matched = r.ruleId ? t('tests.matchedRule', index + 1, r.ruleId) : t('tests.noRule');
  const diff = Object.keys(r.expected || {}).map(name => t('tests.diff', name, show(r.expected[name]) || '∅',
    show((r.actual || {})[name]) || '∅')).join('; ');
  cell.replaceChildren(badge, el('div', { class: 'test-why' }, matched),
    diff ? el('div', { class: 'test-why' }, diff) : el('div', { class: 'test-why' }, message(r)),
    r.ruleId && index >= 0 ? el('button', { type: 'button', class: 'link test-show-rule',
      onclick: () => showRule(modeler, r.ruleId) }, t('tests.showRule', index + 1)) : null);
}

/** Marks the rows of the rules a failing case matched (dmn-js renders each cell with data-row-id). */
function markRules(modeler) {
  const container = document.getElementById('canvas');
  container.querySelectorAll('tr.govflow-rule-failed').forEach(tr => tr.classList.remove('govflow-rule-failed'));
  failedRules.forEach(id => container.querySelectorAll('td[data-row-id="' + CSS.escape(id) + '"]')
    .forEach(td => td.closest('tr').classList.add('govflow-rule-failed')));
}

function showRule(modeler, ruleId) {
  const cell = document.querySelector('#canvas td[data-row-id="' + CSS.escape(ruleId) + '"]');
  if (cell) {
    cell.scrollIntoView({ block: 'center' });
    cell.closest('tr').classList.add('govflow-rule-failed');
  }
}

function currentCases() {
  return cases.map(c => ({ name: c.name, inputs: c.inputs, expected: c.expected }));
}

function wire(modeler, loaded) {
  $('#tests-add').addEventListener('click', () => {
    const { inputs, outputs } = columns(modeler);
    cases.push({ name: t('tests.newName', cases.length + 1),
      inputs: Object.fromEntries(inputs.map(c => [c.name, null])),
      expected: Object.fromEntries(outputs.map(c => [c.name, null])) });
    changed(modeler);
    renderTests(modeler);
    const inputsNow = document.querySelectorAll('#tests-table tbody tr:last-child input');
    if (inputsNow.length) {
      inputsNow[0].focus();
      inputsNow[0].select();
    }
  });
  $('#tests-run').addEventListener('click', async () => {
    try {
      const r = await post(testsPath + '/run',
        { content: await xml(modeler), cases: currentCases(), agency: agency || undefined });
      results = r.results || [];
      failedRules = new Set(results.filter(x => !x.ok && x.ruleId).map(x => x.ruleId));
      renderTests(modeler);
      markRules(modeler);
      if (r.errorVi || r.errorEn) {
        // The table itself could not be run (it does not parse, or a case names an unknown input).
        status(message({ messageVi: r.errorVi, messageEn: r.errorEn }), 'error');
      } else {
        const failed = results.filter(x => !x.ok).length;
        status(r.passed ? t('tests.allPassed') : t('tests.someFailed', failed, results.length),
          r.passed ? 'ok' : 'error');
      }
    } catch (e) {
      status(e.message, 'error');
    }
  });
  $('#tests-save').addEventListener('click', async () => {
    try {
      await put(testsPath + query({ agency }), { cases: currentCases() });
      status(t('tests.saved'), 'ok');
    } catch (e) {
      status(e.message, 'error');
    }
  });
  wireToolbar({ kind: 'dmn', key, agency, modelPath, model: loaded, content: () => xml(modeler),
    load: async content => {
      await modeler.importXML(content);
      await openTable(modeler);
      hookViewer(modeler);
      changed(modeler);
      renderTests(modeler);
    } });
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

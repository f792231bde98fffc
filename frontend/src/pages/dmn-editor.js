// The DMN editor (dmn-js with its properties panel) with the decision table's own tests beside it:
// the cases are edited as JSON rows, saved with PUT /tests and run against the table on the canvas.
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

async function start() {
  const model = await get(modelPath + query({ agency }));
  const modeler = new DmnModeler({
    container: '#canvas',
    drd: { propertiesPanel: { parent: '#properties' },
      additionalModules: [DmnPropertiesPanelModule, DmnPropertiesProviderModule] }
  });
  window.govflowModeler = modeler;
  await modeler.importXML(model.content);
  // Open the decision table itself: a rule change is the common case.
  const table = modeler.getViews().find(v => v.type === 'decisionTable');
  if (table) {
    await modeler.open(table);
  }
  const tests = await get('decisions/' + encodeURIComponent(key) + '/tests' + query({ agency }))
    .catch(() => ({ cases: [] }));
  $('#tests-json').value = JSON.stringify(tests.cases || [], null, 2);
  wire(modeler);
  status(t('ready'));
  document.getElementById('main').dataset.ready = 'true';
}

async function xml(modeler) {
  return (await modeler.saveXML({ format: true })).xml;
}

function cases() {
  try {
    const c = JSON.parse($('#tests-json').value || '[]');
    if (!Array.isArray(c)) {
      throw new Error();
    }
    return c;
  } catch (e) {
    throw new Error(t('tests.badJson'));
  }
}

function wire(modeler) {
  $('#tests-run').addEventListener('click', async () => {
    const out = $('#tests-results');
    out.replaceChildren();
    try {
      const r = await post('decisions/' + encodeURIComponent(key) + '/tests/run',
        { content: await xml(modeler), cases: cases(), agency: agency || undefined });
      if (r.errorVi || r.errorEn) {
        // The table itself could not be run (it does not parse, or a case names an unknown input).
        status(message({ messageVi: r.errorVi, messageEn: r.errorEn }), 'error');
      }
      (r.results || []).forEach(c => out.append(el('li', { class: c.ok ? 'pass' : 'fail' },
        el('span', { class: 'badge ' + (c.ok ? 'pass' : 'fail') }, c.ok ? t('tests.pass') : t('tests.fail')), ' ',
        el('strong', {}, c.name || ''),
        c.ok ? null : el('div', { class: 'muted' }, message(c) || (t('tests.expected') + ' ' + JSON.stringify(c.expected)
          + ' · ' + t('tests.actual') + ' ' + JSON.stringify(c.actual))))));
      if (!(r.errorVi || r.errorEn)) {
        status(r.passed ? t('tests.allPassed') : t('tests.someFailed'), r.passed ? 'ok' : 'error');
      }
    } catch (e) {
      status(e.message, 'error');
    }
  });
  $('#tests-save').addEventListener('click', async () => {
    try {
      await put('decisions/' + encodeURIComponent(key) + '/tests' + query({ agency }), { cases: cases() });
      status(t('tests.saved'), 'ok');
    } catch (e) {
      status(e.message, 'error');
    }
  });
  wireToolbar({ kind: 'dmn', key, agency, modelPath, content: () => xml(modeler) });
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

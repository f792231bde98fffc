// The BPMN editor: bpmn-js with the Camunda 7 properties panel, GovFlow's element templates and pickers,
// bpmnlint's recommended rules, and GovFlow's validate / draft / history / deploy calls.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import '../designer.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule }
  from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import lintConfig from '../../.generated/bpmnlint-config.js';

import { get, post, query, ApiError } from '../lib/api.js';
import { t, message } from '../lib/i18n.js';
import { $, el, status, dialog, data } from '../lib/dom.js';
import { showProblems } from '../lib/problems.js';
import GovFlowPanelModule, { setPickers } from '../lib/govflow-panel.js';

const { key } = data();
const agency = data().agency || '';
const modelPath = 'models/bpmn/' + encodeURIComponent(key);
let revision = null;
let savedXml = null;

async function start() {
  const [model, templates, pickers] = await Promise.all([
    get(modelPath + query({ agency })),
    get('element-templates').catch(() => []),
    get('pickers').catch(() => ({}))
  ]);
  setPickers(pickers);
  const modeler = new BpmnModeler({
    container: '#canvas',
    propertiesPanel: { parent: '#properties' },
    linting: { bpmnlint: lintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule,
      ElementTemplatesPropertiesProviderModule, ElementTemplateChooserModule, CamundaBehaviorsModule,
      LintModule, GovFlowPanelModule
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
  // Exposed for the browser tests, which create shapes through the modeler as the palette would.
  window.govflowModeler = modeler;
  modeler.on('elementTemplates.errors', e => {
    console.warn('element templates', e.errors);
  });
  modeler.get('elementTemplatesLoader').setTemplates((Array.isArray(templates) ? templates : []).map(camunda7));
  revision = model.revision;
  await modeler.importXML(model.content);
  savedXml = model.content;
  modeler.get('canvas').zoom('fit-viewport');
  describeSource(model);
  wire(modeler);
  status(t('ready'));
  document.getElementById('main').dataset.ready = 'true';
}

/**
 * Camunda 7's template schema wants entriesVisible as a boolean (the object form is Camunda 8's): keep its "_all";
 * the free-typed implementation entries are hidden by GovFlow's own panel provider anyway.
 */
function camunda7(template) {
  if (template && template.entriesVisible && typeof template.entriesVisible === 'object') {
    return Object.assign({}, template, { entriesVisible: template.entriesVisible._all !== false });
  }
  return template;
}

function describeSource(model) {
  const s = model.source === 'draft' ? t('source.draft', model.revision)
    : model.source === 'deployed' ? t('source.deployed') : t('source.file');
  $('#source').textContent = s;
}

async function xml(modeler) {
  return (await modeler.saveXML({ format: true })).xml;
}

function wire(modeler) {
  const list = $('#problems');

  $('#validate').addEventListener('click', async () => {
    status(t('validating'));
    try {
      const r = await post('validate', { kind: 'bpmn', key, content: await xml(modeler), agency: agency || undefined });
      showProblems(modeler, list, r.problems || []);
      status(r.ok ? t('valid') : t('invalid', (r.problems || []).filter(p => p.severity !== 'WARNING').length),
        r.ok ? 'ok' : 'error');
    } catch (e) {
      status(e.message, 'error');
    }
  });

  const saveDialog = dialog('save-dialog');
  $('#save').addEventListener('click', () => {
    $('#save-comment').value = '';
    saveDialog.open();
  });
  $('#save-cancel').addEventListener('click', () => saveDialog.close());
  $('#save-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    saveDialog.close();
    try {
      await saveDraft(modeler, $('#save-comment').value);
      status(t('saved', revision), 'ok');
    } catch (e) {
      status(e.message, 'error');
    }
  });

  $('#history').addEventListener('click', () => openHistory(modeler));
  $('#history-close').addEventListener('click', () => dialog('history-dialog').close());

  const deployDialog = dialog('deploy-dialog');
  $('#deploy').addEventListener('click', () => {
    $('#deploy-tag').value = '';
    $('#deploy-comment').value = '';
    deployDialog.open();
  });
  $('#deploy-cancel').addEventListener('click', () => deployDialog.close());
  $('#deploy-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    deployDialog.close();
    const comment = $('#deploy-comment').value;
    status(t('deploying'));
    try {
      // The deployment names a stored revision: what is on the canvas is saved first (with the same comment).
      if (revision === null || revision === undefined || (await xml(modeler)) !== savedXml) {
        await saveDraft(modeler, comment);
      }
      const r = await post(modelPath + '/deploy', { revision, versionTag: $('#deploy-tag').value, comment,
        agency: agency || undefined });
      showProblems(modeler, list, []);
      status(t('deployed', r.version, r.deploymentId), 'ok');
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) {
        showProblems(modeler, list, e.problems);
      }
      status(t('deployRefused', e.message), 'error');
    }
  });
}

async function saveDraft(modeler, comment) {
  const content = await xml(modeler);
  const r = await post(modelPath + '/drafts', { content, comment, agency: agency || undefined });
  revision = r.revision;
  savedXml = content;
  $('#source').textContent = t('source.draft', revision);
}

async function openHistory(modeler) {
  const d = dialog('history-dialog');
  const body = $('#history-list');
  body.replaceChildren(el('li', {}, t('loading')));
  d.open();
  try {
    const revisions = await get(modelPath + '/revisions' + query({ agency }));
    body.replaceChildren();
    if (!revisions.length) {
      body.append(el('li', {}, t('history.none')));
    }
    revisions.forEach(r => body.append(el('li', {},
      el('strong', {}, t('history.revision', r.revision)), ' · ', r.author || '', ' · ',
      r.at ? new Date(r.at).toLocaleString() : '', r.comment ? el('div', { class: 'muted' }, r.comment) : null,
      el('button', { type: 'button', class: 'secondary', onclick: async () => {
        const full = await get(modelPath + '/revisions/' + r.revision + query({ agency }));
        await modeler.importXML(full.content);
        revision = full.revision;
        savedXml = full.content;
        $('#source').textContent = t('source.draft', revision);
        d.close();
      } }, t('history.open')))));
  } catch (e) {
    body.replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

// The form editor (form-js 1.8.x: writes schemaVersion 16, the schema GovFlow's own task-form renderer reads).
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import '../designer.css';

import { FormEditor } from '@bpmn-io/form-js-editor';

import { get, post, query, ApiError } from '../lib/api.js';
import { t, message } from '../lib/i18n.js';
import { $, el, status, dialog, data } from '../lib/dom.js';

const { key } = data();
const agency = data().agency || '';
const modelPath = 'models/form/' + encodeURIComponent(key);

function content(editor) {
  return JSON.stringify(editor.saveSchema(), null, 2);
}

function listProblems(problems) {
  const list = $('#problems');
  list.replaceChildren();
  problems.forEach(p => list.append(el('li', { class: 'problem ' + (p.severity === 'WARNING' ? 'warning' : 'error') },
    el('strong', {}, p.elementId || t('problems.model')), ': ', message(p))));
}

async function start() {
  const model = await get(modelPath + query({ agency }));
  const editor = new FormEditor({ container: $('#canvas'), propertiesPanel: { parent: '#properties' } });
  window.govflowModeler = editor;
  await editor.importSchema(JSON.parse(model.content));
  let revision = model.revision;

  const saveDialog = dialog('save-dialog');
  $('#save').addEventListener('click', () => saveDialog.open());
  $('#save-cancel').addEventListener('click', () => saveDialog.close());
  $('#save-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    saveDialog.close();
    try {
      revision = (await post(modelPath + '/drafts', { content: content(editor), comment: $('#save-comment').value,
        agency: agency || undefined })).revision;
      status(t('saved', revision), 'ok');
    } catch (e) {
      status(e.message, 'error');
    }
  });
  $('#validate').addEventListener('click', async () => {
    try {
      const r = await post('validate', { kind: 'form', key, content: content(editor), agency: agency || undefined });
      listProblems(r.problems || []);
      status(r.ok ? t('valid') : t('invalid', (r.problems || []).length), r.ok ? 'ok' : 'error');
    } catch (e) {
      status(e.message, 'error');
    }
  });
  const deployDialog = dialog('deploy-dialog');
  $('#deploy').addEventListener('click', () => deployDialog.open());
  $('#deploy-cancel').addEventListener('click', () => deployDialog.close());
  $('#deploy-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    deployDialog.close();
    const comment = $('#deploy-comment').value;
    try {
      revision = (await post(modelPath + '/drafts', { content: content(editor), comment,
        agency: agency || undefined })).revision;
      const r = await post(modelPath + '/deploy', { revision, versionTag: $('#deploy-tag').value, comment,
        agency: agency || undefined });
      status(t('deployed', r.version, r.deploymentId), 'ok');
    } catch (e) {
      if (e instanceof ApiError) {
        listProblems(e.problems);
      }
      status(t('deployRefused', e.message), 'error');
    }
  });
  status(t('ready'));
  document.getElementById('designer').dataset.ready = 'true';
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

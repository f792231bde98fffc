// The form editor (form-js 1.8.x: writes schemaVersion 16, the schema GovFlow's own task-form renderer reads).
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import '../designer.css';

import { FormEditor } from '@bpmn-io/form-js-editor';

import { get, query } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { $, status, data } from '../lib/dom.js';
import { wireToolbar } from '../lib/toolbar.js';

const { key } = data();
const agency = data().agency || '';
const modelPath = 'models/form/' + encodeURIComponent(key);

function content(editor) {
  return JSON.stringify(editor.saveSchema(), null, 2);
}

async function start() {
  const model = await get(modelPath + query({ agency }));
  const editor = new FormEditor({ container: $('#canvas'), propertiesPanel: { parent: '#properties' } });
  window.govflowModeler = editor;
  await editor.importSchema(JSON.parse(model.content));

  wireToolbar({ kind: 'form', key, agency, modelPath, model, content: async () => content(editor),
    load: async text => {
      await editor.importSchema(JSON.parse(text));
    } });
  status(t('ready'));
  document.getElementById('main').dataset.ready = 'true';
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

// The BPMN editor: bpmn-js with the Camunda 7 properties panel, GovFlow's element templates and pickers,
// bpmnlint's recommended rules, and the designers' shared toolbar (validate, draft, history, deploy), its problems
// drawn on the diagram.
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

import { get, query } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { $, status, data } from '../lib/dom.js';
import { wireToolbar } from '../lib/toolbar.js';
import { showProblems } from '../lib/problems.js';
import GovFlowPanelModule, { setPickers } from '../lib/govflow-panel.js';
import TranslateModule from '../lib/translate.js';

const { key } = data();
const agency = data().agency || '';
const modelPath = 'models/bpmn/' + encodeURIComponent(key);

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
      LintModule, GovFlowPanelModule, TranslateModule
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
  // Exposed for the browser tests, which create shapes through the modeler as the palette would.
  window.govflowModeler = modeler;
  modeler.on('elementTemplates.errors', e => {
    console.warn('element templates', e.errors);
  });
  modeler.get('elementTemplatesLoader').setTemplates((Array.isArray(templates) ? templates : []).map(camunda7));
  await modeler.importXML(model.content);
  modeler.get('canvas').zoom('fit-viewport');
  wire(modeler, model);
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

async function xml(modeler) {
  return (await modeler.saveXML({ format: true })).xml;
}

function wire(modeler, model) {
  const list = $('#problems');
  wireToolbar({ kind: 'bpmn', key, agency, modelPath, model, content: () => xml(modeler),
    load: async content => {
      await modeler.importXML(content);
      modeler.get('canvas').zoom('fit-viewport');
    },
    // Problems are drawn on the diagram at their element as well as listed.
    showProblems: problems => showProblems(modeler, list, problems) });
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

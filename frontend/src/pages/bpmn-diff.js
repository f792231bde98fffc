// The draft beside the deployed version, with bpmn-js-differ's added / removed / changed / moved elements marked
// on both diagrams and listed.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '../designer.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { diff } from 'bpmn-js-differ';

import { get, query } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { $, el, status, data } from '../lib/dom.js';

const { key } = data();
const agency = data().agency || '';

function viewer(container) {
  return new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
}

function mark(v, id, cls) {
  const e = v.get('elementRegistry').get(id);
  if (e) {
    v.get('canvas').addMarker(e, cls);
  }
}

async function start() {
  const model = await get('models/bpmn/' + encodeURIComponent(key) + query({ agency }));
  const left = viewer('#deployed-canvas');
  const right = viewer('#draft-canvas');
  const list = $('#changes');
  if (!model.deployedContent) {
    $('#deployed-canvas').append(el('p', { class: 'muted' }, t('diff.noDeployed')));
    await right.importXML(model.content);
    right.get('canvas').zoom('fit-viewport');
    list.append(el('li', {}, t('diff.noDeployed')));
    document.getElementById('main').dataset.ready = 'true';
    return;
  }
  await left.importXML(model.deployedContent);
  await right.importXML(model.content);
  [left, right].forEach(v => v.get('canvas').zoom('fit-viewport'));
  const changes = diff(left.getDefinitions(), right.getDefinitions());
  const rows = [];
  Object.entries(changes._added).forEach(([id, m]) => {
    mark(right, id, 'diff-added');
    rows.push(['added', id, m.name]);
  });
  Object.entries(changes._removed).forEach(([id, m]) => {
    mark(left, id, 'diff-removed');
    rows.push(['removed', id, m.name]);
  });
  Object.entries(changes._changed).forEach(([id, c]) => {
    mark(left, id, 'diff-changed');
    mark(right, id, 'diff-changed');
    rows.push(['changed', id, c.model && c.model.name, Object.keys(c.attrs || {}).join(', ')]);
  });
  Object.entries(changes._layoutChanged).forEach(([id, m]) => {
    if (!changes._changed[id] && !changes._added[id]) {
      mark(right, id, 'diff-moved');
      rows.push(['moved', id, m.name]);
    }
  });
  list.replaceChildren();
  if (!rows.length) {
    list.append(el('li', {}, t('diff.same')));
  }
  rows.forEach(([kind, id, name, attrs]) => list.append(el('li', { class: 'diff-' + kind, 'data-element-id': id },
    el('span', { class: 'badge diff-' + kind }, t('diff.' + kind)), ' ', el('strong', {}, name || id),
    name ? ' (' + id + ')' : '', attrs ? el('span', { class: 'muted' }, ' — ' + attrs) : null)));
  status(t('diff.summary', Object.keys(changes._added).length, Object.keys(changes._removed).length,
    Object.keys(changes._changed).length));
  document.getElementById('main').dataset.ready = 'true';
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

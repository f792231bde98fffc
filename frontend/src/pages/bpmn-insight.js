// How a deployed process behaves: per-element counts and average durations as badges and a heatmap, one
// instance's path, and moving running instances to another version (preview first).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '../designer.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

import { get, post, query } from '../lib/api.js';
import { t, reasons } from '../lib/i18n.js';
import { $, el, status, data } from '../lib/dom.js';

const { key } = data();
const base = 'processes/' + encodeURIComponent(key);
let versions = [];
const viewer = new NavigatedViewer({ container: '#canvas' });
window.govflowViewer = viewer;

function duration(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  const h = ms / 3600000;
  return h >= 24 ? t('insight.days', (h / 24).toFixed(1)) : h >= 1 ? t('insight.hours', h.toFixed(1))
    : t('insight.minutes', Math.max(1, Math.round(ms / 60000)));
}

async function showDefinition(definitionId) {
  // The version chosen, as deployed (an older version may lack elements the newest has, or the reverse).
  const v = await get(base + '/versions/' + encodeURIComponent(definitionId));
  await viewer.importXML(v.content);
  viewer.get('canvas').zoom('fit-viewport');
  $('#canvas').dataset.definitionId = v.definitionId;
  $('#drawn').textContent = t('insight.drawn', v.version, v.versionTag || '');
  $('#stats').replaceChildren();
}

function clear() {
  const overlays = viewer.get('overlays');
  overlays.remove({ type: 'govflow-stat' });
  overlays.remove({ type: 'govflow-path' });
  viewer.get('elementRegistry').forEach(e => ['heat-1', 'heat-2', 'heat-3', 'on-path']
    .forEach(m => viewer.get('canvas').removeMarker(e, m)));
}

async function statistics() {
  const definitionId = $('#definition').value;
  clear();
  const stats = await get(base + '/statistics' + query({ definitionId, from: $('#from').value, to: $('#to').value }));
  const max = Math.max(1, ...stats.map(s => (s.finished || 0) + (s.running || 0)));
  const registry = viewer.get('elementRegistry');
  const list = $('#stats');
  list.replaceChildren();
  stats.forEach(s => {
    const e = registry.get(s.elementId);
    const total = (s.finished || 0) + (s.running || 0);
    if (e) {
      viewer.get('canvas').addMarker(e, 'heat-' + Math.max(1, Math.ceil(3 * total / max)));
      viewer.get('overlays').add(e, 'govflow-stat', { position: { bottom: 8, left: -8 },
        html: el('span', { class: 'stat-badge', 'data-element-id': s.elementId },
          t('insight.badge', s.finished || 0, s.running || 0)) });
    }
    list.append(el('li', { 'data-element-id': s.elementId }, el('strong', {}, (e && e.businessObject.name) || s.elementId),
      ': ', s.avgDurationMs === null || s.avgDurationMs === undefined
        ? t('insight.rowNoAverage', s.finished || 0, s.running || 0)
        : t('insight.row', s.finished || 0, s.running || 0, duration(s.avgDurationMs))));
  });
  if (!stats.length) {
    list.append(el('li', {}, t('insight.noStats')));
  }
}

async function path() {
  const id = $('#instance').value.trim();
  if (!id) {
    return;
  }
  clear();
  const p = await get('instances/' + encodeURIComponent(id) + '/path');
  if (p.definitionId && p.definitionId !== $('#definition').value) {
    $('#definition').value = p.definitionId;
    await showDefinition(p.definitionId);
  }
  const registry = viewer.get('elementRegistry');
  p.elements.forEach((s, i) => {
    const e = registry.get(s.elementId);
    if (e) {
      viewer.get('canvas').addMarker(e, 'on-path');
      viewer.get('overlays').add(e, 'govflow-path', { position: { top: -12, left: -12 },
        html: el('span', { class: 'path-step' + (s.endedAt ? '' : ' running') }, String(i + 1)) });
    }
  });
  status(t('insight.pathShown', p.elements.length), 'ok');
}

function versionLabel(v) {
  return t('insight.version', v.version, v.versionTag || '', v.tenantId || t('list.province'), v.running || 0);
}

async function preview() {
  const out = $('#migration-list');
  out.replaceChildren();
  const r = await post(base + '/migration/preview', { from: $('#migrate-from').value, to: $('#migrate-to').value });
  r.instances.forEach(i => out.append(el('li', { class: i.movable ? 'movable' : 'not-movable' },
    el('label', {}, el('input', { type: 'checkbox', name: 'instance', value: i.instanceId, checked: i.movable,
      disabled: !i.movable }), ' ', el('strong', {}, i.title || i.businessKey || i.instanceId),
    ' ', el('span', { class: 'badge ' + (i.movable ? 'pass' : 'fail') },
      i.movable ? t('migration.movable') : t('migration.notMovable'))),
    i.movable ? null : el('ul', { class: 'reasons' }, reasons(i).map(x => el('li', {}, x))))));
  if (!r.instances.length) {
    out.append(el('li', {}, t('migration.none')));
  }
  $('#migrate').disabled = !r.instances.some(i => i.movable);
}

async function migrate() {
  const ids = [...document.querySelectorAll('#migration-list input[name=instance]:checked')].map(i => i.value);
  const r = await post(base + '/migration', { from: $('#migrate-from').value, to: $('#migrate-to').value,
    instanceIds: ids });
  status(t('migration.done', r.moved.length, r.notMoved.length), r.notMoved.length ? 'error' : 'ok');
  const out = $('#migration-list');
  out.replaceChildren();
  r.notMoved.forEach(n => out.append(el('li', { class: 'not-movable' }, el('strong', {}, n.instanceId), ': ',
    reasons(n).join('; '))));
}

function guard(f) {
  return () => f().catch(e => status(e.message, 'error'));
}

async function start() {
  versions = await get(base + '/versions');
  const defs = $('#definition');
  versions.forEach(v => {
    defs.append(el('option', { value: v.definitionId }, versionLabel(v)));
    $('#migrate-from').append(el('option', { value: v.definitionId }, versionLabel(v)));
    $('#migrate-to').append(el('option', { value: v.definitionId }, versionLabel(v)));
  });
  if (versions.length) {
    // newest first as a target, the one with running instances as a source
    $('#migrate-to').value = versions.reduce((a, b) => (b.version > a.version ? b : a)).definitionId;
    await showDefinition(defs.value);
  } else {
    status(t('insight.notDeployed'), 'error');
  }
  defs.addEventListener('change', guard(() => showDefinition(defs.value)));
  $('#stats-form').addEventListener('submit', ev => {
    ev.preventDefault();
    guard(statistics)();
  });
  $('#path-form').addEventListener('submit', ev => {
    ev.preventDefault();
    guard(path)();
  });
  $('#preview').addEventListener('click', guard(preview));
  $('#migrate').addEventListener('click', guard(migrate));
  document.getElementById('main').dataset.ready = 'true';
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

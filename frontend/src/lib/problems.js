// Server problems (POST /validate, a refused deployment) drawn on a bpmn-js/dmn-js canvas at their element and
// listed beside it; a list entry selects and scrolls to its element.
import { el } from './dom.js';
import { t, message } from './i18n.js';

export function showProblems(viewer, listEl, problems) {
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  overlays.remove({ type: 'govflow-problem' });
  registry.forEach(e => {
    canvas.removeMarker(e, 'govflow-problem-error');
    canvas.removeMarker(e, 'govflow-problem-warning');
  });
  listEl.replaceChildren();
  if (!problems.length) {
    listEl.append(el('li', { class: 'ok' }, t('problems.none')));
    return;
  }
  problems.forEach(p => {
    const severity = p.severity === 'WARNING' ? 'warning' : 'error';
    const element = p.elementId ? registry.get(p.elementId) : null;
    const where = element ? (element.businessObject.name || element.id) : t('problems.model');
    if (element) {
      canvas.addMarker(element, 'govflow-problem-' + severity);
      overlays.add(element, 'govflow-problem', {
        position: { top: -14, right: 14 },
        html: el('span', { class: 'govflow-problem-badge ' + severity, title: message(p),
          'data-element-id': p.elementId }, severity === 'error' ? '!' : '?')
      });
    }
    const text = el('span', {}, el('strong', {}, where), ': ', message(p),
      el('span', { class: 'muted' }, ' (' + (p.rule || '') + ')'));
    listEl.append(el('li', { class: 'problem ' + severity, 'data-element-id': p.elementId || '' },
      element
        ? el('button', { type: 'button', class: 'link', onclick: () => select(viewer, element) }, text)
        : text));
  });
}

function select(viewer, element) {
  viewer.get('canvas').scrollToElement(element);
  try {
    viewer.get('selection').select(element);
  } catch (e) {
    // a viewer without selection: scrolling is enough
  }
}

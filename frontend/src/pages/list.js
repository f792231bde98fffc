// The list of models: kind, module, deployed version, draft, owner; filtered in the page.
import '../designer.css';
import { get } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { $, el, status } from '../lib/dom.js';

let models = [];

function render() {
  const text = $('#filter-text').value.trim().toLowerCase();
  const kind = $('#filter-kind').value;
  const body = $('#models tbody');
  const labels = [...document.querySelectorAll('#models thead th')].map(th => th.textContent.trim());
  body.replaceChildren();
  const shown = models.filter(m => (!kind || m.kind === kind)
    && (!text || [m.key, m.name, m.module, m.owner].some(v => v && String(v).toLowerCase().includes(text))));
  shown.forEach(m => {
    const href = '/designer/' + m.kind + '/' + encodeURIComponent(m.key);
    const links = [el('a', { href, class: 'open' }, t('list.open'))];
    if (m.kind === 'bpmn') {
      links.push(' · ', el('a', { href: href + '/diff' }, t('list.diff')),
        ' · ', el('a', { href: href + '/insight' }, t('list.insight')));
    }
    (m.variants || []).forEach(a => links.push(' · ',
      el('a', { href: href + '?agency=' + encodeURIComponent(a) }, t('list.variant', a))));
    // Each cell names its column (data-label): on a phone the table becomes one card per model.
    const cell = (i, ...content) => el('td', { 'data-label': labels[i] }, ...content);
    body.append(el('tr', { 'data-key': m.key, 'data-kind': m.kind },
      cell(0, el('span', { class: 'kind ' + m.kind }, t('kind.' + m.kind))),
      cell(1, el('strong', {}, m.name || m.key), el('div', { class: 'muted' }, m.key)),
      cell(2, m.module || ''),
      cell(3, m.deployed ? t('list.version', m.deployed.version, m.deployed.versionTag || '') : t('list.notDeployed')),
      cell(4, m.draft ? t('list.draft', m.draft.revision, m.draft.author || '') : '—',
        // A release changed this model while a designer's version runs: its version waits here as a draft.
        m.releasePending ? el('div', { class: 'release-pending' }, t('list.releasePending', m.releasePending.revision)) : ''),
      cell(5, m.owner || t('list.province')),
      cell(6, el('span', { class: 'model-links' }, links))));
  });
  $('#count').textContent = t('list.count', shown.length, models.length);
}

async function start() {
  models = await get('models');
  ['#filter-text', '#filter-kind'].forEach(s => $(s).addEventListener('input', render));
  $('#filter-form').addEventListener('submit', ev => ev.preventDefault());
  render();
  document.getElementById('main').dataset.ready = 'true';
}

start().catch(e => status(t('loadFailed', e.message), 'error'));

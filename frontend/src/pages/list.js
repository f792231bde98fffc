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
    body.append(el('tr', { 'data-key': m.key, 'data-kind': m.kind },
      el('td', {}, el('span', { class: 'kind ' + m.kind }, t('kind.' + m.kind))),
      el('td', {}, el('strong', {}, m.name || m.key), el('div', { class: 'muted' }, m.key)),
      el('td', {}, m.module || ''),
      el('td', {}, m.deployed ? t('list.version', m.deployed.version, m.deployed.versionTag || '') : t('list.notDeployed')),
      el('td', {}, m.draft ? t('list.draft', m.draft.revision, m.draft.author || '') : '—'),
      el('td', {}, m.owner || t('list.province')),
      el('td', {}, links)));
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

// The editors' one toolbar: "Kiểm tra", "Lưu bản nháp", "Lịch sử" and "Triển khai" for a process, a decision table
// or a form. One place for the calls, the dialogs and the problem list; an editor passes how it reads its content,
// how it loads an older revision and (the BPMN editor) how it draws problems on its canvas.
import { get, post, query, ApiError } from './api.js';
import { t, message } from './i18n.js';
import { $, el, status, dialog } from './dom.js';

/** The server's problems as a list: errors and warnings marked, each named by its element. */
export function listProblems(problems) {
  const list = $('#problems');
  list.replaceChildren();
  if (!problems.length) {
    list.append(el('li', { class: 'ok' }, t('problems.none')));
  }
  problems.forEach(p => list.append(el('li', { class: 'problem ' + (p.severity === 'WARNING' ? 'warning' : 'error'),
    'data-element-id': p.elementId || '' }, el('strong', {}, p.elementId || t('problems.model')), ': ', message(p))));
}

/** Only errors refuse a deployment; the "invalid" line counts those. */
export function errorCount(problems) {
  return (problems || []).filter(p => p.severity !== 'WARNING').length;
}

function describeSource(model) {
  const source = $('#source');
  if (source) {
    source.textContent = model.source === 'draft' ? t('source.draft', model.revision)
      : model.source === 'deployed' ? t('source.deployed') : t('source.file');
  }
}

/**
 * Wires the toolbar for one model: {kind, key, agency, modelPath, model (as GET /models/.. returned it),
 * content: async () => string, load: async content => void (shows an older revision), showProblems?: problems =>
 * void}. Deploying names a stored revision: what is on screen is saved first (with the deployment's comment)
 * unless it is exactly the revision loaded or last saved.
 */
export function wireToolbar({ kind, key, agency, modelPath, model, content, load, showProblems }) {
  const problems = showProblems || listProblems;
  let revision = model && model.source === 'draft' ? model.revision : null;
  let saved = null;
  if (model) {
    describeSource(model);
  }
  if (revision !== null) {
    // As the editor writes it back (formatting may differ from what was stored): unchanged means no new revision.
    content().then(c => {
      saved = c;
    }, () => {});
  }
  const saveDraft = async comment => {
    const now = await content();
    revision = (await post(modelPath + '/drafts', { content: now, comment, agency: agency || undefined })).revision;
    saved = now;
    describeSource({ source: 'draft', revision });
    return revision;
  };

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
      status(t('saved', await saveDraft($('#save-comment').value)), 'ok');
    } catch (e) {
      status(e.message, 'error');
    }
  });

  $('#validate').addEventListener('click', async () => {
    status(t('validating'));
    try {
      const r = await post('validate', { kind, key, content: await content(), agency: agency || undefined });
      problems(r.problems || []);
      status(r.ok ? t('valid') : t('invalid', errorCount(r.problems)), r.ok ? 'ok' : 'error');
    } catch (e) {
      status(e.message, 'error');
    }
  });

  const historyButton = $('#history');
  if (historyButton && load) {
    historyButton.addEventListener('click', () => openHistory());
    $('#history-close').addEventListener('click', () => dialog('history-dialog').close());
  }

  async function openHistory() {
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
      revisions.forEach(r => body.append(el('li', { 'data-revision': String(r.revision) },
        el('strong', {}, t('history.revision', r.revision)), ' · ', el('span', { class: 'history-author' },
          r.author || ''), ' · ', r.at ? el('time', { datetime: r.at }, new Date(r.at).toLocaleString()) : '',
        r.comment ? el('div', { class: 'history-comment' }, r.comment) : null,
        el('button', { type: 'button', class: 'secondary history-open', onclick: async () => {
            try {
              const full = await get(modelPath + '/revisions/' + r.revision + query({ agency }));
              await load(full.content);
              revision = full.revision;
              saved = await content();
              describeSource({ source: 'draft', revision });
              d.close();
              status(t('history.opened', revision), 'ok');
            } catch (e) {
              status(e.message, 'error');
            }
          } }, t('history.open'), el('span', { class: 'visually-hidden' }, ' (' + t('history.revision', r.revision) + ')')))));
    } catch (e) {
      body.replaceChildren(el('li', { class: 'error' }, e.message));
    }
  }

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
      if (revision === null || revision === undefined || (await content()) !== saved) {
        await saveDraft(comment);
      }
      const r = await post(modelPath + '/deploy', { revision, versionTag: $('#deploy-tag').value, comment,
        agency: agency || undefined });
      problems([]);
      status(t('deployed', r.version, r.deploymentId), 'ok');
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) {
        problems(e.problems);
      }
      status(t('deployRefused', e.message), 'error');
    }
  });
}

// The editors' shared toolbar: "Lưu bản nháp", "Kiểm tra" and "Triển khai" for a decision table or a form (the BPMN
// editor adds history and on-diagram markers, so it wires its own). One place for the calls and for the problem list.
import { post, ApiError } from './api.js';
import { t, message } from './i18n.js';
import { $, el, status, dialog } from './dom.js';

/** The server's problems as a list: errors and warnings marked, each named by its element. */
export function listProblems(problems) {
  const list = $('#problems');
  list.replaceChildren();
  problems.forEach(p => list.append(el('li', { class: 'problem ' + (p.severity === 'WARNING' ? 'warning' : 'error') },
    el('strong', {}, p.elementId || t('problems.model')), ': ', message(p))));
}

/** Only errors refuse a deployment; the "invalid" line counts those. */
export function errorCount(problems) {
  return (problems || []).filter(p => p.severity !== 'WARNING').length;
}

/**
 * Wires the toolbar for one model: {kind, key, agency, modelPath, content: async () => string}. Deploying saves what
 * is on screen as a revision first (with the deployment's comment), then deploys that revision.
 */
export function wireToolbar({ kind, key, agency, modelPath, content }) {
  let revision = null;
  const saveDraft = async comment => {
    revision = (await post(modelPath + '/drafts', { content: await content(), comment,
      agency: agency || undefined })).revision;
    return revision;
  };

  const saveDialog = dialog('save-dialog');
  $('#save').addEventListener('click', () => saveDialog.open());
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
    try {
      const r = await post('validate', { kind, key, content: await content(), agency: agency || undefined });
      listProblems(r.problems || []);
      status(r.ok ? t('valid') : t('invalid', errorCount(r.problems)), r.ok ? 'ok' : 'error');
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
      await saveDraft(comment);
      const r = await post(modelPath + '/deploy', { revision, versionTag: $('#deploy-tag').value, comment,
        agency: agency || undefined });
      listProblems([]);
      status(t('deployed', r.version, r.deploymentId), 'ok');
    } catch (e) {
      if (e instanceof ApiError) {
        listProblems(e.problems);
      }
      status(t('deployRefused', e.message), 'error');
    }
  });
}

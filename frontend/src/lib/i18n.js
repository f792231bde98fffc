// GovFlow's own words for the designer scripts come from messages*.properties (designer.js.*), rendered by the
// page into #main[data-messages]; the server already chose the person's language.
let messages = null;

function load() {
  if (!messages) {
    const root = document.getElementById('main');
    try {
      messages = JSON.parse((root && root.dataset.messages) || '{}');
    } catch (e) {
      messages = {};
    }
  }
  return messages;
}

export function lang() {
  return (document.documentElement.lang || 'vi').startsWith('en') ? 'en' : 'vi';
}

export function t(key, ...args) {
  const text = load()['designer.js.' + key];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}

/** GovFlow's words for a designer.js.* key, or null when there are none. */
export function phrase(key) {
  const text = load()['designer.js.' + key];
  return text === undefined ? null : text;
}

/** A DesignProblem's or a result's message in the page's language. */
export function message(p) {
  return lang() === 'en' ? (p.messageEn || p.messageVi) : (p.messageVi || p.messageEn);
}

export function reasons(p) {
  const list = lang() === 'en' ? (p.reasonsEn || p.reasonsVi) : (p.reasonsVi || p.reasonsEn);
  return list || [];
}

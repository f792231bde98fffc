// bpmn-js's own words (palette, context pad, properties panel) in Vietnamese for a Vietnamese page: the page's
// messages carry designer.js.bpmnio.<English text>; what has no Vietnamese stays in bpmn-js's English.
import translate from 'diagram-js/lib/i18n/translate/translate';
import { lang, phrase } from './i18n.js';

function govflowTranslate(template, replacements) {
  const vi = lang() === 'vi' ? phrase('bpmnio.' + template) : null;
  return translate(vi || template, replacements);
}

export default { translate: ['value', govflowTranslate] };

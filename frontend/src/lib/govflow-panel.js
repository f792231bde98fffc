// GovFlow's own group in the properties panel: a user task's candidate group, form and due date are picked from
// what exists (GET /pickers), never typed; a service task loses the panel's free-typed implementation (bean
// names come only from an element template).
import { h } from '@bpmn-io/properties-panel/preact';
import { Group, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, isAny } from 'bpmn-js/lib/util/ModelUtil';
import { t } from './i18n.js';

export const DUE_TABLE = '${caseDeadlines.taskDue(execution)}';
export const DUE_CASE = '${dueAt}';

let pickers = { groups: [], forms: [], decisions: [] };

export function setPickers(p) {
  pickers = Object.assign({ groups: [], forms: [], decisions: [] }, p || {});
}

/**
 * A select in the panel's look that takes the choice on 'change' as well as 'input' (the panel's own SelectEntry
 * listens to 'input' only, which some ways of choosing, WebDriver's among them, do not fire).
 */
function SelectEntry(props) {
  const { id, label, getValue, setValue, getOptions } = props;
  const inputId = 'bio-properties-panel-' + id;
  const value = getValue() || '';
  const onChange = e => {
    if (e.target.value !== (getValue() || '')) {
      setValue(e.target.value);
    }
  };
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h('div', { class: 'bio-properties-panel-select' },
      h('label', { for: inputId, class: 'bio-properties-panel-label' }, label),
      h('select', { id: inputId, name: id, class: 'bio-properties-panel-input', value, onChange, onInput: onChange },
        getOptions().map(o => h('option', { value: o.value, selected: o.value === value }, o.label)))));
}

/** The options, keeping a value the model already has even when it is not (or no longer) offered. */
function options(list, current) {
  const opts = [{ value: '', label: t('picker.none') }].concat(list);
  if (current && !list.some(o => o.value === current)) {
    opts.push({ value: current, label: current + ' ' + t('picker.notOffered') });
  }
  return opts;
}

function CandidateGroup(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const current = () => element.businessObject.get('camunda:candidateGroups') || '';
  return h(SelectEntry, {
    element, id, label: t('picker.group'),
    getValue: current,
    setValue: v => modeling.updateProperties(element, { 'camunda:candidateGroups': v || undefined }),
    getOptions: () => options(pickers.groups.map(g => ({ value: g.id, label: g.name || g.id })), current())
  });
}

function FormPicker(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const current = () => element.businessObject.get('camunda:formRef') || '';
  return h(SelectEntry, {
    element, id, label: t('picker.form'),
    getValue: current,
    // GovFlow's convention: camunda:formRef with binding "deployment" (the form deployed with the process).
    // (camunda-bpmn-js-behaviors drops a formKey itself; naming formKey here would clear formRef instead.)
    setValue: v => modeling.updateProperties(element, v
      ? { 'camunda:formRef': v, 'camunda:formRefBinding': 'deployment' }
      : { 'camunda:formRef': undefined, 'camunda:formRefBinding': undefined }),
    getOptions: () => options(pickers.forms.map(f => ({ value: f.key, label: (f.name || f.key) + ' (' + f.key + ')' })),
      current())
  });
}

function DueDate(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const current = () => element.businessObject.get('camunda:dueDate') || '';
  const days = [];
  for (let n = 1; n <= 30; n++) {
    days.push({ value: 'P' + n + 'WD', label: t('picker.workingDays', n) });
  }
  return h(SelectEntry, {
    element, id, label: t('picker.due'),
    getValue: current,
    setValue: v => modeling.updateProperties(element, { 'camunda:dueDate': v || undefined }),
    getOptions: () => options([
      { value: DUE_TABLE, label: t('picker.dueTable') },
      { value: DUE_CASE, label: t('picker.dueCase') }
    ].concat(days), current())
  });
}

const HIDDEN_FOR_SERVICE_TASKS = ['CamundaPlatform__Implementation', 'CamundaPlatform__FieldInjection'];

function GovFlowPropertiesProvider(propertiesPanel) {
  propertiesPanel.registerProvider(300, this);
}

GovFlowPropertiesProvider.$inject = ['propertiesPanel'];

GovFlowPropertiesProvider.prototype.getGroups = function(element) {
  return function(groups) {
    if (is(element, 'bpmn:UserTask')) {
      const entries = [
        { id: 'govflow-candidate-group', component: CandidateGroup, isEdited: isSelectEntryEdited },
        { id: 'govflow-form', component: FormPicker, isEdited: isSelectEntryEdited },
        { id: 'govflow-due', component: DueDate, isEdited: isSelectEntryEdited }
      ].map(e => Object.assign(e, { element }));
      groups.splice(Math.min(1, groups.length), 0,
        { id: 'govflow', label: t('panel.group'), entries, component: Group });
    }
    if (isAny(element, ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'])
        || (is(element, 'bpmn:IntermediateThrowEvent') || is(element, 'bpmn:EndEvent'))) {
      return groups.filter(g => !HIDDEN_FOR_SERVICE_TASKS.includes(g.id)
        || (is(element, 'bpmn:BusinessRuleTask') && g.id === 'CamundaPlatform__Implementation'));
    }
    return groups;
  };
};

export default {
  __init__: ['govflowPropertiesProvider'],
  govflowPropertiesProvider: ['type', GovFlowPropertiesProvider]
};

// The review workspace (GET /plans/{id}/reviews/next, POST /plans/{id}/reviews): the KPIs as they stand beside
// their targets and pace, the previous review's open actions each marked done or carried over, notes, decisions
// and new actions with owner side, person and due date; and the record of the reviews held.
import { h, button, uid, words, formatNumber } from './dom.js';
import { scrollTable } from './sections.js';
import { statusBadge } from './dashboard.js';

const SIDES = [['VENDOR', 'Vendor'], ['PARTNER', 'Partner']];
const ACTION_STATUS = { OPEN: ['Open', 'slds-badge_lightest'], DONE: ['Done', 'slds-theme_success'],
  CARRIED_OVER: ['Carried over', 'slds-theme_warning'] };

function actionBadge(status) {
  const [label, theme] = ACTION_STATUS[status || 'OPEN'] || [words(status), ''];
  return h('span', { class: `slds-badge ${theme}`, 'data-action-status': status || 'OPEN' }, label);
}

function owner(a) {
  const side = a.ownerSide ? words(a.ownerSide) : '';
  if (!a.owner) return side || '—';
  return side ? `${side}: ${a.owner}` : a.owner;
}

/** The day a review was held, as the API dates carried-over actions (UTC); its due date if it has no timestamp. */
function heldOn(review) {
  return review?.completedAt ? String(review.completedAt).slice(0, 10) : review?.dueDate;
}

/** The snapshot's lines; a snapshot frozen before pace was kept has "planned" and no pace figures. */
export function snapshotTable(snapshot, currency, caption) {
  const lines = [...(snapshot?.kpis || []), ...(snapshot?.targets || [])];
  if (!lines.length) return h('p', { class: 'slds-text-color_weak' }, 'No KPI targets to show.');
  const fmt = (l, v) => formatNumber(v, l.unit === 'CURRENCY' ? { currency } : { unit: l.unit });
  return scrollTable(caption, ['KPI', 'Target', 'Actual', 'Expected by today', 'Status'],
    lines.map((l) => h('tr', { 'data-snapshot': l.key },
      h('th', { scope: 'row' }, l.label || l.key),
      h('td', {}, fmt(l, l.target ?? l.planned)),
      h('td', {}, l.actual === null || l.actual === undefined ? 'no actuals yet' : fmt(l, l.actual)),
      h('td', {}, fmt(l, l.expectedToDate)),
      h('td', {}, l.status ? statusBadge(l.status) : '—'))));
}

/** One open action of the previous review with its two choices, registered under previousActions[i]. */
function decisionField(form, model, open, i) {
  const name = uid('jbp-prev');
  const a = open.detail;
  const choice = (value, label) => {
    const id = uid('jbp-prev-choice');
    return h('span', { class: 'slds-radio' },
      h('input', { type: 'radio', id, name, value, 'data-open-action': String(open.action), 'data-decision': value,
        checked: model.previous[i] === value, onchange: () => { model.previous[i] = value; } }),
      h('label', { class: 'slds-radio__label', for: id }, h('span', { class: 'slds-radio_faux' }),
        h('span', { class: 'slds-form-element__label' }, label)));
  };
  const legend = `${a.description} · ${owner(a)} · due ${a.dueDate || '—'}`
    + (a.carriedFrom ? ` · carried over from ${a.carriedFrom.reviewDate}` : '');
  return form.group(`previousActions[${i}]`, h('fieldset', { class: 'slds-form-element jbp-open-action', 'data-open-action-row': String(open.action) },
    h('legend', { class: 'slds-form-element__legend slds-form-element__label' }, legend),
    h('div', { class: 'slds-form-element__control' }, choice('DONE', 'Done'), choice('CARRIED_OVER', 'Carry over'))));
}

/** New actions as editable rows; adding or removing one re-renders the rows and moves focus sensibly. */
function actionsEditor(form, model, today) {
  const box = h('div', { class: 'jbp-review-actions' });
  const render = (focus) => {
    form.fields = form.fields.filter((f) => !f.path.startsWith('actions['));
    const rows = model.actions.map((a, i) => h('tr', { 'data-action-row': String(i) },
      h('td', { 'data-label': 'Action' }, form.text(`actions[${i}].description`, `Action ${i + 1}`, a, 'description', { maxlength: 500, required: true, hideLabel: true })),
      h('td', { 'data-label': 'Owner side' }, form.select(`actions[${i}].ownerSide`, `Action ${i + 1} owner side`, a, 'ownerSide', SIDES, { required: true, hideLabel: true })),
      h('td', { 'data-label': 'Person' }, form.text(`actions[${i}].owner`, `Action ${i + 1} person`, a, 'owner', { maxlength: 120, hideLabel: true })),
      h('td', { 'data-label': 'Due' }, form.date(`actions[${i}].dueDate`, `Action ${i + 1} due date`, a, 'dueDate', { min: today, required: true, hideLabel: true })),
      h('td', {}, button('Remove', () => { model.actions.splice(i, 1); render('[data-add=\'actions\']'); },
        { variant: 'text-destructive', 'data-remove': `actions[${i}]`, 'aria-label': `Remove action ${i + 1}${a.description ? `: ${a.description}` : ''}` }))));
    box.replaceChildren(rows.length
      ? scrollTable('Actions agreed in this review', ['Action', 'Owner side', 'Person (optional)', 'Due', h('span', { class: 'slds-assistive-text' }, 'Remove')], rows)
      : h('p', { class: 'slds-text-color_weak' }, 'No new actions yet.'),
    button('Add action', () => {
      model.actions.push({ description: null, ownerSide: null, owner: null, dueDate: null });
      render(`[data-action-row='${model.actions.length - 1}'] input`);
    }, { 'data-add': 'actions', class: 'slds-button slds-button_neutral slds-m-top_x-small' }));
    const target = focus && box.querySelector(focus);
    if (target) target.focus();
  };
  render();
  return box;
}

/** The workspace's fields, for the review dialog's form; model gets previous (choices) and actions (rows). */
export function workspaceFields(form, model, workspace, currency) {
  const open = workspace.openActions || [];
  model.previous = open.map(() => null);
  model.actions = [];
  const prev = workspace.previousReview;
  const carryRest = button('Carry over the rest', () => {
    model.previous = model.previous.map((v) => v || 'CARRIED_OVER');
    for (const input of document.querySelectorAll("[data-dialog='review'] input[data-decision='CARRIED_OVER']")) {
      const group = input.closest('fieldset');
      if (!group.querySelector('input:checked')) input.checked = true;
    }
  }, { 'data-carry-rest': 'review' });
  return [
    h('h3', { class: 'slds-text-heading_small' }, 'KPIs now, against the plan'),
    h('p', { class: 'slds-text-body_small' }, `Review due ${workspace.dueDate}. As of ${workspace.kpiSnapshot?.asOf}; these figures are kept with the review.`),
    snapshotTable(workspace.kpiSnapshot, currency, 'KPIs at this review'),
    h('h3', { class: 'slds-text-heading_small slds-m-top_small' }, 'Open actions from the last review'),
    open.length ? [h('p', { class: 'slds-text-body_small' }, `From the review held ${heldOn(prev)}: mark each one done or carry it over into this review.`),
      ...open.map((o, i) => decisionField(form, model, o, i)), carryRest]
      : h('p', { class: 'slds-text-color_weak' }, prev ? 'None: every action of the last review is closed.' : 'This is the plan\'s first review.'),
    h('h3', { class: 'slds-text-heading_small slds-m-top_small' }, 'This review'),
  ];
}

export function actionsFields(form, model, today) {
  return [h('h4', { class: 'slds-text-title_bold slds-m-top_small' }, 'New actions'), actionsEditor(form, model, today)];
}

/**
 * What the tab checks before sending: a choice on every open action and, per new action, the fields the API
 * requires. Returns the field errors (empty when the review can be sent).
 */
export function workspaceErrors(model) {
  const errors = [];
  model.previous.forEach((v, i) => { if (!v) errors.push({ field: `previousActions[${i}]`, message: 'Mark it done or carry it over.' }); });
  model.actions.forEach((a, i) => {
    if (!a.description || !a.description.trim()) errors.push({ field: `actions[${i}].description`, message: 'Say what is to be done.' });
    if (!a.ownerSide) errors.push({ field: `actions[${i}].ownerSide`, message: 'Choose the side that owns it.' });
    if (!a.dueDate) errors.push({ field: `actions[${i}].dueDate`, message: 'Give a due date.' });
  });
  return errors;
}

export function workspaceBody(model, workspace) {
  const open = workspace.openActions || [];
  return {
    ...(open.length ? { previousActions: open.map((o, i) => ({ action: o.action, status: model.previous[i] })) } : {}),
    ...(model.actions.length ? { actions: model.actions.map((a) => ({ description: a.description.trim(), ownerSide: a.ownerSide,
      ...(a.owner && a.owner.trim() ? { owner: a.owner.trim() } : {}), dueDate: a.dueDate })) } : {}),
  };
}

/** The reviews held, latest first: notes, decisions, actions with their status, and the KPIs frozen with each. */
export function reviewsCard(reviews, currency, card) {
  const held = (reviews || []).filter((r) => r.status === 'COMPLETED')
    .sort((a, b) => String(b.completedAt).localeCompare(String(a.completedAt)));
  if (!held.length) return null;
  return card('Reviews held', h('ol', { class: 'jbp-reviews', 'aria-label': 'Reviews held, latest first' }, held.map((r) => h('li', { 'data-review': r.id, class: 'slds-m-bottom_medium' },
    h('h3', { class: 'slds-text-heading_small' }, `Review held ${heldOn(r)}`),
    h('p', { class: 'slds-text-body_small' }, `Due ${r.dueDate} · recorded by ${r.completedByName || r.completedBy || '—'}`),
    h('p', {}, r.notes || ''),
    (r.decisions || []).length ? [h('h4', { class: 'slds-text-title_bold' }, 'Decisions'), h('ul', { class: 'slds-list_dotted' }, r.decisions.map((d) => h('li', {}, d)))] : null,
    (r.actions || []).length ? scrollTable(`Actions of the review held ${heldOn(r)}`, ['Action', 'Owner', 'Due', 'Status'],
      r.actions.map((a, i) => h('tr', { 'data-review-action': String(i) },
        h('th', { scope: 'row' }, a.description, a.carriedFrom ? h('span', { class: 'slds-text-body_small jbp-carried' }, ` (carried over from ${a.carriedFrom.reviewDate})`) : null),
        h('td', {}, owner(a)), h('td', {}, a.dueDate || '—'), h('td', {}, actionBadge(a.status))))) : null,
    r.kpiSnapshot ? h('details', {}, h('summary', {}, 'KPIs at this review'),
      snapshotTable(r.kpiSnapshot, currency, `KPIs at the review held ${heldOn(r)}`)) : null))));
}

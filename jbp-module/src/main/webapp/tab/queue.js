// "Waiting for me": the steps the signed-in user may decide now, overdue first (GET /approvals/waiting).
// Each row opens its plan on the partner's page; the portfolio (and with it this queue) is one click back.
import { h, button, words, formatNumber } from './dom.js';
import { scrollTable } from './sections.js';

function slaText(item) {
  if (item.slaHoursLeft === null || item.slaHoursLeft === undefined) return 'no SLA';
  const hours = Math.abs(item.slaHoursLeft);
  const span = hours >= 48 ? `${Math.round(hours / 24)} days` : `${hours} h`;
  return item.overdue ? `overdue by ${span}` : `${span} left`;
}

function dateText(instant) {
  return instant ? new Date(instant).toLocaleDateString() : '—';
}

function row(item, open) {
  const money = (v) => (v === null || v === undefined ? '—' : formatNumber(v, { currency: item.headline.currency }));
  return h('tr', { 'data-step': item.stepId, class: item.overdue ? 'jbp-overdue' : null },
    h('th', { scope: 'row' }, button(item.planTitle, () => open(item), { variant: 'reset', class: 'slds-button', 'data-open-step': item.stepId })),
    h('td', { 'data-label': 'Partner' }, `${item.partnerName || item.partnerAccountId}${item.tier ? ` (${item.tier})` : ''}`),
    h('td', { 'data-label': 'Plan type' }, words(item.planType)),
    h('td', { 'data-label': 'Step' }, `${item.stepName}${item.amendment ? ' (amendment)' : ''}`
      + (item.escalatedTo ? ` · escalated to ${item.escalatedTo}` : '')),
    h('td', { 'data-label': 'Submitted' }, dateText(item.submittedAt || item.waitingSince)),
    h('td', { 'data-label': 'SLA' }, h('span', { class: `slds-badge${item.overdue ? ' slds-theme_error' : ''}` }, slaText(item))),
    h('td', { 'data-label': 'Closed revenue target' }, money(item.headline.closedRevenue)),
    h('td', { 'data-label': 'Pipeline target' }, money(item.headline.pipeline)),
    h('td', { 'data-label': 'MDF asked' }, `${money(item.headline.mdfRequested)} · ${item.headline.campaigns} campaigns`));
}

/** The queue as a table, or null when nothing waits and the user decides nothing by role. */
export function queueTable(queue, open) {
  if (queue.total === 0) return h('p', { 'data-queue': 'empty' }, 'Nothing is waiting for your decision.');
  const shown = queue.items.length < queue.total
    ? h('p', { class: 'slds-text-color_weak' }, `Showing ${queue.items.length} of ${queue.total}, most urgent first.`) : null;
  return h('div', { 'data-queue': 'list' }, shown,
    scrollTable('Steps waiting for your decision, overdue first',
      ['Plan', 'Partner', 'Plan type', 'Step', 'Submitted', 'SLA', 'Closed revenue', 'Pipeline', 'MDF asked'],
      queue.items.map((item) => row(item, open))));
}

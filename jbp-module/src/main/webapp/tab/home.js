// The channel manager's home (GET /home): a heat table of attainment per partner plan, sortable by any column,
// then what needs doing: open alerts, reviews due, plans waiting on the partner, plans ending without a next cycle.
import { h, button, words, formatNumber } from './dom.js';
import { scrollTable } from './sections.js';

const PACE = { ON_TRACK: 'On track', AT_RISK: 'At risk', OFF_TRACK: 'Off track' };

function heatClass(percent) {
  if (percent === null || percent === undefined) return 'jbp-heat jbp-heat_none';
  if (percent >= 100) return 'jbp-heat jbp-heat_high';
  if (percent >= 70) return 'jbp-heat jbp-heat_mid';
  return 'jbp-heat jbp-heat_low';
}

function percentText(p) {
  return p === null || p === undefined ? '—' : `${formatNumber(p)} %`;
}

function countLine(listed, noun) {
  return listed.items.length < listed.total ? h('p', { class: 'slds-text-color_weak' },
    `Showing ${listed.items.length} of ${listed.total} ${noun}.`) : null;
}

/** Heat table whose column headers sort it; the sort is announced through aria-sort. */
function heatTable(home, open) {
  const columns = [
    { label: 'Partner', value: (l) => (l.plan.partnerName || l.plan.partnerAccountId).toLowerCase() },
    { label: 'Tier', value: (l) => l.plan.tier || '' },
    { label: 'Attainment', value: (l) => l.attainmentPercent ?? -1 },
    { label: 'Pace', value: (l) => ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'].indexOf(l.pace) },
    { label: 'Open alerts', value: (l) => l.openAlerts },
    ...home.kpiKeys.map((key) => ({ label: words(key), key, value: (l) => l.attainmentByKpi[key] ?? -1 })),
  ];
  let sortBy = 2;
  let descending = true;
  const body = h('tbody');
  const headRow = h('tr', { class: 'slds-line-height_reset' });
  function render() {
    const rows = [...home.partners.items].sort((a, b) => {
      const x = columns[sortBy].value(a);
      const y = columns[sortBy].value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
    });
    body.replaceChildren(...rows.map((l) => h('tr', { 'data-home-plan': l.plan.planId },
      h('th', { scope: 'row' }, button(l.plan.partnerName || l.plan.partnerAccountId, () => open(l.plan),
        { variant: 'reset', class: 'slds-button' })),
      h('td', { 'data-label': 'Tier' }, l.plan.tier || '—'),
      h('td', { 'data-label': 'Attainment', class: heatClass(l.attainmentPercent) }, percentText(l.attainmentPercent)),
      h('td', { 'data-label': 'Pace' }, PACE[l.pace] || l.pace),
      h('td', { 'data-label': 'Open alerts' }, String(l.openAlerts)),
      ...home.kpiKeys.map((key) => h('td', { 'data-label': words(key), class: heatClass(l.attainmentByKpi[key]) },
        percentText(l.attainmentByKpi[key]))))));
    headRow.replaceChildren(...columns.map((c, i) => h('th', { scope: 'col', 'aria-sort': i === sortBy ? (descending ? 'descending' : 'ascending') : 'none' },
      button(c.label, () => { descending = i === sortBy ? !descending : true; sortBy = i; render(); },
        { variant: 'reset', class: 'slds-button', 'data-sort': c.label }))));
  }
  render();
  return h('div', { class: 'jbp-scroll', role: 'region', 'aria-label': 'Attainment by partner', tabindex: '0' },
    h('table', { class: 'slds-table slds-table_bordered slds-table_cell-buffer jbp-table' },
      h('caption', { class: 'slds-assistive-text' }, 'Attainment by partner plan; the column headers sort the table'),
      h('thead', {}, headRow), body));
}

function planButton(plan, open, text) {
  return button(text || `${plan.partnerName || plan.partnerAccountId}: ${plan.title}`, () => open(plan),
    { variant: 'reset', class: 'slds-button', 'data-home-open': plan.planId });
}

/** The home's cards, in the order a channel manager works through them. */
export function homeCards(home, open, card) {
  const cards = [card(`My partners (${home.partners.total} ${home.partners.total === 1 ? 'plan' : 'plans'})`,
    home.partners.total === 0 ? h('p', {}, 'No plans match.') : [countLine(home.partners, 'plans'), heatTable(home, open)])];
  cards.push(card(`Open alerts (${home.openAlerts.total})`, home.openAlerts.total === 0 ? h('p', {}, 'No open alerts.')
    : [countLine(home.openAlerts, 'alerts'), h('ul', { class: 'slds-list_dotted', 'aria-label': 'Open alerts' },
      home.openAlerts.items.map((a) => h('li', { 'data-alert': a.alertId }, planButton(a.plan, open), ` — ${a.message}`)))]));
  cards.push(card(`Reviews due (${home.reviewsDue.total})`, home.reviewsDue.total === 0 ? h('p', {}, 'No review due this week.')
    : scrollTable('Reviews due this week or overdue', ['Plan', 'Due', 'State'], home.reviewsDue.items.map((r) => h('tr', {},
      h('th', { scope: 'row' }, planButton(r.plan, open)), h('td', {}, r.dueDate),
      h('td', {}, h('span', { class: `slds-badge${r.overdue ? ' slds-theme_error' : ''}` }, r.overdue ? 'overdue' : 'this week')))))));
  const simpleList = (title, listed, empty, label) => card(`${title} (${listed.total})`, listed.total === 0 ? h('p', {}, empty)
    : [countLine(listed, 'plans'), h('ul', { class: 'slds-list_dotted', 'aria-label': label },
      listed.items.map((p) => h('li', {}, planButton(p, open), ` — ends ${p.periodEnd}`)))]);
  cards.push(simpleList('Waiting on the partner', home.waitingOnPartner, 'Nothing is waiting on a partner.', 'Plans waiting on the partner'));
  cards.push(simpleList('Ending soon without a next cycle', home.endingWithoutNextCycle, 'No plan ends soon without a next cycle.',
    'Plans ending soon without a next cycle'));
  return cards;
}

/** A partner user's side card: per open plan, what to do next and the vendor's commitments against delivery. */
export function nextStepsCard(plans, card, openPlan) {
  if (!plans.length) return null;
  return card('What is next', h('ul', { class: 'jbp-next', 'aria-label': 'What is next on your plans' }, plans.map((p) => {
    const v = p.vendor;
    const money = (x) => (x === null || x === undefined ? '—' : formatNumber(x, { currency: v.currency }));
    return h('li', { 'data-next-plan': p.planId },
      button(`${p.title} (${words(p.status)})`, () => openPlan(p.planId), { variant: 'reset', class: 'slds-button' }),
      h('ul', { class: 'slds-list_dotted', 'aria-label': `Next steps on ${p.title}` },
        p.nextSteps.map((s) => h('li', { 'data-next-step': s.action }, s.text))),
      h('p', { class: 'slds-text-body_small', 'data-vendor': p.planId },
        `Vendor MDF: committed ${money(v.mdfCommitted)} · requested ${money(v.mdfRequested)} · approved ${money(v.mdfApproved)}`
        // delivered hours exist only in the closing record (vendorDelivered), so the card says so
        + ` · paid ${money(v.mdfPaid)}. Co-sell hours committed: ${v.coSellHoursCommitted ?? '—'}`
        + ' (hours delivered are recorded at the close)'));
  })));
}

// The six plan sections and the vendor commitments: a read-only SLDS rendering and an edit form for each.
// Field names and JSON paths follow the plan entities (org.jbp.plan.entity) as the API serialises them.
import { h, button, words, formatNumber } from './dom.js';

const TACTICS = ['EVENT', 'WEBINAR', 'EMAIL', 'DIGITAL_ADS', 'CONTENT', 'TELEMARKETING', 'TRADE_SHOW', 'WORKSHOP', 'OTHER'];
const CERT_ROLES = ['SALES', 'PRE_SALES', 'TECHNICAL'];
const DIMENSIONS = ['PRODUCT_LINE', 'VERTICAL', 'SEGMENT'];
const SWOT = [['strengths', 'Strengths', 'Strength'], ['weaknesses', 'Weaknesses', 'Weakness'],
  ['opportunities', 'Opportunities', 'Opportunity'], ['threats', 'Threats', 'Threat']];
const enumOptions = (values) => values.map((v) => [v, words(v)]);

const clone = (value) => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)));
const money = (m, ctx) => (m ? formatNumber(m.amount, { currency: m.currency || ctx.currency }) : '—');
const text = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const cleanList = (list) => {
  const kept = (list || []).map((s) => (s ?? '').trim()).filter((s) => s !== '');
  return kept.length ? kept : null;
};

function readField(label, value) {
  return h('div', { class: 'slds-form-element slds-form-element_readonly' },
    h('span', { class: 'slds-form-element__label' }, label),
    h('div', { class: 'slds-form-element__control' }, h('div', { class: 'slds-form-element__static' }, value)));
}

function readList(items, empty = '—') {
  return items && items.length ? h('ul', { class: 'slds-list_dotted' }, items.map((i) => h('li', {}, i))) : empty;
}

/** A table that scrolls sideways inside its own container instead of widening the page. */
export function scrollTable(caption, headers, rows, attrs = {}) {
  return h('div', { class: 'jbp-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
    h('table', { class: 'slds-table slds-table_bordered slds-table_cell-buffer jbp-table', ...attrs },
      h('caption', { class: 'slds-assistive-text' }, caption),
      h('thead', {}, h('tr', { class: 'slds-line-height_reset' }, headers.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)));
}

/**
 * Editable rows (campaigns, milestones, breakdown lines): a column per field, a Remove button per row and
 * an Add button; adding or removing re-renders the form and puts focus somewhere sensible.
 */
function rowsEditor(form, { path, caption, obj, prop, rowName, columns, newRow, addLabel, rerender }) {
  const rows = (obj[prop] || []).map((row, i) => h('tr', { 'data-row': String(i) },
    columns.map((col) => h('td', { 'data-label': col.label }, col.render(row, i, `${path}[${i}]`, `${rowName} ${i + 1} ${col.label.toLowerCase()}`))),
    h('td', {}, button('Remove', () => {
      obj[prop].splice(i, 1);
      rerender(`[data-add='${path}']`);
    }, { variant: 'text-destructive', 'data-remove': `${path}[${i}]`, 'aria-label': `Remove ${rowName.toLowerCase()} ${i + 1}${row.name || row.track || row.value ? `: ${row.name || row.track || row.value}` : ''}` }))));
  return form.group(path, h('div', { class: 'jbp-rows' },
    rows.length ? scrollTable(caption, [...columns.map((c) => c.label), h('span', { class: 'slds-assistive-text' }, 'Actions')], rows)
      : h('p', { class: 'slds-text-color_weak' }, `No ${caption.toLowerCase()} yet.`),
    button(addLabel, () => {
      if (!obj[prop]) obj[prop] = [];
      obj[prop].push(newRow());
      rerender(`[data-row='${obj[prop].length - 1}'] input, [data-row='${obj[prop].length - 1}'] select`);
    }, { 'data-add': path, class: 'slds-button slds-button_neutral slds-m-top_x-small' })));
}

function quarterLabel(q) {
  return `Q${q.quarter}`;
}

function quarterTitle(q) {
  return `Q${q.quarter} (${q.start} to ${q.end})`;
}

/** Equal shares with the rounding remainder in the last one, as the API splits when no split is given. */
function equalSplit(total, parts, decimals) {
  if (total === null || total === undefined) return Array(parts).fill(null);
  const factor = 10 ** decimals;
  const share = Math.floor((Number(total) * factor) / parts) / factor;
  const shares = Array(parts - 1).fill(share);
  shares.push(Math.round((Number(total) - share * (parts - 1)) * factor) / factor);
  return shares;
}

const profile = {
  key: 'profile',
  label: 'Partner profile and SWOT',
  empty: () => ({ summary: null, focusVerticals: null, regions: null, employees: null, certifiedStaff: null,
    swot: { strengths: null, weaknesses: null, opportunities: null, threats: null } }),
  view(v, ctx) {
    const swot = v.swot || {};
    return [h('div', { class: 'jbp-fields' },
      readField('Summary', text(v.summary)), readField('Focus verticals', readList(v.focusVerticals)),
      readField('Regions', readList(v.regions)), readField('Employees', formatNumber(v.employees)),
      readField('Certified staff', formatNumber(v.certifiedStaff))),
    h('h4', { class: 'slds-text-title_caps slds-m-top_small' }, 'SWOT'),
    h('div', { class: 'jbp-swot' }, SWOT.map(([key, label]) => h('div', { class: `jbp-swot-cell jbp-swot-${key}` },
      h('h5', { class: 'slds-text-title_bold' }, label), readList(swot[key], h('p', { class: 'slds-text-color_weak' }, 'None')))))];
  },
  edit(m, form) {
    m.swot = m.swot || { strengths: null, weaknesses: null, opportunities: null, threats: null };
    const at = 'sections.profile';
    return [form.textarea(`${at}.summary`, 'Summary', m, 'summary', { maxlength: 4000, rows: 4, required: true }),
      h('div', { class: 'jbp-fields' },
        form.number(`${at}.employees`, 'Employees', m, 'employees', { integer: true }),
        form.number(`${at}.certifiedStaff`, 'Certified staff', m, 'certifiedStaff', { integer: true }),
        form.list(`${at}.focusVerticals`, 'Focus verticals', m, 'focusVerticals', { itemLabel: 'Focus vertical', maxlength: 80, addLabel: 'Add vertical' }),
        form.list(`${at}.regions`, 'Regions', m, 'regions', { itemLabel: 'Region', maxlength: 80, addLabel: 'Add region' })),
      h('h4', { class: 'slds-text-title_caps slds-m-top_small' }, 'SWOT'),
      h('div', { class: 'jbp-swot' }, SWOT.map(([key, label, item]) => h('div', { class: `jbp-swot-cell jbp-swot-${key}` },
        form.list(`${at}.swot.${key}`, label, m.swot, key, { itemLabel: item, addLabel: `Add ${item.toLowerCase()}` }))))];
  },
  toValue(m) {
    const swot = {};
    for (const [key] of SWOT) swot[key] = cleanList(m.swot?.[key]);
    return { value: { ...m, focusVerticals: cleanList(m.focusVerticals), regions: cleanList(m.regions), swot } };
  },
};

const revenue = {
  key: 'revenue',
  label: 'Revenue and pipeline targets',
  empty: () => ({ pipeline: null, closedRevenue: null, registeredDeals: null, breakdown: null, quarters: null }),
  view(v, ctx) {
    return [h('div', { class: 'jbp-fields' },
      readField('Pipeline', money(v.pipeline, ctx)), readField('Closed revenue', money(v.closedRevenue, ctx)),
      readField('Registered deals', formatNumber(v.registeredDeals))),
    h('h4', { class: 'slds-text-title_caps slds-m-top_small' }, 'Breakdown'),
    v.breakdown && v.breakdown.length ? scrollTable('Revenue breakdown', ['Dimension', 'Value', 'Pipeline', 'Closed revenue', 'Registered deals'],
      v.breakdown.map((b) => h('tr', {}, h('td', {}, words(b.dimension)), h('th', { scope: 'row' }, b.value),
        h('td', {}, money(b.pipeline, ctx)), h('td', {}, money(b.closedRevenue, ctx)), h('td', {}, formatNumber(b.registeredDeals)))))
      : h('p', { class: 'slds-text-color_weak' }, 'No breakdown.'),
    h('h4', { class: 'slds-text-title_caps slds-m-top_small' }, 'Quarterly split'),
    v.quarters && v.quarters.length ? scrollTable('Quarterly split of the revenue targets', ['Quarter', 'Pipeline', 'Closed revenue', 'Registered deals'],
      v.quarters.map((q) => h('tr', {}, h('th', { scope: 'row' }, quarterTitle(ctx.quarters[q.quarter - 1] || { quarter: q.quarter, start: '', end: '' })),
        h('td', {}, money(q.pipeline, ctx)), h('td', {}, money(q.closedRevenue, ctx)), h('td', {}, formatNumber(q.registeredDeals)))))
      : h('p', { class: 'slds-text-color_weak' }, 'Split equally across the quarters.')];
  },
  edit(m, form, ctx, rerender) {
    const at = 'sections.revenue';
    const c = ctx.currency;
    const quarters = ctx.quarters;
    const splitRows = () => {
      const pipeline = equalSplit(m.pipeline?.amount, quarters.length, 2);
      const closed = equalSplit(m.closedRevenue?.amount, quarters.length, 2);
      const deals = equalSplit(m.registeredDeals, quarters.length, 0);
      return quarters.map((q, i) => ({ quarter: q.quarter,
        pipeline: pipeline[i] === null ? null : { amount: pipeline[i], currency: c },
        closedRevenue: closed[i] === null ? null : { amount: closed[i], currency: c },
        registeredDeals: deals[i] }));
    };
    const sums = h('p', { class: 'jbp-hint slds-text-body_small', 'aria-live': 'polite' });
    const updateSums = () => {
      if (!m.quarters) { sums.textContent = ''; return; }
      const add = (f) => m.quarters.reduce((s, q) => s + Number(f(q) ?? 0), 0);
      sums.textContent = `Quarters add up to: pipeline ${formatNumber(add((q) => q.pipeline?.amount), { currency: c })}`
        + ` of ${money(m.pipeline, ctx)}; closed revenue ${formatNumber(add((q) => q.closedRevenue?.amount), { currency: c })}`
        + ` of ${money(m.closedRevenue, ctx)}; registered deals ${add((q) => q.registeredDeals)} of ${text(m.registeredDeals)}.`;
    };
    const quarterPart = m.quarters
      ? [form.group(`${at}.quarters`, scrollTable('Quarterly split', ['Quarter', `Pipeline (${c})`, `Closed revenue (${c})`, 'Registered deals'],
        m.quarters.map((q, i) => {
          const qp = `${at}.quarters[${i}]`;
          const label = quarterLabel(ctx.quarters[q.quarter - 1] || q);
          return h('tr', {}, h('th', { scope: 'row' }, quarterTitle(ctx.quarters[q.quarter - 1] || { quarter: q.quarter, start: '?', end: '?' })),
            h('td', {}, form.money(`${qp}.pipeline`, `${label} pipeline`, q, 'pipeline', c, { hideLabel: true, onchange: updateSums })),
            h('td', {}, form.money(`${qp}.closedRevenue`, `${label} closed revenue`, q, 'closedRevenue', c, { hideLabel: true, onchange: updateSums })),
            h('td', {}, form.number(`${qp}.registeredDeals`, `${label} registered deals`, q, 'registeredDeals', { integer: true, hideLabel: true, onchange: updateSums })));
        }))), sums,
      button('Split equally when saved', () => { m.quarters = null; rerender('[data-split]'); }, { 'data-split': 'equal' })]
      : [h('p', { class: 'slds-text-color_weak' }, `The targets are split equally across the ${quarters.length} quarter(s) when saved.`),
        button('Edit the quarterly split', () => { m.quarters = splitRows(); rerender(`[data-field='${at}.quarters[0].pipeline.amount']`); }, { 'data-split': 'edit' })];
    const form_ = [h('div', { class: 'jbp-fields' },
      form.money(`${at}.pipeline`, 'Pipeline', m, 'pipeline', c, { required: true, onchange: updateSums }),
      form.money(`${at}.closedRevenue`, 'Closed revenue', m, 'closedRevenue', c, { required: true, onchange: updateSums }),
      form.number(`${at}.registeredDeals`, 'Registered deals', m, 'registeredDeals', { integer: true, required: true, onchange: updateSums })),
    h('h4', { class: 'slds-text-title_caps slds-m-top_small' }, 'Breakdown by product line, vertical and segment'),
    rowsEditor(form, { path: `${at}.breakdown`, caption: 'Breakdown lines', obj: m, prop: 'breakdown', rowName: 'Breakdown line',
      addLabel: 'Add breakdown line', rerender,
      newRow: () => ({ dimension: 'PRODUCT_LINE', value: null, pipeline: null, closedRevenue: null, registeredDeals: null }),
      columns: [
        { label: 'Dimension', render: (r, i, p, l) => form.select(`${p}.dimension`, l, r, 'dimension', enumOptions(DIMENSIONS), { hideLabel: true, blank: false }) },
        { label: 'Value', render: (r, i, p, l) => form.text(`${p}.value`, l, r, 'value', { hideLabel: true, maxlength: 80 }) },
        { label: `Pipeline (${c})`, render: (r, i, p, l) => form.money(`${p}.pipeline`, l, r, 'pipeline', c, { hideLabel: true }) },
        { label: `Closed revenue (${c})`, render: (r, i, p, l) => form.money(`${p}.closedRevenue`, l, r, 'closedRevenue', c, { hideLabel: true }) },
        { label: 'Registered deals', render: (r, i, p, l) => form.number(`${p}.registeredDeals`, l, r, 'registeredDeals', { hideLabel: true, integer: true }) },
      ] }),
    h('h4', { class: 'slds-text-title_caps slds-m-top_small' }, 'Quarterly split'), ...quarterPart];
    updateSums();
    return form_;
  },
  toValue(m) {
    return { value: { ...m, breakdown: m.breakdown && m.breakdown.length ? m.breakdown : null } };
  },
};

const campaigns = {
  key: 'campaigns',
  label: 'Campaign calendar and MDF',
  empty: () => [],
  view(v, ctx) {
    if (!v.length) return h('p', { class: 'slds-text-color_weak' }, 'No campaigns yet.');
    return scrollTable('Campaign calendar', ['Name', 'Tactic', 'Audience', 'Start', 'End', 'MDF requested', 'CRM campaign'],
      v.map((c) => h('tr', { 'data-campaign': c.key || '' }, h('th', { scope: 'row' }, c.name), h('td', {}, words(c.tactic)),
        h('td', {}, text(c.audience)), h('td', {}, c.startDate), h('td', {}, c.endDate),
        h('td', { 'data-mdf': c.key || '' }, money(c.mdfRequested, ctx)), h('td', {}, text(c.crmCampaignId)))));
  },
  edit(m, form, ctx, rerender) {
    const c = ctx.currency;
    const holder = { rows: m };
    return rowsEditor(form, { path: 'sections.campaigns', caption: 'Campaigns', obj: holder, prop: 'rows', rowName: 'Campaign',
      addLabel: 'Add campaign', rerender,
      newRow: () => ({ name: null, tactic: 'WEBINAR', audience: null, startDate: ctx.period.start, endDate: ctx.period.start,
        mdfRequested: null, crmCampaignId: null }),
      columns: [
        { label: 'Name', render: (r, i, p, l) => form.text(`${p}.name`, l, r, 'name', { hideLabel: true, maxlength: 120, required: true }) },
        { label: 'Tactic', render: (r, i, p, l) => form.select(`${p}.tactic`, l, r, 'tactic', enumOptions(TACTICS), { hideLabel: true, blank: false }) },
        { label: 'Audience', render: (r, i, p, l) => form.text(`${p}.audience`, l, r, 'audience', { hideLabel: true, maxlength: 500 }) },
        { label: 'Start', render: (r, i, p, l) => form.date(`${p}.startDate`, l, r, 'startDate', { hideLabel: true, min: ctx.period.start, max: ctx.period.end, required: true }) },
        { label: 'End', render: (r, i, p, l) => form.date(`${p}.endDate`, l, r, 'endDate', { hideLabel: true, min: ctx.period.start, max: ctx.period.end, required: true }) },
        { label: `MDF requested (${c})`, render: (r, i, p, l) => form.money(`${p}.mdfRequested`, l, r, 'mdfRequested', c, { hideLabel: true }) },
        { label: 'CRM campaign id', render: (r, i, p, l) => form.text(`${p}.crmCampaignId`, l, r, 'crmCampaignId', { hideLabel: true, maxlength: 18, placeholder: '701…' }) },
      ] });
  },
  toValue: (m) => ({ value: m }),
};

const certifications = {
  key: 'certifications',
  label: 'Certification milestones',
  empty: () => [],
  view(v) {
    if (!v.length) return h('p', { class: 'slds-text-color_weak' }, 'No certification milestones yet.');
    return scrollTable('Certification milestones', ['Role', 'Track', 'People', 'Due'],
      v.map((c) => h('tr', {}, h('td', {}, words(c.role)), h('th', { scope: 'row' }, c.track), h('td', {}, formatNumber(c.count)), h('td', {}, c.dueDate))));
  },
  edit(m, form, ctx, rerender) {
    const holder = { rows: m };
    return rowsEditor(form, { path: 'sections.certifications', caption: 'Milestones', obj: holder, prop: 'rows', rowName: 'Milestone',
      addLabel: 'Add milestone', rerender,
      newRow: () => ({ role: 'TECHNICAL', track: null, count: 1, dueDate: ctx.period.end }),
      columns: [
        { label: 'Role', render: (r, i, p, l) => form.select(`${p}.role`, l, r, 'role', enumOptions(CERT_ROLES), { hideLabel: true, blank: false }) },
        { label: 'Track', render: (r, i, p, l) => form.text(`${p}.track`, l, r, 'track', { hideLabel: true, maxlength: 120, required: true }) },
        { label: 'People', render: (r, i, p, l) => form.number(`${p}.count`, l, r, 'count', { hideLabel: true, integer: true, min: '1' }) },
        { label: 'Due', render: (r, i, p, l) => form.date(`${p}.dueDate`, l, r, 'dueDate', { hideLabel: true, min: ctx.period.start, max: ctx.period.end, required: true }) },
      ] });
  },
  toValue: (m) => ({ value: m }),
};

const coSell = {
  key: 'coSell',
  label: 'Co-sell goals',
  empty: () => ({ engagementsTarget: null, targetAccounts: null, vendorResources: { seHours: null, executiveSponsor: null } }),
  view(v) {
    return h('div', { class: 'jbp-fields' }, readField('Joint engagements', formatNumber(v.engagementsTarget)),
      readField('Target accounts', readList(v.targetAccounts)),
      readField('Vendor SE hours', formatNumber(v.vendorResources?.seHours)),
      readField('Executive sponsor', text(v.vendorResources?.executiveSponsor)));
  },
  edit(m, form) {
    m.vendorResources = m.vendorResources || { seHours: null, executiveSponsor: null };
    const at = 'sections.coSell';
    return h('div', { class: 'jbp-fields' },
      form.number(`${at}.engagementsTarget`, 'Joint engagements', m, 'engagementsTarget', { integer: true, required: true }),
      form.number(`${at}.vendorResources.seHours`, 'Vendor SE hours', m.vendorResources, 'seHours', { integer: true }),
      form.text(`${at}.vendorResources.executiveSponsor`, 'Executive sponsor', m.vendorResources, 'executiveSponsor', { maxlength: 120 }),
      form.list(`${at}.targetAccounts`, 'Target accounts', m, 'targetAccounts', { itemLabel: 'Target account', maxlength: 120, addLabel: 'Add account' }));
  },
  toValue: (m) => ({ value: { ...m, targetAccounts: cleanList(m.targetAccounts) } }),
};

// the KPI metrics the revenue section targets (plan.control.RevenueKpis): their targets are entered there only
const REVENUE_FIELDS = { revenue_won: 'closedRevenue', pipeline_created: 'pipeline', deals_registered: 'registeredDeals' };

/** The revenue section's target for KPI `d`, or null when the revenue section does not set that figure. */
function revenueTarget(d, ctx) {
  const field = d && REVENUE_FIELDS[d.sourceKey || d.key];
  const revenue = ctx.plan?.sections?.revenue;
  if (!field || !revenue) return null;
  const value = field === 'registeredDeals' ? revenue.registeredDeals : revenue[field]?.amount;
  return value === null || value === undefined ? null : value;
}

const kpis = {
  key: 'kpis',
  label: 'KPI targets',
  empty: () => [],
  view(v, ctx) {
    const defs = ctx.template?.kpis || [];
    if (!v.length) return h('p', { class: 'slds-text-color_weak' }, 'No KPI targets yet.');
    return scrollTable('KPI targets', ['KPI', 'Target', ...ctx.quarters.map(quarterLabel)], v.map((k) => {
      const d = defs.find((x) => x.key === k.kpiKey);
      const opts = d?.unit === 'CURRENCY' ? { currency: ctx.currency } : { unit: d?.unit };
      const fromRevenue = revenueTarget(d, ctx) !== null;
      return h('tr', { 'data-kpi': k.kpiKey, 'data-from-revenue': fromRevenue ? 'true' : null },
        h('th', { scope: 'row' }, d?.label || k.kpiKey, fromRevenue ? h('span', { class: 'slds-text-body_small jbp-hint' }, ' (revenue section)') : null),
        h('td', {}, formatNumber(k.target, opts)),
        ctx.quarters.map((q, i) => h('td', {}, formatNumber(k.quarterly?.[i], opts))));
    }));
  },
  /** The form has a row per KPI the template defines; a row without a target is left out of the plan. */
  fromValue(v, ctx) {
    const defs = ctx.template?.kpis || [];
    const n = ctx.quarters.length;
    const rows = defs.map((d) => {
      const t = (v || []).find((k) => k.kpiKey === d.key);
      return { kpiKey: d.key, label: d.label, unit: d.unit, target: t ? t.target : null, fromRevenue: revenueTarget(d, ctx),
        quarterly: t?.quarterly ? [...t.quarterly] : Array(n).fill(null) };
    });
    for (const t of v || []) {
      if (!defs.some((d) => d.key === t.kpiKey)) rows.push({ ...clone(t), label: t.kpiKey, unit: null, quarterly: t.quarterly || Array(n).fill(null) });
    }
    return rows;
  },
  edit(m, form, ctx, rerender) {
    if (!m.length) return h('p', { class: 'slds-text-color_weak' }, 'The template defines no KPIs.');
    return scrollTable('KPI targets', ['KPI', 'Target', ...ctx.quarters.map(quarterLabel), h('span', { class: 'slds-assistive-text' }, 'Actions')],
      m.map((k, i) => {
        const p = `sections.kpis[${i}]`;
        const unit = k.unit === 'CURRENCY' ? ` (${ctx.currency})` : k.unit === 'PERCENT' ? ' (%)' : '';
        if (k.fromRevenue !== null && k.fromRevenue !== undefined) {
          const opts = k.unit === 'CURRENCY' ? { currency: ctx.currency } : { unit: k.unit };
          return h('tr', { 'data-kpi': k.kpiKey, 'data-from-revenue': 'true' }, h('th', { scope: 'row' }, `${k.label}${unit}`),
            h('td', { colspan: String(ctx.quarters.length + 2) }, `${formatNumber(k.fromRevenue, opts)}: set in Revenue and pipeline targets, with its quarterly split`));
        }
        return h('tr', { 'data-kpi': k.kpiKey }, h('th', { scope: 'row' }, `${k.label}${unit}`),
          h('td', {}, form.number(`${p}.target`, `${k.label} target for the period`, k, 'target', { hideLabel: true })),
          ctx.quarters.map((q, j) => h('td', {}, form.number(`${p}.quarterly[${j}]`, `${k.label} target for ${quarterLabel(q)}`, k.quarterly, j, { hideLabel: true }))),
          h('td', {}, button('Split equally', () => { k.quarterly = Array(ctx.quarters.length).fill(null); rerender(`[data-field='${p}.target']`); },
            { variant: 'neutral', 'aria-label': `Split the ${k.label} target equally across the quarters when saved` })));
      }));
  },
  /** Only rows with a target go to the API; error paths are mapped back from the sent rows to the form's rows. */
  toValue(m) {
    const sent = [];
    const rowOf = [];
    m.forEach((k, i) => {
      // a target the revenue section sets is not sent a second time; the server fills it in
      if (k.fromRevenue !== null && k.fromRevenue !== undefined) return;
      if (k.target === null || k.target === undefined) return;
      const blank = (k.quarterly || []).every((q) => q === null || q === undefined);
      sent.push({ kpiKey: k.kpiKey, target: k.target, quarterly: blank ? null : k.quarterly });
      rowOf.push(i);
    });
    return { value: sent.length || m.some((k) => k.fromRevenue !== null && k.fromRevenue !== undefined) ? sent : null,
      mapPath: (field) => field.replace(/^sections\.kpis\[(\d+)\]/, (all, n) => `sections.kpis[${rowOf[Number(n)] ?? n}]`) };
  },
};

const vendorCommitments = {
  key: 'vendorCommitments',
  label: 'Vendor commitments',
  empty: () => ({ mdfBudget: null, coSellSupportHours: null, preSalesAvailabilityHours: null, executiveSponsor: null, other: null }),
  view(v, ctx) {
    return h('div', { class: 'jbp-fields' }, readField('MDF budget', money(v.mdfBudget, ctx)),
      readField('Co-sell support hours', formatNumber(v.coSellSupportHours)),
      readField('Pre-sales availability hours', formatNumber(v.preSalesAvailabilityHours)),
      readField('Executive sponsor', text(v.executiveSponsor)), readField('Other commitments', readList(v.other)));
  },
  edit(m, form, ctx) {
    const at = 'vendorCommitments';
    return h('div', { class: 'jbp-fields' },
      form.money(`${at}.mdfBudget`, 'MDF budget', m, 'mdfBudget', ctx.currency),
      form.number(`${at}.coSellSupportHours`, 'Co-sell support hours', m, 'coSellSupportHours', { integer: true }),
      form.number(`${at}.preSalesAvailabilityHours`, 'Pre-sales availability hours', m, 'preSalesAvailabilityHours', { integer: true }),
      form.text(`${at}.executiveSponsor`, 'Executive sponsor', m, 'executiveSponsor', { maxlength: 120 }),
      form.list(`${at}.other`, 'Other commitments', m, 'other', { itemLabel: 'Commitment', addLabel: 'Add commitment' }));
  },
  toValue: (m) => ({ value: { ...m, other: cleanList(m.other) } }),
};

export const SECTIONS = [profile, revenue, campaigns, certifications, coSell, kpis, vendorCommitments];

/** The editable model of a section: a deep copy of what the API holds, or an empty section. */
export function modelOf(section, value, ctx) {
  if (section.fromValue) return section.fromValue(value, ctx);
  return value === null || value === undefined ? section.empty() : clone(value);
}

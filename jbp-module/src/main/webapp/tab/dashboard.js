// The KPI dashboard of a plan (GET /plans/{id}/dashboard and /alerts): planned against actual per KPI and
// revenue target as plain SVG bars with the pace marker (what was expected by today) and the projection;
// open alerts; certification progress; and per campaign whatever fund figures the dashboard carries.
import { h, svg, words, formatNumber } from './dom.js';
import { scrollTable } from './sections.js';

const STATUS = {
  ON_TRACK: ['On track', 'slds-theme_success'],
  AT_RISK: ['At risk', 'slds-theme_warning'],
  OFF_TRACK: ['Off track', 'slds-theme_error'],
};

export function statusBadge(status) {
  const [label, theme] = STATUS[status] || [words(status || 'unknown'), ''];
  return h('span', { class: `slds-badge ${theme} jbp-status-badge`, 'data-status': status || '' }, label);
}

function fmt(line, value, currency) {
  return formatNumber(value, line.unit === 'CURRENCY' ? { currency } : { unit: line.unit });
}

/**
 * One KPI as a bar chart: the planned bar on top, the actual bar below it, a vertical line at the pace
 * (expected by today) and a dashed marker at the projection. Geometry in a 0..100 viewBox so it scales
 * to any width; the same figures are given as text for screen readers and small screens.
 */
function kpiChart(line, currency) {
  const target = Number(line.target ?? 0);
  const actual = Number(line.actual ?? 0);
  const expected = line.expectedToDate === null || line.expectedToDate === undefined ? null : Number(line.expectedToDate);
  const projection = line.projection === null || line.projection === undefined ? null : Number(line.projection);
  const scale = Math.max(1, target, actual, projection ?? 0, expected ?? 0);
  const x = (v) => Math.max(0, Math.min(100, (v / scale) * 100));
  const description = `${line.label}: actual ${fmt(line, line.actual ?? 0, currency)} of ${fmt(line, target, currency)} planned`
    + (expected !== null ? `; expected by today ${fmt(line, expected, currency)}` : '')
    + (projection !== null ? `; projected ${fmt(line, projection, currency)} by period end` : '');
  return svg('svg', { class: 'jbp-chart', viewBox: '0 0 100 30', preserveAspectRatio: 'none', role: 'img',
    'aria-label': description, 'data-kpi-chart': line.key },
  svg('title', {}, description),
  svg('rect', { class: 'jbp-track', x: '0', y: '2', width: '100', height: '10' }),
  svg('rect', { class: 'jbp-planned', 'data-bar': 'planned', x: '0', y: '2', width: x(target).toFixed(2), height: '10' }),
  svg('rect', { class: 'jbp-track', x: '0', y: '16', width: '100', height: '10' }),
  svg('rect', { class: `jbp-actual jbp-actual-${(line.status || '').toLowerCase()}`, 'data-bar': 'actual', x: '0', y: '16',
    width: x(actual).toFixed(2), height: '10' }),
  projection !== null ? svg('line', { class: 'jbp-projection', 'data-marker': 'projection', x1: x(projection).toFixed(2),
    x2: x(projection).toFixed(2), y1: '14', y2: '30', 'vector-effect': 'non-scaling-stroke' }) : null,
  expected !== null ? svg('line', { class: 'jbp-pace', 'data-marker': 'pace', x1: x(expected).toFixed(2), x2: x(expected).toFixed(2),
    y1: '0', y2: '30', 'vector-effect': 'non-scaling-stroke' }) : null);
}

function kpiRow(line, currency) {
  return h('li', { class: 'jbp-kpi', 'data-kpi': line.key },
    h('div', { class: 'jbp-kpi-head' }, h('h4', { class: 'slds-text-title_bold' }, line.label), statusBadge(line.status)),
    kpiChart(line, currency),
    h('dl', { class: 'jbp-kpi-figures' },
      h('dt', {}, 'Planned'), h('dd', {}, fmt(line, line.target, currency)),
      h('dt', {}, 'Actual'), h('dd', { 'data-actual': line.key }, line.actual === null || line.actual === undefined ? 'no actuals yet' : fmt(line, line.actual, currency)),
      h('dt', {}, 'Attainment'), h('dd', {}, line.attainmentPercent === null || line.attainmentPercent === undefined ? '—' : `${formatNumber(line.attainmentPercent)} %`),
      h('dt', {}, 'Expected by today'), h('dd', {}, fmt(line, line.expectedToDate, currency)),
      h('dt', {}, 'Projection'), h('dd', {}, fmt(line, line.projection, currency),
        line.projectionIncludesPipeline ? ' (incl. weighted pipeline)' : '')));
}

const legend = () => h('ul', { class: 'jbp-legend', 'aria-label': 'Chart legend' },
  h('li', {}, h('span', { class: 'jbp-swatch jbp-planned', 'aria-hidden': 'true' }), 'Planned'),
  h('li', {}, h('span', { class: 'jbp-swatch jbp-actual', 'aria-hidden': 'true' }), 'Actual'),
  h('li', {}, h('span', { class: 'jbp-swatch jbp-pace', 'aria-hidden': 'true' }), 'Expected by today (pace)'),
  h('li', {}, h('span', { class: 'jbp-swatch jbp-projection', 'aria-hidden': 'true' }), 'Projection at period end'));

const KNOWN_CAMPAIGN_FIELDS = new Set(['key', 'name', 'startDate', 'endDate', 'mdfRequested', 'ended']);

/** Campaign funds: the known columns, plus any fund status fields the dashboard adds (rendered when present). */
function fundsTable(campaigns, currency) {
  const extra = [...new Set(campaigns.flatMap((c) => Object.keys(c).filter((k) => !KNOWN_CAMPAIGN_FIELDS.has(k))))];
  const show = (k, v) => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && /amount|mdf|fund|claim|paid|approved/i.test(k))) {
      return /count|number/i.test(k) ? formatNumber(v) : formatNumber(v, { currency });
    }
    if (typeof v === 'boolean') return v ? 'Yes' : 'No';
    if (typeof v === 'object') return v.amount !== undefined ? formatNumber(v.amount, { currency: v.currency || currency }) : JSON.stringify(v);
    return /^[A-Z_]+$/.test(v) ? words(v) : String(v);
  };
  return scrollTable('Campaign funds', ['Campaign', 'Dates', 'MDF requested', 'Ended', ...extra.map(words)],
    campaigns.map((c) => h('tr', { 'data-campaign': c.key || '' }, h('th', { scope: 'row' }, c.name),
      h('td', {}, `${c.startDate} to ${c.endDate}`), h('td', {}, formatNumber(c.mdfRequested, { currency })),
      h('td', {}, c.ended ? 'Yes' : 'No'), extra.map((k) => h('td', { 'data-fund-field': k }, show(k, c[k]))))));
}

function certificationsList(certs) {
  return h('ul', { class: 'jbp-certs' }, certs.map((c) => {
    const pct = Math.max(0, Math.min(100, Number(c.attainmentPercent ?? 0)));
    return h('li', { 'data-role': c.role },
      h('div', { class: 'jbp-kpi-head' }, h('span', {}, `${words(c.role)} · ${c.track}`),
        h('span', { class: 'slds-text-body_small' }, `${formatNumber(c.completed)} of ${c.target} by ${c.dueDate}`)),
      h('div', { class: 'slds-progress-bar slds-progress-bar_medium', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
        'aria-valuenow': String(Math.round(pct)), 'aria-label': `${words(c.role)} ${c.track}: ${Math.round(pct)} % certified` },
      h('span', { class: 'slds-progress-bar__value', css: { width: `${pct}%` } },
        h('span', { class: 'slds-assistive-text' }, `Progress: ${Math.round(pct)} %`))));
  }));
}

export function dashboardCard(dashboard, alerts, currency, card) {
  if (!dashboard) return card('KPI dashboard', h('p', {}, 'The dashboard is not available for this plan.'));
  // a revenue target that a KPI of the template measures too is one target (entered once, in the revenue
  // section): shown once, as the KPI
  const measured = new Set((dashboard.kpis || []).map((l) => l.metric));
  const targets = (dashboard.targets || []).filter((l) => !measured.has(l.metric));
  const lines = [...(dashboard.kpis || []), ...targets];
  const open = (alerts || []).filter((a) => a.status === 'OPEN');
  const synced = dashboard.lastSyncedAt ? new Date(dashboard.lastSyncedAt).toLocaleString() : 'never';
  const elapsed = Math.round(Number(dashboard.elapsedShare ?? 0) * 100);
  return card('KPI dashboard',
    h('p', { class: 'slds-text-body_small jbp-synced', 'data-synced': dashboard.lastSyncedAt || '' },
      `As of ${dashboard.asOf} · ${elapsed} % of the period elapsed · last synced from Salesforce: ${synced}`),
    open.length ? h('div', { class: 'jbp-alerts', role: 'region', 'aria-label': 'Open KPI alerts' },
      h('h3', { class: 'slds-text-heading_small' }, `Open alerts (${open.length})`),
      h('ul', {}, open.map((a) => h('li', { class: 'slds-notify slds-notify_alert slds-alert_warning', 'data-alert': a.kpiKey },
        `${a.message || `${a.kpiKey} is below ${formatNumber(a.thresholdPercent)} % of its expected pace`}`
        + ` (opened ${new Date(a.openedAt).toLocaleDateString()})`)))) : null,
    lines.length ? legend() : h('p', {}, 'No KPI targets to track yet.'),
    (dashboard.kpis || []).length ? [h('h3', { class: 'slds-text-heading_small' }, 'KPIs of the template'),
      h('ul', { class: 'jbp-kpis', 'aria-label': 'Planned versus actual per KPI' }, dashboard.kpis.map((l) => kpiRow(l, currency)))] : null,
    targets.length ? [h('h3', { class: 'slds-text-heading_small slds-m-top_small' }, 'Revenue and pipeline targets'),
      h('ul', { class: 'jbp-kpis', 'aria-label': 'Planned versus actual per revenue target' }, targets.map((l) => kpiRow(l, currency)))] : null,
    dashboard.certifications && dashboard.certifications.length
      ? [h('h3', { class: 'slds-text-heading_small slds-m-top_medium' }, 'Certification progress by role'), certificationsList(dashboard.certifications)] : null,
    dashboard.campaigns && dashboard.campaigns.length
      ? [h('h3', { class: 'slds-text-heading_small slds-m-top_medium' }, 'Campaign funds'),
        dashboard.mdfClaimed !== null && dashboard.mdfClaimed !== undefined
          ? h('p', { class: 'slds-text-body_small' }, `MDF claimed so far: ${formatNumber(dashboard.mdfClaimed, { currency })}`) : null,
        fundsTable(dashboard.campaigns, currency)] : null);
}

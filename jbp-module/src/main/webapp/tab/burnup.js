// Burn-up per headline KPI of a plan (GET /plans/{id}/burn-up): the actual as it grew over the period (the stored
// time series of changes), the planned pace quarter by quarter and the projection to the period's end, quarter
// boundaries marked. Plain SVG: colours and sizes are SVG attributes because the tab's Content-Security-Policy
// forbids inline styles. The figures of each chart are also a table, inside a details element.
import { h, svg, uid, formatNumber } from './dom.js';
import { scrollTable } from './sections.js';

const WIDTH = 600;
const HEIGHT = 230;
const LEFT = 84;
const RIGHT = 14;
const TOP = 34;
const BOTTOM = 30;
// SLDS palette, each at least 3:1 against white (WCAG 1.4.11 for graphics)
const COLOUR = { pace: '#706e6b', actual: '#0176d3', projection: '#a96404', axis: '#747474', text: '#181818' };

const day = (iso) => Date.parse(`${iso}T00:00:00Z`);
const dateLabel = (iso) => new Date(day(iso)).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short' });

function fmt(chart, value, currency) {
  return formatNumber(value, chart.unit === 'CURRENCY' ? { currency } : { unit: chart.unit });
}

/** Every date of any series, with each series' value on it (undefined where it has none): the figures table. */
export function burnUpRows(chart) {
  const dates = [...new Set([...chart.actual, ...chart.pace, ...chart.projection].map((p) => p.date))].sort();
  const at = (series, d) => {
    const found = series.filter((p) => p.date === d);
    return found.length ? found[found.length - 1].value : undefined;
  };
  return dates.map((d) => ({ date: d, actual: at(chart.actual, d), pace: at(chart.pace, d), projection: at(chart.projection, d) }));
}

function chartSvg(chart, currency) {
  const start = day(chart.start);
  const span = Math.max(1, day(chart.end) - start);
  const values = [chart.target, ...chart.actual.map((p) => p.value), ...chart.pace.map((p) => p.value),
    ...chart.projection.map((p) => p.value)].map(Number).filter((v) => !Number.isNaN(v));
  const top = Math.max(1, ...values) * 1.05;
  const x = (iso) => (LEFT + ((WIDTH - LEFT - RIGHT) * (day(iso) - start)) / span).toFixed(1);
  const y = (v) => (HEIGHT - BOTTOM - ((HEIGHT - TOP - BOTTOM) * Number(v)) / top).toFixed(1);
  const line = (points) => points.map(([d, v]) => `${x(d)},${y(v)}`).join(' ');
  // the actual holds its value until the next change, and up to today
  const steps = [];
  chart.actual.forEach((p, i) => {
    if (i > 0) steps.push([p.date, chart.actual[i - 1].value]);
    steps.push([p.date, p.value]);
  });
  const today = chart.asOf < chart.end ? chart.asOf : chart.end;
  const last = chart.actual[chart.actual.length - 1];
  if (last && last.date < today) steps.push([today, last.value]);
  const current = last ? fmt(chart, last.value, currency) : fmt(chart, 0, currency);
  const end = chart.projection.length ? chart.projection[chart.projection.length - 1] : null;
  const titleId = uid('jbp-burnup-title');
  const descId = uid('jbp-burnup-desc');
  const description = `Actual ${current} against a planned ${fmt(chart, chart.target, currency)} by ${chart.end}`
    + (end ? `; projected ${fmt(chart, end.value, currency)} at the period's end` : '')
    + '. The figures follow in a table.';
  const ticks = [0, 1, 2, 3, 4].map((i) => (top * i) / 4);
  return svg('svg', { class: 'jbp-burnup', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, 'data-burnup': chart.key, 'font-family': 'inherit', 'font-size': '11' },
  svg('title', { id: titleId }, `Burn-up of ${chart.label}`),
  svg('desc', { id: descId }, description),
  svg('g', { 'aria-hidden': 'true' },
    ticks.map((v) => [
      svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(v), y2: y(v), stroke: '#e5e5e5', 'stroke-width': '1' }),
      svg('text', { x: LEFT - 6, y: Number(y(v)) + 4, 'text-anchor': 'end', fill: COLOUR.text }, fmt(chart, Math.round(v), currency))]),
    svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: HEIGHT - BOTTOM, y2: HEIGHT - BOTTOM, stroke: COLOUR.axis }),
    (chart.quarterStarts || []).map((q, i) => [
      i > 0 ? svg('line', { 'data-quarter': String(i + 1), x1: x(q), x2: x(q), y1: TOP - 4, y2: HEIGHT - BOTTOM,
        stroke: COLOUR.axis, 'stroke-dasharray': '2 3' }) : null,
      svg('text', { x: Number(x(q)) + 4, y: TOP + 8, fill: COLOUR.text }, `Q${i + 1}`),
      svg('text', { x: x(q), y: HEIGHT - BOTTOM + 16, 'text-anchor': i === 0 ? 'start' : 'middle', fill: COLOUR.text }, dateLabel(q))]),
    svg('polyline', { 'data-series': 'pace', points: line(chart.pace.map((p) => [p.date, p.value])), fill: 'none',
      stroke: COLOUR.pace, 'stroke-width': '2' }),
    svg('polyline', { 'data-series': 'actual', points: line(steps), fill: 'none', stroke: COLOUR.actual, 'stroke-width': '3' }),
    chart.projection.length ? svg('polyline', { 'data-series': 'projection', points: line(chart.projection.map((p) => [p.date, p.value])),
      fill: 'none', stroke: COLOUR.projection, 'stroke-width': '2', 'stroke-dasharray': '6 4' }) : null,
    chart.asOf >= chart.start && chart.asOf <= chart.end ? svg('line', { 'data-marker': 'today', x1: x(chart.asOf), x2: x(chart.asOf),
      y1: TOP - 4, y2: HEIGHT - BOTTOM, stroke: COLOUR.text, 'stroke-width': '1' }) : null,
    legend(LEFT, 'Planned pace', COLOUR.pace, false),
    legend(LEFT + 130, 'Actual', COLOUR.actual, false),
    legend(LEFT + 220, 'Projection', COLOUR.projection, true)));
}

function legend(x, label, colour, dashed) {
  return [svg('line', { x1: x, x2: x + 18, y1: 10, y2: 10, stroke: colour, 'stroke-width': '3',
    'stroke-dasharray': dashed ? '6 4' : null }),
  svg('text', { x: x + 24, y: 14, fill: COLOUR.text }, label)];
}

function figures(chart, currency) {
  const caption = `Figures of the burn-up of ${chart.label}`;
  const cell = (v) => (v === undefined ? '—' : fmt(chart, v, currency));
  return h('details', { class: 'jbp-burnup-figures slds-m-bottom_small', 'data-burnup-figures': chart.key },
    h('summary', {}, caption),
    scrollTable(caption, ['Date', 'Actual', 'Planned pace', 'Projection'], burnUpRows(chart).map((r) => h('tr', { 'data-date': r.date },
      h('th', { scope: 'row' }, r.date), h('td', {}, cell(r.actual)), h('td', {}, cell(r.pace)), h('td', {}, cell(r.projection))))));
}

/** The trends card of a plan's page: a chart and its figures per headline KPI with a target. */
export function burnUpCard(charts, currency, card) {
  const drawn = (charts || []).filter((c) => c.target !== null && c.target !== undefined);
  if (!drawn.length) return card('Trends: burn-up per KPI', h('p', {}, 'No KPI with a target to chart yet.'));
  return card('Trends: burn-up per KPI',
    h('p', { class: 'slds-text-body_small' }, 'The actual as it grew, against the planned pace and the projection to the period\'s end; dotted lines mark the quarters.'),
    h('ul', { class: 'jbp-burnups', 'aria-label': 'Burn-up per KPI' }, drawn.map((c) => h('li', { 'data-burnup-kpi': c.key },
      h('h3', { class: 'slds-text-title_bold slds-m-top_small' }, c.label), chartSvg(c, currency), figures(c, currency)))));
}

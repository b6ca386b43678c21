// The admin's page: sync runs with their progress (GET/POST /sync/runs), the CRM writes that stopped with a
// recorded retry (/crm/write-failures, then a delivery pass POST /crm/writes/deliveries) and the plan templates
// with their versions (/templates, a new version saved with If-Match). While a run is RUNNING the sync card
// refreshes itself; it stops as soon as the run ends or the page is left.
import { h, button, modal, uid, words, formatNumber } from './dom.js';
import { Form } from './form.js';
import { scrollTable } from './sections.js';
import { icon, statusBadge, progressBar } from './slds.js';

const PHASES = ['PARTNERS', 'FACTS', 'ACTUALS', 'ALERTS'];
const RESUMABLE = new Set(['FAILED', 'LIMIT_REACHED', 'ABANDONED', 'QUERY_TIMEOUT']);
const POLL_MS = 1500;
let pollTimer = null;

const when = (instant) => (instant ? new Date(instant).toLocaleString() : '—');

/** How far a run is: its phases in order, and within the current one the items done of its total. */
export function runProgress(run) {
  if (run.status === 'COMPLETED' || run.phase === 'DONE') return { percent: 100, phaseNumber: PHASES.length };
  const index = Math.max(0, PHASES.indexOf(run.phase));
  const within = run.itemsTotal > 0 ? Math.min(1, run.itemsDone / run.itemsTotal) : 0;
  return { percent: ((index + within) / PHASES.length) * 100, phaseNumber: index + 1 };
}


// a template version's author by name from the user directory; an id never reaches the admin
const author = (v) => v.createdByName || 'a user Salesforce has not named yet';

function budgetText(run) {
  if (run.apiRemainingToday === null || run.apiRemainingToday === undefined) return 'the org\'s daily API budget is not read yet';
  return `${formatNumber(run.apiRemainingToday)} of ${formatNumber(run.apiLimitToday)} API requests left today in the org`;
}

function progressText(run) {
  const { phaseNumber } = runProgress(run);
  const phase = run.phase === 'DONE' ? 'all phases done'
    : `phase ${phaseNumber} of ${PHASES.length}: ${words(run.phase)}, ${formatNumber(run.itemsDone)} of ${formatNumber(run.itemsTotal)} items`;
  return `${phase} · ${formatNumber(run.apiCalls)} API calls · ${budgetText(run)}`;
}

/** Mounts the admin page into `target`; `deps` are the tab's api, card, say and showError. */
export async function adminView(target, deps) {
  const { card, say } = deps;
  const heading = (text, name) => h('span', { class: 'jbp-title-icon' }, icon(name, { size: 'small' }), text);
  const syncBody = h('div', { 'data-admin': 'sync' }, h('p', {}, 'Loading sync runs…'));
  const writesBody = h('div', { 'data-admin': 'writes' }, h('p', {}, 'Loading CRM writes…'));
  const templatesBody = h('div', { 'data-admin': 'templates' }, h('p', {}, 'Loading templates…'));
  target.replaceChildren(h('div', { class: 'jbp-stack' },
    h('div', { class: 'jbp-button-row' }, button('Portfolio', deps.back, { 'data-admin-back': 'portfolio' })),
    card(heading('Sync runs', 'sync'), syncBody),
    card(heading('CRM writes that stopped', 'error'), writesBody),
    card(heading('Plan templates', 'file'), templatesBody)));
  const page = { ...deps, syncBody, writesBody, templatesBody, lastStatus: null };
  await Promise.all([showRuns(page), showWrites(page), showTemplates(page)]);
  say('Administration loaded');
}

// ---------------------------------------------------------------- sync runs

async function showRuns(page) {
  clearTimeout(pollTimer);
  const { api, syncBody, say } = page;
  let runs;
  try {
    ({ json: runs } = await api('/sync/runs?limit=10'));
  } catch (e) {
    syncBody.replaceChildren(h('p', { role: 'alert' }, `Sync runs could not be loaded: ${e.message}`));
    return;
  }
  const latest = runs[0] || null;
  const notice = h('div', { class: 'jbp-form-summary', 'aria-live': 'polite' });
  const start = (mode) => button(`Start ${mode} run`, async () => {
    notice.replaceChildren();
    try {
      await api('/sync/runs', { method: 'POST', body: { mode } });
      await showRuns(page);
      say(`Sync run started (${mode})`);
    } catch (e) {
      notice.replaceChildren(h('div', { class: 'slds-notify slds-notify_alert slds-alert_warning', role: 'alert' }, `No run started: ${e.message}`));
    }
  }, { variant: mode === 'incremental' ? 'brand' : 'neutral', 'data-start-run': mode });
  const resume = latest && RESUMABLE.has(latest.status) ? button('Resume the last run', async () => {
    try {
      await api(`/sync/runs/${latest.id}/restart`, { method: 'POST' });
      await showRuns(page);
      say('Sync run resumed');
    } catch (e) {
      notice.replaceChildren(h('div', { class: 'slds-notify slds-notify_alert slds-alert_warning', role: 'alert' }, `Not resumed: ${e.message}`));
    }
  }, { 'data-resume-run': latest.id }) : null;
  const current = latest ? h('div', { class: 'jbp-run', 'data-sync-run': latest.id, 'data-run-status': latest.status },
    h('div', { class: 'jbp-card-head' }, h('p', { class: 'slds-text-title_bold' }, `Latest run, ${words(latest.mode)}`), statusBadge(latest.status)),
    progressBar(runProgress(latest).percent, 'Progress of the latest sync run', progressText(latest)),
    latest.leaseExpired ? h('p', { class: 'slds-text-color_error' }, 'Its instance stopped renewing the lease; another instance takes it over or the next run marks it abandoned.') : null,
    latest.errors ? h('details', {}, h('summary', {}, 'Errors'), h('pre', { class: 'jbp-json' }, latest.errors)) : null)
    : h('p', {}, 'No sync has run yet.');
  // names from the user directory; the scheduler's runs say so; an id never reaches the admin
  const requester = (r) => r.requestedByName
    || (r.requestedBy === 'scheduler' ? 'the scheduler' : 'a user Salesforce has not named yet');
  const rows = runs.map((r) => h('tr', { 'data-run': r.id },
    h('th', { scope: 'row' }, when(r.startedAt)),
    h('td', {}, words(r.mode)),
    h('td', {}, statusBadge(r.status)),
    h('td', {}, words(r.phase)),
    h('td', {}, `${formatNumber(r.itemsDone)} of ${formatNumber(r.itemsTotal)}`),
    h('td', {}, formatNumber(r.apiCalls)),
    h('td', {}, requester(r)),
    h('td', {}, when(r.endedAt))));
  // replaceChildren would write a null as the text "null"
  syncBody.replaceChildren(...[current, notice,
    h('div', { class: 'jbp-button-row' }, start('incremental'), start('full'), resume),
    runs.length ? scrollTable('Recent sync runs, newest first', ['Started', 'Mode', 'Status', 'Phase', 'Items', 'API calls', 'Requested by', 'Ended'], rows) : null]
    .filter(Boolean));
  if (latest && page.lastStatus === 'RUNNING' && latest.status !== 'RUNNING') say(`Sync run ${words(latest.status).toLowerCase()}`);
  page.lastStatus = latest ? latest.status : null;
  if (latest && latest.status === 'RUNNING') {
    pollTimer = setTimeout(() => { if (syncBody.isConnected) showRuns(page); }, POLL_MS);
  }
}

// ---------------------------------------------------------------- CRM writes

function targetCell(t) {
  return h('td', { class: 'jbp-target' }, h('span', { class: 'slds-text-title_bold' }, t.object), h('br'),
    h('span', { class: 'slds-text-body_small' }, `external id ${t.externalId}`),
    t.crmId ? h('span', { class: 'slds-text-body_small' }, ` · Salesforce id ${t.crmId}`) : null,
    t.relatedId ? h('span', { class: 'slds-text-body_small' }, ` · for ${t.relatedId}`) : null);
}

async function showWrites(page, focusAfter = false) {
  const { api, writesBody, say, showError } = page;
  let failures;
  try {
    ({ json: failures } = await api('/crm/write-failures?size=100'));
  } catch (e) {
    writesBody.replaceChildren(h('p', { role: 'alert' }, `CRM writes could not be loaded: ${e.message}`));
    return;
  }
  const outcome = async (label, request, writeId) => {
    try {
      await request();
      // the retried writes are due now: one delivery pass sends them, so the admin sees the outcome at once
      await api('/crm/writes/deliveries', { method: 'POST' });
      const after = writeId ? (await api(`/crm/writes/${writeId}`)).json : null;
      await showWrites(page, true);
      say(after ? (after.status === 'DELIVERED' ? 'The write was delivered to Salesforce'
        : `The write was sent again and is ${words(after.status).toLowerCase()}${after.lastErrorCode ? ` (${after.lastErrorCode})` : ''}`)
        : `${label} done`);
    } catch (e) {
      showError(`${label} failed: ${e.message}`);
      await showWrites(page, true);
      say(`${label} failed`);
    }
  };
  const rows = failures.items.map((w) => h('tr', { 'data-write': w.id, 'data-write-status': w.status },
    h('th', { scope: 'row' }, words(w.kind), h('br'), h('span', { class: 'slds-text-body_small' }, `queued ${when(w.createdAt)}`)),
    targetCell(w.target),
    h('td', { class: 'jbp-error-cell' }, h('span', { class: 'slds-text-title_bold' }, w.lastErrorCode || '—'), h('br'), w.lastErrorMessage || ''),
    h('td', {}, String(w.attempts)),
    h('td', {}, statusBadge(w.status, { label: w.status === 'PENDING' ? `Retrying ${when(w.nextAttemptAt)}` : words(w.status) })),
    h('td', {}, String(w.retries)),
    h('td', {}, button('Retry', () => outcome('Retry', () => api(`/crm/write-failures/${w.id}/retries`, { method: 'POST' }), w.id),
      { 'data-retry': w.id, 'aria-label': `Retry ${words(w.kind).toLowerCase()} ${w.target.externalId}` }))));
  const heading = h('p', { tabindex: '-1', class: 'jbp-writes-count', 'data-writes-total': String(failures.total) },
    failures.total === 0 ? 'No CRM write has stopped.' : `${failures.total} write${failures.total === 1 ? '' : 's'} stopped`
      + (failures.items.length < failures.total ? `, the ${failures.items.length} newest shown` : ''));
  writesBody.replaceChildren(...[heading,
    failures.total ? h('div', { class: 'jbp-button-row' }, button(`Retry all (${failures.total})`,
      () => outcome('Retry all', () => api('/crm/write-failures/retries', { method: 'POST' })), { variant: 'brand', 'data-retry-all': 'all' })) : null,
    failures.items.length ? scrollTable('CRM writes that stopped: failed first, then those backing off',
      ['Write', 'Target record', 'Error', 'Attempts', 'Status', 'Retries', h('span', { class: 'slds-assistive-text' }, 'Actions')], rows) : null]
    .filter(Boolean));
  // the row with the pressed button may be gone: focus stays in the card instead of falling to the page
  if (focusAfter) heading.focus();
}

// ---------------------------------------------------------------- templates

async function showTemplates(page) {
  const { api, templatesBody } = page;
  let templates;
  try {
    ({ json: templates } = await api('/templates'));
  } catch (e) {
    templatesBody.replaceChildren(h('p', { role: 'alert' }, `Templates could not be loaded: ${e.message}`));
    return;
  }
  const detail = h('div', { 'data-template-detail': '', 'aria-live': 'polite' });
  const rows = templates.map((t) => h('tr', { 'data-template': t.id },
    h('th', { scope: 'row' }, button(t.definition.name, () => showTemplate(page, detail, t.id), { variant: 'reset', class: 'slds-button', 'data-open-template': t.id })),
    h('td', {}, words(t.definition.planType)),
    h('td', {}, (t.definition.tiers || []).join(', ')),
    h('td', {}, (t.definition.partnerTypes || []).join(', ') || 'any'),
    h('td', {}, `v${t.version}`),
    h('td', {}, `${when(t.createdAt)} by ${author(t)}`)));
  templatesBody.replaceChildren(templates.length
    ? scrollTable('Plan templates, newest version of each', ['Name', 'Plan type', 'Tiers', 'Partner types', 'Version', 'Saved'], rows)
    : h('p', {}, 'No template yet.'), detail);
}

function definitionList(d) {
  const list = (items) => (items && items.length ? items.join(', ') : '—');
  return h('dl', { class: 'jbp-kv' }, [
    ['Plan type', words(d.planType)], ['Tiers', list(d.tiers)], ['Partner types', list(d.partnerTypes)],
    ['Required sections', list((d.requiredSections || []).map(words))], ['Optional sections', list((d.optionalSections || []).map(words))],
    ['KPIs', list((d.kpis || []).map((k) => `${k.label || k.key} (${words(k.unit)})`))],
    ['Approval chain', list((d.approvalChain || []).map((s) => `${s.name}${s.slaHours ? `, ${s.slaHours} h` : ''}`))],
    ['Partner acceptance', d.partnerAcceptance ? 'yes' : 'no'], ['Review cadence', words(d.reviewCadence)],
  ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

async function showTemplate(page, detail, id, version) {
  const { api, say } = page;
  try {
    const [{ json: versions }, { json: shown, etag }] = await Promise.all([api(`/templates/${id}/versions`),
      api(`/templates/${id}${version ? `?version=${version}` : ''}`)]);
    const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const pick = h('select', { class: 'slds-select', id: uid('jbp-version'), onchange: (e) => showTemplate(page, detail, id, Number(e.target.value)) },
      versions.map((v) => h('option', { value: String(v.version), selected: v.version === shown.version },
        `v${v.version}, ${when(v.createdAt)} by ${author(v)}`)));
    const edit = shown.version === newest.version
      ? button('Edit as a new version', () => editTemplate(page, detail, shown, etag), { variant: 'brand', 'data-edit-template': id })
      : h('p', { class: 'slds-text-body_small' }, 'Older versions are kept as they were; plans made from them keep them.');
    detail.replaceChildren(h('section', { class: 'jbp-template', 'aria-label': `Template ${shown.definition.name}`, 'data-template-version': String(shown.version) },
      h('h3', { class: 'slds-text-heading_small slds-m-top_small' }, `${shown.definition.name}, version ${shown.version}`),
      h('div', { class: 'slds-form-element' }, h('label', { class: 'slds-form-element__label', for: pick.id }, 'Version'),
        h('div', { class: 'slds-form-element__control' }, h('div', { class: 'slds-select_container' }, pick))),
      definitionList(shown.definition), h('div', { class: 'jbp-button-row' }, edit)));
    say(`Template ${shown.definition.name} version ${shown.version} shown`);
  } catch (e) {
    detail.replaceChildren(h('p', { role: 'alert' }, `The template could not be loaded: ${e.message}`));
  }
}

/** The API saves a whole definition as the next version: edited here as its JSON, checked by the server. */
function editTemplate(page, detail, shown, etag) {
  const { api, say } = page;
  const dialog = modal(`Edit ${shown.definition.name} (saved as version ${shown.version + 1})`);
  dialog.dialog.setAttribute('data-dialog', 'edit-template');
  const form = new Form();
  const model = { json: JSON.stringify(shown.definition, null, 2) };
  const area = form.textarea('definition', 'Template definition (JSON)', model, 'json', { rows: 16,
    hint: 'Plans already made keep the version they were made from.' });
  const save = h('button', { type: 'submit', class: 'slds-button slds-button_brand', 'data-confirm': 'edit-template' }, 'Save new version');
  const element = h('form', { novalidate: true, id: uid('jbp-edit-template'), 'aria-label': 'Edit the template', onsubmit: async (e) => {
    e.preventDefault();
    form.clearErrors();
    let definition;
    try {
      definition = JSON.parse(model.json || '');
    } catch (err) {
      form.showErrors([{ field: 'definition', message: `Not valid JSON: ${err.message}` }], 'The definition is not valid JSON.');
      return;
    }
    save.disabled = true;
    try {
      const { json: saved } = await api(`/templates/${shown.id}`, { method: 'PUT', body: definition, headers: etag ? { 'If-Match': etag } : {} });
      dialog.close();
      await showTemplates(page);
      await showTemplate(page, page.templatesBody.querySelector('[data-template-detail]'), saved.id);
      say(`Template saved as version ${saved.version}`);
    } catch (err) {
      save.disabled = false;
      if (err.problem?.errors?.length) form.showErrors(err.problem.errors, `Not saved: ${err.message}`);
      else form.showMessage(h('div', { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' }, `Not saved: ${err.message}`));
    }
  } }, form.summary, area);
  save.setAttribute('form', element.id);
  dialog.body.replaceChildren(element);
  dialog.footer.replaceChildren(button('Cancel', dialog.close), save);
  return detail;
}

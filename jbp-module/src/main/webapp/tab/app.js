// The plan tab. The bearer token arrives once in #jbp-boot, is kept in this module's memory only (no cookie,
// no storage), renewed before it expires, and sent in the Authorization header: nothing for CSRF to ride on.
import { h, button, modal, uid, words } from './dom.js';
import { Form } from './form.js';
import { SECTIONS, modelOf, scrollTable } from './sections.js';
import { dashboardCard } from './dashboard.js';
import { burnUpCard } from './burnup.js';
import { queueTable } from './queue.js';
import { homeCards, nextStepsCard } from './home.js';
import { workspaceFields, actionsFields, workspaceErrors, workspaceBody, reviewsCard } from './review.js';
import { adminView } from './admin.js';
import { lifecyclePath, statusBadge } from './slds.js';

const bootElement = document.getElementById('jbp-boot');
const boot = JSON.parse(bootElement.textContent);
bootElement.remove();
let token = boot.token;
const ctxPath = document.getElementById('jbp-main').dataset.ctx;
const API = `${ctxPath}/api/v1`;
const main = document.getElementById('jbp-main');
const alertBox = document.getElementById('jbp-alert');
const statusBox = document.getElementById('jbp-status');
const groups = new Set(boot.user.groups);
// editing: section key -> { model, conflict } for every open section form, so a reload of the plan keeps what
// the user typed (after their own save of another section, or after a conflict with someone else's save)
const state = { accountId: boot.accountId || null, planId: null, etag: null, editing: new Map() };

function say(message) {
  // cleared first so that the same message twice is announced twice
  statusBox.textContent = '';
  statusBox.textContent = message;
}
function showError(message, reload) {
  alertBox.replaceChildren(h('div', { class: 'jbp-error slds-notify slds-notify_alert slds-alert_error' }, message,
    reload ? button('Reload plan', () => openPlan(state.planId), { variant: 'inverse', class: 'slds-button slds-button_inverse slds-m-left_small' }) : null));
}
function clearError() { alertBox.replaceChildren(); }

async function api(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
  const response = await fetch(`${API}${path}`, {
    method, credentials: 'omit', cache: 'no-store',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  if (raw) return response;
  const text = await response.text();
  const json = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || `${response.status}`);
    error.status = response.status;
    error.problem = typeof json === 'object' ? json : null;
    throw error;
  }
  return { json, etag: response.headers.get('ETag') };
}

// The Canvas SDK the org serves (boot.sdkUrl) gives a fresh signed request on demand; the server trades it,
// after checking its OAuth token with Salesforce, for the next tab token. So the tab lives exactly as long as
// the user's Salesforce session. The demo login has no Salesforce and renews its token as it is.
function loadSdk() {
  if (window.Sfdc && window.Sfdc.canvas) return Promise.resolve(window.Sfdc.canvas);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = boot.sdkUrl;
    script.onload = () => (window.Sfdc && window.Sfdc.canvas ? resolve(window.Sfdc.canvas) : reject(new Error('no SDK')));
    script.onerror = () => reject(new Error('the Canvas SDK did not load'));
    document.head.append(script);
  });
}
function freshSignedRequest() {
  return loadSdk().then((canvas) => new Promise((resolve, reject) => {
    canvas.client.refreshSignedRequest((data) => (data && data.status === 200 && data.payload && data.payload.response
      ? resolve(data.payload.response) : reject(new Error(`refreshSignedRequest answered ${data && data.status}`))));
  }));
}
async function renew() {
  try {
    const body = boot.demo ? {} : { signedRequest: await freshSignedRequest() };
    const { json } = await api('/canvas/session', { method: 'POST', body });
    token = json.token;
    setTimeout(renew, json.refreshInSeconds * 1000);
  } catch (e) {
    if (e.status === 503) { setTimeout(renew, 30000); return; }
    showError('Your Salesforce session has ended. Reopen the tab to continue.');
  }
}
setTimeout(renew, boot.refreshInSeconds * 1000);
if (!boot.demo) loadSdk().catch(() => {}); // early, so a renewal does not wait for the download

function card(title, ...content) {
  const id = uid('card');
  return h('section', { class: 'jbp-card slds-card', 'aria-labelledby': id },
    h('div', { class: 'slds-card__header' }, h('h2', { id, class: 'slds-card__header-title slds-text-heading_small' }, title)),
    h('div', { class: 'slds-card__body slds-card__body_inner' }, ...content));
}

function kv(pairs) {
  return h('dl', { class: 'jbp-kv' }, pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

// keyed by the API's section names (PlanSections), which are also the comment thread sections
const SECTION_LABELS = Object.fromEntries([...SECTIONS.map((s) => [s.key, s.label]), ['general', 'General']]);
const SECTION_ENUM = { PROFILE: 'profile', REVENUE: 'revenue', CAMPAIGNS: 'campaigns', CERTIFICATIONS: 'certifications',
  CO_SELL: 'coSell', KPIS: 'kpis' };
/** The section a field path such as sections.campaigns[0].name belongs to. */
const sectionOf = (path) => path.replace(/^sections\./, '').replace(/\[.*$/, '');

async function start() {
  document.getElementById('jbp-who').textContent =
    `${boot.user.name} · ${[...groups].join(', ')}${boot.demo ? ' · demo mode' : ''}`;
  if (boot.view === 'portfolio' || !state.accountId) return portfolio();
  return account(state.accountId);
}

async function portfolio() {
  main.replaceChildren(h('p', {}, 'Loading portfolio…'));
  const managesPartners = groups.has('channel-manager') || groups.has('jbp-admin');
  const [{ json: plans }, { json: queue }, home] = await Promise.all([api('/plans'), api('/approvals/waiting?limit=200'),
    managesPartners ? api('/home?limit=200').then((r) => r.json) : null]);
  const byPartner = new Map();
  for (const p of plans) {
    if (!byPartner.has(p.partnerAccountId)) byPartner.set(p.partnerAccountId, []);
    byPartner.get(p.partnerAccountId).push(p);
  }
  const rows = [...byPartner.entries()].map(([acc, list]) => h('tr', {},
    h('th', { scope: 'row' }, button(list[0].partnerName || acc, () => account(acc), { variant: 'reset', class: 'slds-button' })),
    h('td', {}, String(list.length)),
    h('td', {}, list.map((p) => `${p.title} (${words(p.status)})`).join('; '))));
  const waiting = queue.total > 0 || groups.has('approver')
    ? card(`Waiting for me (${queue.total})`, queueTable(queue, (item) => account(item.partnerAccountId, item.planId))) : null;
  const daily = home ? homeCards(home, (plan) => account(plan.partnerAccountId, plan.planId), card) : [];
  const administration = groups.has('jbp-admin') ? h('div', { class: 'jbp-button-row' },
    button('Administration: sync, CRM writes, templates', administer, { variant: 'brand', 'data-admin-open': 'admin' })) : null;
  main.replaceChildren(h('div', { class: 'jbp-stack' }, administration, waiting, ...daily, card('Portfolio', plans.length === 0 ? h('p', {}, 'No plans yet.')
    : scrollTable('Partners and their plans', ['Partner', 'Plans', 'Titles and status'], rows))));
  say('Portfolio loaded');
}

/** The admin's page (admin.js): sync runs, CRM writes that stopped, templates; back to the portfolio. */
async function administer() {
  clearError();
  main.replaceChildren(h('p', {}, 'Loading administration…'));
  await adminView(main, { api, card, say, showError, back: portfolio });
}

async function account(accountId, preferPlanId) {
  state.accountId = accountId;
  main.replaceChildren(h('p', {}, 'Loading plans…'));
  const partnerUser = groups.has('partner');
  const [{ json: plans }, next] = await Promise.all([api(`/partners/${encodeURIComponent(accountId)}/plans`),
    partnerUser ? api('/home/partner').then((r) => r.json) : null]);
  const list = h('ul', { class: 'jbp-plans', 'aria-label': 'Plans of this partner' },
    plans.map((p) => h('li', {}, button(`${p.title} · ${p.period} · ${words(p.status)}`, () => openPlan(p.id),
      { 'data-plan': p.id }))));
  const canCreate = groups.has('channel-manager') || groups.has('jbp-admin');
  const side = h('nav', { 'aria-label': 'Plans' }, card('Plans', plans.length ? list : h('p', {}, 'No plans for this account yet.'),
    h('div', { class: 'jbp-side-actions' },
      canCreate ? button('New plan', () => newPlanDialog(accountId), { variant: 'brand', 'data-new-plan': 'open' }) : null,
      groups.has('partner') ? null : button('Portfolio', portfolio))),
    next ? nextStepsCard(next, card, openPlan) : null);
  const detail = h('div', { id: 'jbp-plan', class: 'jbp-detail' });
  main.replaceChildren(h('div', { class: 'jbp-grid' }, side, detail));
  const current = plans.find((p) => p.id === preferPlanId)
    || plans.find((p) => ['ACTIVE', 'IN_APPROVAL', 'DRAFT', 'APPROVED'].includes(p.status)) || plans[0];
  if (current) await openPlan(current.id);
  say('Plans loaded');
}

/** Templates for this partner's tier and type; all templates when the partner is not registered yet. */
async function templatesFor(accountId) {
  let partner = null;
  try {
    const { json: partners } = await api('/partners');
    partner = partners.find((p) => p.accountId.slice(0, 15) === accountId.slice(0, 15)) || null;
  } catch (e) { /* the full list below */ }
  const query = partner ? `?tier=${encodeURIComponent(partner.tier)}${partner.partnerType ? `&partnerType=${encodeURIComponent(partner.partnerType)}` : ''}` : '';
  const { json } = await api(`/templates${query}`);
  return { templates: json, partner };
}

async function newPlanDialog(accountId) {
  const dialog = modal('New plan from a template');
  dialog.dialog.setAttribute('data-dialog', 'new-plan');
  dialog.body.append(h('p', {}, 'Loading templates…'));
  let templates;
  let partner;
  try {
    ({ templates, partner } = await templatesFor(accountId));
  } catch (e) {
    dialog.body.replaceChildren(h('p', { role: 'alert' }, `Templates could not be loaded: ${e.message}`));
    return;
  }
  const year = new Date().getFullYear();
  const m = { templateId: templates[0]?.id ?? null, kind: 'FISCAL_YEAR', fiscalYear: year, quarter: '1', start: null, end: null,
    currency: 'USD', title: `FY${year} joint business plan` };
  let titleTouched = false;
  const form = new Form();
  const periodFields = h('div', { class: 'jbp-fields' });
  const titleField = form.text('title', 'Title', m, 'title', { maxlength: 200, required: true });
  const titleInput = titleField.querySelector('input');
  titleInput.addEventListener('input', () => { titleTouched = true; });
  const renderPeriod = () => {
    form.fields = form.fields.filter((f) => !f.path.startsWith('period'));
    const yearField = form.number('period.fiscalYear', 'Fiscal year', m, 'fiscalYear', { integer: true, min: '2000', required: true });
    yearField.querySelector('input').max = '2100';
    yearField.querySelector('input').addEventListener('input', () => {
      if (!titleTouched && m.fiscalYear) titleInput.value = m.title = `FY${m.fiscalYear}${m.kind === 'FISCAL_QUARTER' ? ` Q${m.quarter}` : ''} joint business plan`;
    });
    periodFields.replaceChildren(
      ...(m.kind === 'CUSTOM'
        ? [form.date('period.start', 'Start date', m, 'start', { required: true }), form.date('period.end', 'End date', m, 'end', { required: true })]
        : [yearField, m.kind === 'FISCAL_QUARTER'
          ? form.select('period.quarter', 'Fiscal quarter', m, 'quarter', [['1', 'Q1'], ['2', 'Q2'], ['3', 'Q3'], ['4', 'Q4']], { blank: false }) : null]));
  };
  const kindField = form.select('period', 'Period', m, 'kind', [['FISCAL_YEAR', 'Fiscal year'], ['FISCAL_QUARTER', 'Fiscal quarter'], ['CUSTOM', 'Custom dates']], { blank: false });
  kindField.querySelector('select').addEventListener('change', renderPeriod);
  renderPeriod();
  const currencies = h('datalist', { id: uid('jbp-currencies') }, ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'CHF', 'INR', 'BRL'].map((c) => h('option', { value: c })));
  const currencyField = form.text('currency', 'Currency (ISO 4217)', m, 'currency', { maxlength: 3, pattern: '[A-Z]{3}', required: true });
  currencyField.querySelector('input').setAttribute('list', currencies.id);
  currencyField.querySelector('input').addEventListener('input', (e) => { e.target.value = e.target.value.toUpperCase(); m.currency = e.target.value || null; });
  const templateField = templates.length
    ? form.select('templateId', 'Template', m, 'templateId', templates.map((t) => [t.id,
      `${t.definition?.name ?? t.id} (v${t.version}, ${words(t.definition?.planType)})`]), { blank: false, required: true,
      hint: partner ? `Templates for ${partner.tier} partners${partner.partnerType ? ` of type ${partner.partnerType}` : ''}` : null })
    : h('p', { role: 'alert' }, 'No template applies to this partner yet; an admin creates one first.');
  const create = h('button', { type: 'submit', class: 'slds-button slds-button_brand', disabled: !templates.length, 'data-new-plan': 'create' }, 'Create plan');
  const element = h('form', { novalidate: true, 'aria-label': 'Create a plan from a template', onsubmit: async (e) => {
    e.preventDefault();
    form.clearErrors();
    const period = m.kind === 'CUSTOM' ? { start: m.start, end: m.end }
      : { fiscalYear: m.fiscalYear, ...(m.kind === 'FISCAL_QUARTER' ? { quarter: Number(m.quarter) } : {}) };
    create.disabled = true;
    try {
      const { json } = await api('/plans', { method: 'POST', body: { partnerAccountId: accountId, templateId: m.templateId,
        title: m.title, currency: m.currency, period } });
      dialog.close();
      await account(accountId, json.id);
      say(`Plan ${json.title} created`);
    } catch (err) {
      create.disabled = false;
      if (err.problem?.errors) form.showErrors(err.problem.errors, err.problem.detail);
      else form.showMessage(h('div', { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' }, `The plan was not created: ${err.message}`));
    }
  } }, form.summary, templateField, h('div', { class: 'jbp-fields' }, kindField, currencyField), periodFields, titleField, currencies);
  dialog.body.replaceChildren(element);
  dialog.footer.replaceChildren(button('Cancel', dialog.close), create);
  create.setAttribute('form', element.id || (element.id = uid('jbp-new-plan')));
  const first = dialog.body.querySelector('select, input');
  if (first) first.focus();
}

async function openPlan(id) {
  clearError();
  if (state.planId !== id) state.editing.clear();
  state.planId = id;
  const target = document.getElementById('jbp-plan');
  // one read (GET /plans/{id}/tab): each part as its own endpoint answers it, the ETag the plan's version
  const { json: tab, etag } = await api(`/plans/${id}/tab`);
  state.etag = etag;
  const { plan, approvals, comments, revisions, dashboard, alerts, reviews, burnUp: burnUps } = tab;
  const template = tab.template?.definition ?? null;
  const actions = new Set(plan.allowedActions || []);
  const done = approvals.filter((s) => s.status === 'APPROVED').length;
  const ctx = { plan, template, currency: plan.currency, quarters: plan.period?.quarters || [],
    period: { start: plan.period?.start, end: plan.period?.end } };
  const editable = actions.has('edit');
  // an ACTIVE plan changes only through an amendment, approved like the plan was
  const mode = editable ? 'edit' : actions.has('amend') ? 'amend' : null;
  if (!mode) state.editing.clear();
  // replaceChildren writes a null (a card with nothing to show) as the text "null"
  target.replaceChildren(...[
    card(plan.title,
      lifecyclePath(LIFECYCLE, plan.status, { label: 'Plan lifecycle' }),
      h('div', { class: 'jbp-plan-status' }, statusBadge(plan.status, { attr: 'data-plan-status' }),
        mode === 'edit' ? null : h('span', { class: 'slds-text-body_small slds-m-left_x-small' }, mode === 'amend'
          ? 'Changes are proposed as an amendment and take effect once it is approved' : 'Read only for you in this status')),
      kv([['Period', plan.period?.label], ['Partner', plan.partner?.name], ['Tier', plan.partner?.tier],
        ['Template', `${plan.template?.name} v${plan.template?.version}`], ['Currency', plan.currency],
        ['Owner', plan.ownerName || plan.ownerId], ['Revision', String(plan.revision)],
        ['Approval', approvals.length ? `${done} of ${approvals.length} steps approved` +
          (plan.lifecycle?.currentStep ? ` · waiting on ${plan.lifecycle.currentStep.name}${approverOf(plan.lifecycle.currentStep)}` : '') : 'not submitted']]),
      approvals.length ? h('progress', { max: String(approvals.length), value: String(done), 'aria-label': 'Approval progress' }) : null,
      plan.missingForSubmission?.length && plan.status === 'DRAFT'
        ? h('p', { class: 'slds-text-color_error slds-m-top_x-small' }, `Incomplete before submission: ${plan.missingForSubmission
          .map((s) => SECTION_LABELS[sectionOf(s)] || s).filter((v, i, a) => a.indexOf(v) === i).join(', ')}`) : null,
      actionBar(plan, actions, template)),
    dashboardCard(dashboard, alerts, plan.currency, card),
    burnUpCard(burnUps, plan.currency, card),
    reviewsCard(reviews, plan.currency, card) || '', // no reviews, no card (a null child would print 'null')
    ...sectionCards(plan, template, ctx, mode),
    commentsCard(plan, comments, actions.has('comment')),
    revisionsCard(plan, revisions)].filter(Boolean));
  say(`Plan ${plan.title} loaded`);
}

/** ' (name)' of the person a step waits for, the id when the directory has no name; '' for a role's step. */
function approverOf(step) {
  const who = step.approverUserName || step.approverUser;
  return who ? ` (${who})` : '';
}

// the way a plan goes (PlanStatus); a REJECTED plan left it and shows no current stage
const LIFECYCLE = ['DRAFT', 'IN_APPROVAL', 'APPROVED', 'ACTIVE', 'CLOSED'];

// the statuses in which GET /plans/{id}/report answers (PeriodEndReports.of refuses the others)
const REPORT_STATUSES = new Set(['APPROVED', 'ACTIVE', 'CLOSED']);

/**
 * Runs one plan action and reloads the plan. A refusal with field errors lands next to the fields of the action's
 * form, which stays open with what was typed; any other refusal goes to the alert banner.
 */
async function perform(label, request, { form, done, success } = {}) {
  if (form) form.clearErrors();
  let result;
  try {
    result = await request();
  } catch (e) {
    if (form && e.problem?.errors?.length) {
      form.showErrors(e.problem.errors, `${label} failed: ${e.message}`);
      say(`${label} failed: check the marked field`);
    } else {
      showError(`${label} failed: ${e.message}`, e.status === 409 || e.status === 412);
      say(`${label} failed`);
    }
    return false;
  }
  try {
    if (done) await done(result); else await openPlan(state.planId);
  } catch (e) {
    showError(`${label} done, but the plan could not be reloaded: ${e.message}`, true);
  }
  say(success || `${label} done`);
  return true;
}

/** A required text checked before anything is sent: an empty one is marked with the message and no request goes out. */
function requireText(form, path, value, message) {
  if (value && value.trim()) return true;
  form.showErrors([{ field: path, message }], message);
  say(message);
  return false;
}

/** A modal holding a Form; the submit button sits in the footer. Returns { dialog, form, model }. */
function formDialog(key, title, submitLabel, model, build, onSubmit) {
  const dialog = modal(title);
  dialog.dialog.setAttribute('data-dialog', key);
  const form = new Form();
  const submit = h('button', { type: 'submit', class: 'slds-button slds-button_brand', 'data-confirm': key }, submitLabel);
  const element = h('form', { novalidate: true, id: uid(`jbp-${key}`), 'aria-label': title, onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try { if (await onSubmit(form)) dialog.close(); } finally { submit.disabled = false; }
  } }, form.summary, ...[build(form)].flat());
  submit.setAttribute('form', element.id);
  dialog.body.replaceChildren(element);
  dialog.footer.replaceChildren(button('Cancel', dialog.close), submit);
  return { dialog, form, model };
}

/** Puts the sections a refused submission names next to their cards, and lists them in the action bar. */
function showIncompleteSections(errors, summary) {
  const bySection = new Map();
  for (const e of errors) {
    const key = sectionOf(e.field);
    if (!bySection.has(key)) bySection.set(key, []);
    bySection.get(key).push(`${e.field.replace(/^(sections\.)?[^.[]+\.?/, '') || 'section'}: ${e.message}`);
  }
  for (const [key, messages] of bySection) {
    const card = document.querySelector(`section[data-section='${key}']`);
    if (!card) continue;
    card.classList.add('jbp-section-error');
    card.querySelector('.jbp-section-help')?.remove();
    card.querySelector('.slds-card__header').after(h('div', { class: 'slds-form-element__help jbp-section-help slds-text-color_error slds-p-horizontal_medium' },
      messages.join('; ')));
  }
  summary.replaceChildren(h('div', { class: 'slds-notify slds-notify_alert slds-alert_error jbp-form-error', role: 'alert' },
    h('p', {}, 'Not submitted: these required sections are incomplete.'),
    h('ul', {}, [...bySection.entries()].map(([key, messages]) => h('li', {}, `${SECTION_LABELS[key] || key}: ${messages.join('; ')}`)))));
}

function actionBar(plan, actions, template) {
  const id = plan.id;
  const step = plan.lifecycle?.currentStep;
  const summary = h('div', { class: 'jbp-form-summary', 'aria-live': 'polite' });
  const buttons = [];
  if (actions.has('submit')) {
    buttons.push(button('Submit', async () => {
      summary.replaceChildren();
      try {
        await api(`/plans/${id}/submit`, { method: 'POST' });
        await openPlan(id);
        say('Submit done');
      } catch (e) {
        if (e.status === 422 && e.problem?.errors?.length) {
          showIncompleteSections(e.problem.errors, summary);
          say('Submit failed: required sections are incomplete');
        } else {
          showError(`Submit failed: ${e.message}`, e.status === 409);
          say('Submit failed');
        }
      }
    }, { variant: 'brand', 'data-action': 'Submit' }));
  }
  const decision = step && ['accept', 'approve', 'request-revision', 'reject'].some((a) => actions.has(a))
    ? decisionForm(plan, step, actions) : null;
  if (actions.has('record-actuals')) {
    buttons.push(button('Record actuals', () => actualsDialog(plan, template), { 'data-action': 'Record actuals' }));
  }
  if (actions.has('review')) buttons.push(button('Record review', () => reviewDialog(plan), { 'data-action': 'Record review' }));
  if (actions.has('close')) buttons.push(button('Close', () => closeDialog(plan), { 'data-action': 'Close' }));
  if (actions.has('next-cycle')) buttons.push(button('Next cycle', () => nextCycleDialog(plan), { 'data-action': 'Next cycle' }));
  const downloads = REPORT_STATUSES.has(plan.status) ? ['application/pdf', 'text/csv'].map((type) => button(
    type.endsWith('pdf') ? 'Report (PDF)' : 'Report (CSV)', () => download(id, type),
    { variant: 'outline-brand', 'data-download': type.endsWith('pdf') ? 'pdf' : 'csv' })) : [];
  return h('div', { class: 'jbp-actions slds-m-top_small', role: 'group', 'aria-label': 'Plan actions' },
    summary, decision,
    buttons.length ? h('div', { class: 'jbp-button-row' }, buttons) : null,
    downloads.length ? h('div', { class: 'jbp-button-row' }, downloads) : null);
}

/**
 * The decision on the step waiting for the caller: accept (partner acceptance) or approve, request a revision or
 * reject. A reason is optional to approve and required for the other two, here as in the API.
 */
function decisionForm(plan, step, actions) {
  const form = new Form();
  const model = { reason: null };
  const reasonField = form.textarea('reason', 'Reason', model, 'reason', { maxlength: 2000, rows: 2,
    hint: 'Required to request a revision or to reject; optional when approving.' });
  const decide = (label, path, { needsReason, variant = 'neutral' }) => button(label, async () => {
    form.clearErrors();
    const reason = model.reason && model.reason.trim() ? model.reason.trim() : null;
    if (needsReason && !requireText(form, 'reason', reason, `Give a reason to ${label.toLowerCase()}.`)) return;
    await perform(label, () => api(`/plans/${plan.id}/approvals/${step.id}/${path}`,
      { method: 'POST', body: reason ? { reason } : {} }), { form });
  }, { variant, 'data-action': label });
  const buttons = [];
  if (actions.has('accept')) {
    buttons.push(button('Accept', () => perform('Accept', () => api(`/plans/${plan.id}/acceptance`, { method: 'POST' }), { form }),
      { variant: 'brand', 'data-action': 'Accept' }));
  }
  if (actions.has('approve')) buttons.push(decide('Approve', 'approve', { needsReason: false, variant: 'brand' }));
  if (actions.has('request-revision')) buttons.push(decide('Request revision', 'request-revision', { needsReason: true }));
  if (actions.has('reject')) buttons.push(decide('Reject', 'reject', { needsReason: true, variant: 'destructive' }));
  const what = step.amendmentId ? `The amendment awaits your decision: ${step.name}` : `Awaiting your decision: ${step.name}`;
  return h('form', { class: 'jbp-decision', novalidate: true, 'aria-label': 'Your decision', 'data-decision': step.id,
    onsubmit: (e) => e.preventDefault() },
  h('p', { class: 'slds-text-title_bold' }, what), form.summary, reasonField, h('div', { class: 'jbp-button-row' }, buttons));
}

/** The metrics a plan tracks, as the dashboard reads them (KpiDashboards): template KPIs, revenue targets, certifications. */
function trackedMetrics(plan, template) {
  const metrics = new Map();
  for (const k of template?.kpis || []) metrics.set(k.sourceKey || k.key, k.label || k.key);
  for (const [metric, label] of [['revenue_won', 'Closed revenue'], ['pipeline_created', 'Pipeline'], ['deals_registered', 'Registered deals']]) {
    if (!metrics.has(metric)) metrics.set(metric, label);
  }
  for (const c of plan.sections?.certifications || []) {
    const metric = `certifications_completed(${c.role})`;
    if (!metrics.has(metric)) metrics.set(metric, `Certifications completed: ${words(c.role)}`);
  }
  return [...metrics.entries()];
}

function actualsDialog(plan, template) {
  const metrics = trackedMetrics(plan, template);
  const model = { metric: metrics[0]?.[0] ?? null, quarter: '0', value: null };
  const quarters = [['0', 'Whole period'], ...(plan.period?.quarters || []).map((q) => [String(q.quarter), `Q${q.quarter} (${q.start} to ${q.end})`])];
  formDialog('actuals', 'Record an actual by hand', 'Record actual', model, (form) => [
    h('p', { class: 'slds-text-body_small' }, 'For figures the CRM does not hold.'),
    form.select('values[0].metric', 'Metric', model, 'metric', metrics, { blank: false, required: true }),
    form.select('values[0].quarter', 'For', model, 'quarter', quarters, { blank: false }),
    form.number('values[0].value', 'Value', model, 'value', { required: true }),
  ], (form) => {
    form.clearErrors();
    if (model.value === null || Number.isNaN(model.value)) {
      form.showErrors([{ field: 'values[0].value', message: 'Enter the value.' }], 'Enter the value.');
      say('Enter the value.');
      return false;
    }
    return perform('Record actuals', () => api(`/plans/${plan.id}/actuals`, { method: 'POST',
      body: { values: [{ metric: model.metric, quarter: Number(model.quarter), value: model.value }] } }), { form });
  });
}

async function reviewDialog(plan) {
  let workspace;
  try {
    ({ json: workspace } = await api(`/plans/${plan.id}/reviews/next`));
  } catch (e) {
    showError(`The review cannot be opened: ${e.message}`, e.status === 409);
    return;
  }
  const model = { notes: null, decisions: null };
  const today = workspace.kpiSnapshot?.asOf;
  formDialog('review', 'Record the joint review', 'Record review', model, (form) => [
    ...workspaceFields(form, model, workspace, plan.currency),
    form.textarea('notes', 'Notes', model, 'notes', { required: true, maxlength: 10000, rows: 4 }),
    form.list('decisions', 'Decisions', model, 'decisions', { itemLabel: 'Decision', maxlength: 1000, addLabel: 'Add decision' }),
    ...actionsFields(form, model, today),
  ], (form) => {
    form.clearErrors();
    const errors = [...workspaceErrors(model), ...(model.notes && model.notes.trim() ? [] : [{ field: 'notes', message: 'Write what the review found.' }])];
    if (errors.length) {
      form.showErrors(errors, errors.length === 1 ? errors[0].message : `Check the ${errors.length} marked fields.`);
      say(errors.length === 1 ? errors[0].message : `Check the ${errors.length} marked fields.`);
      return false;
    }
    const decisions = (model.decisions || []).map((d) => (d ?? '').trim()).filter((d) => d);
    return perform('Record review', () => api(`/plans/${plan.id}/reviews`, { method: 'POST',
      body: { notes: model.notes.trim(), ...(decisions.length ? { decisions } : {}), ...workspaceBody(model, workspace) } }), { form });
  });
}

function closeDialog(plan) {
  const model = { mdfPaid: null, coSellSupportHours: null, preSalesAvailabilityHours: null, executiveSponsorship: null };
  formDialog('close', 'Close the plan', 'Close plan', model, (form) => [
    h('p', {}, 'Closing freezes the period-end report. What the vendor delivered is optional and goes into the report.'),
    h('div', { class: 'jbp-fields' },
      form.money('vendorDelivered.mdfPaid', 'MDF paid', model, 'mdfPaid', plan.currency),
      form.number('vendorDelivered.coSellSupportHours', 'Co-sell support hours delivered', model, 'coSellSupportHours', { integer: true }),
      form.number('vendorDelivered.preSalesAvailabilityHours', 'Pre-sales hours delivered', model, 'preSalesAvailabilityHours', { integer: true }),
      form.text('vendorDelivered.executiveSponsorship', 'Executive sponsorship', model, 'executiveSponsorship', { maxlength: 500 })),
  ], (form) => {
    const delivered = { ...model, mdfPaid: model.mdfPaid ? model.mdfPaid.amount : null };
    const given = Object.values(delivered).some((v) => v !== null && v !== undefined && v !== '');
    return perform('Close', () => api(`/plans/${plan.id}/close`, { method: 'POST', body: given ? { vendorDelivered: delivered } : {} }),
      { form });
  });
}

function nextCycleDialog(plan) {
  const model = { growthPercent: null };
  formDialog('next-cycle', 'Start the next cycle', 'Create next plan', model, (form) => [
    h('p', {}, 'A DRAFT for the next period, its targets proposed from this period\'s actuals.'),
    form.number('growthPercent', 'Growth on the actuals (%)', model, 'growthPercent', { min: '-100',
      hint: 'Leave empty for the default growth.' }),
  ], (form) => perform('Next cycle', () => api(`/plans/${plan.id}/next-cycle`, { method: 'POST',
    body: model.growthPercent === null ? {} : { growthPercent: model.growthPercent } }),
  { form, done: ({ json }) => account(plan.partner?.accountId || state.accountId, json.id) }));
}

async function download(id, type) {
  try {
    const response = await api(`/plans/${id}/report`, { raw: true, headers: { Accept: type } });
    if (!response.ok) {
      const problem = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
      showError(`Report unavailable: ${problem?.detail || response.status}`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: `plan-${id}.${type.endsWith('pdf') ? 'pdf' : 'csv'}` });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(`Report (${type.endsWith('pdf') ? 'PDF' : 'CSV'}) downloaded`);
  } catch (e) {
    showError(`Report unavailable: ${e.message}`);
  }
}

/** The sections the plan's template has (required or optional), plus vendor commitments. */
function sectionCards(plan, template, ctx, mode) {
  const allowed = template ? new Set([...(template.requiredSections || []), ...(template.optionalSections || [])].map((s) => SECTION_ENUM[s]))
    : new Set(Object.keys(plan.sections || {}).filter((k) => plan.sections[k] !== null));
  const required = new Set((template?.requiredSections || []).map((s) => SECTION_ENUM[s]));
  const missing = new Set((plan.missingForSubmission || []).map(sectionOf));
  return SECTIONS.filter((s) => s.key === 'vendorCommitments' || allowed.has(s.key) || (plan.sections || {})[s.key])
    .map((section) => sectionCard(plan, section, ctx, mode, { required: required.has(section.key), missing: missing.has(section.key) }));
}

function sectionValue(plan, key) {
  return key === 'vendorCommitments' ? plan.vendorCommitments : plan.sections?.[key];
}

function sectionCard(plan, section, ctx, mode, { required, missing }) {
  const headingId = `jbp-section-${section.key}-title`;
  const body = h('div', { class: 'slds-card__body slds-card__body_inner' });
  const editable = Boolean(mode);
  const value = sectionValue(plan, section.key);
  const label = mode === 'amend' ? 'Propose change' : 'Edit';
  const editButton = editable ? button(label, () => openEditor(plan, section, ctx, el, modelOf(section, value, ctx), { mode }),
    { 'data-edit': section.key, 'aria-label': `${label}: ${section.label}` }) : null;
  const el = h('section', { class: 'jbp-card slds-card jbp-section', 'data-section': section.key, 'aria-labelledby': headingId },
    h('div', { class: 'slds-card__header slds-grid jbp-card-head' },
      h('h2', { id: headingId, class: 'slds-card__header-title slds-text-heading_small' }, section.label),
      h('div', { class: 'jbp-badges' },
        required ? h('span', { class: 'slds-badge slds-badge_lightest' }, 'Required') : null,
        missing ? h('span', { class: 'slds-badge slds-theme_warning' }, 'Incomplete') : null,
        editButton)),
    body);
  const showView = () => {
    body.replaceChildren(...[value === null || value === undefined
      ? h('p', { class: 'slds-text-color_weak' }, editable ? 'Not filled in yet.' : 'Not filled in.')
      : section.view(value, ctx)].flat());
    if (editButton) editButton.hidden = false;
  };
  el.showView = showView;
  showView();
  const open = state.editing.get(section.key);
  if (open && editable) openEditor(plan, section, ctx, el, open.model, { conflict: open.conflict, restore: true, mode });
  return el;
}

function openEditor(plan, section, ctx, el, model, { conflict: afterConflict = false, restore = false, mode = 'edit' } = {}) {
  const body = el.querySelector('.slds-card__body');
  const editButton = el.querySelector(`[data-edit='${section.key}']`);
  if (editButton) editButton.hidden = true;
  state.editing.set(section.key, { model, conflict: false });
  const render = (focusSelector) => {
    const form = new Form();
    const save = h('button', { type: 'submit', class: 'slds-button slds-button_brand', 'data-save': section.key },
      mode === 'amend' ? 'Propose amendment' : 'Save');
    const cancel = button('Cancel', () => {
      state.editing.delete(section.key);
      el.showView();
      if (editButton) editButton.focus();
    }, { 'data-cancel': section.key });
    const reason = { text: null };
    const element = h('form', { class: 'jbp-edit-form', novalidate: true, 'aria-label': `Edit ${section.label}`, 'data-editing': section.key,
      onsubmit: async (e) => {
        e.preventDefault();
        await saveSection(plan, section, model, form, save, reason.text, mode);
      } },
    form.summary,
    afterConflict ? h('div', { class: 'slds-notify slds-notify_alert slds-alert_warning jbp-kept', role: 'status' },
      'Your unsaved changes are kept below. The rest of the plan now shows the latest version; save to apply your changes on top of it.') : null,
    ...[section.edit(model, form, ctx, render)].flat(),
    h('div', { class: 'jbp-fields slds-m-top_small' },
      form.text(`reason-${section.key}`, mode === 'amend' ? 'Why this change (the amendment\'s rationale, for the approvers)'
        : 'Why this change (kept in the revision history)', reason, 'text', { maxlength: 500 })),
    h('div', { class: 'jbp-button-row slds-m-top_small' }, cancel, save));
    body.replaceChildren(element);
    const focus = focusSelector && element.querySelector(focusSelector);
    if (focus) focus.focus();
  };
  render();
  if (!restore || afterConflict) {
    const first = body.querySelector('input, select, textarea');
    if (first) first.focus();
  }
}

/**
 * A header value fetch accepts: HTTP headers carry Latin-1 only, so accents are folded to their base letter and
 * anything else (emoji, other scripts) becomes '?', rather than the save failing in the browser.
 */
function headerText(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

async function saveSection(plan, section, model, form, saveButton, reasonText, mode = 'edit') {
  const { value, mapPath: mapSectionPath } = section.toValue(model);
  const patch = section.key === 'vendorCommitments' ? { vendorCommitments: value } : { sections: { [section.key]: value } };
  // an amendment's errors name the field inside its "changes"
  const mapPath = (field) => {
    const inPlan = mode === 'amend' ? String(field).replace(/^changes\./, '') : field;
    return mapSectionPath ? mapSectionPath(inPlan) : inPlan;
  };
  form.clearErrors();
  saveButton.disabled = true;
  try {
    if (mode === 'amend') {
      await api(`/plans/${plan.id}/amendments`, { method: 'POST',
        body: { rationale: reasonText || `Change to ${section.label}`, changes: patch } });
    } else {
      await api(`/plans/${plan.id}`, { method: 'PATCH', body: patch, headers: { 'If-Match': state.etag,
        'X-Change-Reason': headerText(reasonText || `Edited ${section.label} in the plan tab`) } });
    }
    state.editing.delete(section.key);
    await openPlan(plan.id);
    const editButton = document.querySelector(`[data-edit='${section.key}']`);
    if (editButton) editButton.focus();
    say(mode === 'amend' ? `${section.label}: amendment proposed for approval` : `${section.label} saved`);
  } catch (e) {
    saveButton.disabled = false;
    if (mode === 'edit' && (e.status === 412 || e.status === 409)) {
      // keep the form as it is; the reload keeps the typed values too
      state.editing.set(section.key, { model, conflict: true });
      form.showMessage(h('div', { class: 'slds-notify slds-notify_alert slds-alert_error jbp-conflict', role: 'alert' },
        h('p', {}, 'Someone else changed this plan after you opened it, so your changes were not saved. '
          + 'Reload the plan to see their version; what you typed here is kept.'),
        button('Reload plan', () => openPlan(plan.id), { variant: 'inverse', 'data-reload': 'conflict' })));
      say('Not saved: someone else changed this plan — reload');
      form.summary.querySelector('button').focus();
    } else if (e.status === 422 && e.problem?.errors) {
      const errors = e.problem.errors.map((err) => ({ ...err, field: mapPath(err.field) }));
      form.showErrors(errors, `${section.label} not saved: ${errors.length === 1 ? 'check the marked field' : `check the ${errors.length} marked fields`}.`);
      say(`${section.label} not saved: ${errors.length} field error(s)`);
    } else {
      form.showMessage(h('div', { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' },
        `${section.label} not saved: ${e.message}`));
      say(`${section.label} not saved`);
    }
  }
}

function commentsCard(plan, threads, canComment) {
  const list = h('ul', { class: 'slds-has-dividers_bottom-space', 'aria-label': 'Comments' }, threads.map((t) => h('li', { class: 'slds-item' },
    h('strong', {}, t.authorName || t.authorId), t.section ? ` on ${SECTION_LABELS[t.section] || t.section}` : '', `: ${t.body}`,
    (t.replies || []).length ? h('ul', {}, t.replies.map((r) => h('li', {}, h('strong', {}, r.authorName || r.authorId), `: ${r.body}`))) : null)));
  // the API files every thread under a section; "general" is for the plan as a whole
  const sections = Object.entries(SECTION_LABELS).sort(([a], [b]) => (a === 'general' ? -1 : b === 'general' ? 1 : 0));
  const model = { section: 'general', body: null };
  const fields = new Form();
  const form = canComment ? h('form', { novalidate: true, 'aria-label': 'New comment', onsubmit: async (e) => {
    e.preventDefault();
    fields.clearErrors();
    if (!requireText(fields, 'body', model.body, 'Write the comment first.')) return;
    await perform('Comment', () => api(`/plans/${plan.id}/comments`, { method: 'POST', body: { section: model.section, body: model.body } }),
      { form: fields, success: 'Comment added' });
  } }, fields.summary,
  fields.select('section', 'About', model, 'section', sections, { blank: false, id: 'jbp-comment-section' }),
  fields.textarea('body', 'New comment', model, 'body', { maxlength: 4000, rows: 3, required: true, id: 'jbp-comment' }),
  h('button', { class: 'slds-button slds-button_brand slds-m-top_x-small', type: 'submit' }, 'Comment')) : null;
  return card('Comments', threads.length ? list : h('p', {}, 'No comments yet.'), form);
}

function revisionsCard(plan, revisions) {
  const out = h('div', { 'aria-live': 'polite' });
  const items = revisions.map((r) => h('li', {}, `#${r.number} · ${r.authorName || r.author} · ${new Date(r.at).toLocaleString()} · ${r.reason || ''} `,
    r.number > 1 ? button(`Changes in #${r.number}`, async () => {
      const { json: diff } = await api(`/plans/${plan.id}/revisions/${r.number - 1}/diff/${r.number}`);
      out.replaceChildren(scrollTable(`Changes in revision ${r.number}`, ['Field', 'Before', 'After'],
        diff.changes.map((c) => h('tr', {}, h('td', {}, c.field), h('td', { class: 'jbp-json' }, JSON.stringify(c.before)),
          h('td', { class: 'jbp-json' }, JSON.stringify(c.after))))));
    }, { variant: 'reset', class: 'slds-button' }) : null));
  return card('Revision history', h('ol', { class: 'jbp-revisions' }, items), out);
}

start().catch((e) => showError(`The tab could not load: ${e.message}`));

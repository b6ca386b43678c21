// The plan tab. The bearer token arrives once in #jbp-boot, is kept in this module's memory only (no cookie,
// no storage), renewed before it expires, and sent in the Authorization header: nothing for CSRF to ride on.
const bootElement = document.getElementById('jbp-boot');
const boot = JSON.parse(bootElement.textContent);
bootElement.remove();
let token = boot.token;
const ctx = document.getElementById('jbp-main').dataset.ctx;
const API = `${ctx}/api/v1`;
const main = document.getElementById('jbp-main');
const alertBox = document.getElementById('jbp-alert');
const statusBox = document.getElementById('jbp-status');
const groups = new Set(boot.user.groups);
const state = { accountId: boot.accountId || null, planId: null, etag: null };

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}

function say(message) { statusBox.textContent = message; }
function showError(message, reload) {
  alertBox.replaceChildren(h('div', { class: 'jbp-error slds-notify slds-notify_alert slds-alert_error' }, message,
    reload ? h('button', { class: 'slds-button slds-button_inverse slds-m-left_small', onclick: () => openPlan(state.planId) }, 'Reload plan') : null));
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
    throw error;
  }
  return { json, etag: response.headers.get('ETag') };
}

async function renew() {
  try {
    const { json } = await api('/canvas/session', { method: 'POST', body: {} });
    token = json.token;
    setTimeout(renew, json.refreshInSeconds * 1000);
  } catch (e) {
    showError('Your session has ended. Reopen the tab to continue.');
  }
}
setTimeout(renew, boot.refreshInSeconds * 1000);

function card(title, ...content) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'jbp-card slds-card', 'aria-labelledby': id },
    h('h2', { id, class: 'slds-card__header-title' }, title), ...content);
}

function kv(pairs) {
  return h('dl', { class: 'jbp-kv' }, pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

// keyed by the API's section names (PlanSections), which are also the comment thread sections
const SECTION_LABELS = {
  profile: 'Partner profile and SWOT', revenue: 'Revenue targets', campaigns: 'Campaign calendar and MDF',
  certifications: 'Certification milestones', coSell: 'Co-sell goals', kpis: 'KPI targets',
  vendorCommitments: 'Vendor commitments', general: 'General',
};

async function start() {
  document.getElementById('jbp-who').textContent =
    `${boot.user.name} · ${[...groups].join(', ')}${boot.demo ? ' · demo mode' : ''}`;
  if (boot.view === 'portfolio' || !state.accountId) return portfolio();
  return account(state.accountId);
}

async function portfolio() {
  main.replaceChildren(h('p', {}, 'Loading portfolio…'));
  const { json: plans } = await api('/plans');
  const byPartner = new Map();
  for (const p of plans) {
    if (!byPartner.has(p.partnerAccountId)) byPartner.set(p.partnerAccountId, []);
    byPartner.get(p.partnerAccountId).push(p);
  }
  const rows = [...byPartner.entries()].map(([acc, list]) => h('tr', {},
    h('th', { scope: 'row' }, h('button', { class: 'slds-button', onclick: () => account(acc) }, list[0].partnerName || acc)),
    h('td', {}, String(list.length)),
    h('td', {}, list.map((p) => `${p.title} (${p.status})`).join('; '))));
  main.replaceChildren(card('Portfolio', plans.length === 0 ? h('p', {}, 'No plans yet.') :
    h('table', { class: 'slds-table slds-table_bordered', 'aria-label': 'Partners and their plans' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col' }, 'Plans'), h('th', { scope: 'col' }, 'Titles and status'))),
      h('tbody', {}, rows))));
  say('Portfolio loaded');
}

async function account(accountId) {
  state.accountId = accountId;
  main.replaceChildren(h('p', {}, 'Loading plans…'));
  const { json: plans } = await api(`/partners/${encodeURIComponent(accountId)}/plans`);
  const list = h('ul', { class: 'jbp-plans', 'aria-label': 'Plans of this partner' },
    plans.map((p) => h('li', {}, h('button', { class: 'slds-button slds-button_neutral', 'data-plan': p.id,
      onclick: () => openPlan(p.id) }, `${p.title} · ${p.period} · ${p.status}`))));
  const side = h('nav', { 'aria-label': 'Plans' }, card('Plans', plans.length ? list : h('p', {}, 'No plans for this account yet.'),
    groups.has('channel-manager') || groups.has('jbp-admin') ? await newPlanForm(accountId) : null,
    groups.has('partner') ? null : h('button', { class: 'slds-button slds-m-top_small', onclick: portfolio }, 'Portfolio')));
  const detail = h('div', { id: 'jbp-plan' });
  main.replaceChildren(h('div', { class: 'jbp-grid' }, side, detail));
  const current = plans.find((p) => ['ACTIVE', 'IN_APPROVAL', 'DRAFT', 'APPROVED'].includes(p.status)) || plans[0];
  if (current) await openPlan(current.id);
  say('Plans loaded');
}

async function newPlanForm(accountId) {
  let templates = [];
  try { templates = (await api('/templates')).json; } catch (e) { return null; }
  const select = h('select', { id: 'jbp-template', class: 'slds-select' },
    templates.map((t) => h('option', { value: t.id }, `${t.definition?.name ?? t.name} v${t.version}`)));
  const year = h('input', { id: 'jbp-year', class: 'slds-input', type: 'number', min: '2000', max: '2100', value: String(new Date().getFullYear()) });
  const form = h('form', { class: 'slds-m-top_small', 'aria-label': 'Create a plan from a template', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const { json } = await api('/plans', { method: 'POST', body: { partnerAccountId: accountId, templateId: select.value,
        title: `FY${year.value} joint business plan`, currency: 'USD', period: { fiscalYear: Number(year.value) } } });
      await account(accountId);
      await openPlan(json.id);
    } catch (err) { showError(`Could not create the plan: ${err.message}`); }
  } },
  h('label', { for: 'jbp-template', class: 'slds-form-element__label' }, 'Template'), select,
  h('label', { for: 'jbp-year', class: 'slds-form-element__label' }, 'Fiscal year'), year,
  h('button', { class: 'slds-button slds-button_brand slds-m-top_x-small', type: 'submit' }, 'Create plan'));
  return templates.length ? form : null;
}

async function openPlan(id) {
  clearError();
  state.planId = id;
  const target = document.getElementById('jbp-plan');
  const { json: plan, etag } = await api(`/plans/${id}`);
  state.etag = etag;
  const actions = new Set(plan.allowedActions || []);
  const [approvals, comments, revisions, report] = await Promise.all([
    api(`/plans/${id}/approvals`).then((r) => r.json).catch(() => []),
    api(`/plans/${id}/comments`).then((r) => r.json).catch(() => []),
    api(`/plans/${id}/revisions`).then((r) => r.json).catch(() => []),
    api(`/plans/${id}/report`).then((r) => r.json).catch(() => null),
  ]);
  const done = approvals.filter((s) => s.status === 'APPROVED').length;
  target.replaceChildren(
    card(plan.title,
      kv([['Status', plan.status], ['Period', plan.period?.label], ['Partner', plan.partner?.name],
        ['Tier', plan.partner?.tier], ['Owner', plan.ownerId], ['Revision', String(plan.revision)],
        ['Approval', approvals.length ? `${done} of ${approvals.length} steps approved` +
          (plan.lifecycle?.currentStep ? ` · waiting on ${plan.lifecycle.currentStep.name}` : '') : 'not submitted']]),
      approvals.length ? h('progress', { max: String(approvals.length), value: String(done), 'aria-label': 'Approval progress' }) : null,
      actionBar(plan, actions, approvals)),
    sectionsCard(plan, actions.has('edit')),
    kpiCard(report),
    commentsCard(plan, comments, actions.has('comment')),
    revisionsCard(plan, revisions));
  say(`Plan ${plan.title} loaded`);
}

function actionBar(plan, actions, approvals) {
  const id = plan.id;
  const step = plan.lifecycle?.currentStep;
  const reason = h('textarea', { id: 'jbp-reason', class: 'slds-textarea', rows: '2' });
  const run = (label, fn) => h('button', { class: 'slds-button slds-button_neutral', 'data-action': label, onclick: async () => {
    try { await fn(); await openPlan(id); say(`${label} done`); } catch (e) { showError(`${label} failed: ${e.message}`); }
  } }, label);
  const buttons = [];
  if (actions.has('submit')) buttons.push(run('Submit', () => api(`/plans/${id}/submit`, { method: 'POST' })));
  if (actions.has('accept')) buttons.push(run('Accept', () => api(`/plans/${id}/acceptance`, { method: 'POST' })));
  for (const [action, path, label] of [['approve', 'approve', 'Approve'], ['request-revision', 'request-revision', 'Request revision'], ['reject', 'reject', 'Reject']]) {
    if (actions.has(action) && step) buttons.push(run(label, () => api(`/plans/${id}/approvals/${step.id}/${path}`, { method: 'POST', body: { reason: reason.value || label } })));
  }
  if (actions.has('amend')) buttons.push(run('Amend', () => api(`/plans/${id}/amendments`, { method: 'POST', body: { rationale: reason.value || 'Amendment', changes: {} } })));
  if (actions.has('review')) buttons.push(run('Record review', () => api(`/plans/${id}/reviews`, { method: 'POST', body: { summary: reason.value || 'Review' } })));
  if (actions.has('close')) buttons.push(run('Close', () => api(`/plans/${id}/close`, { method: 'POST', body: {} })));
  if (actions.has('next-cycle')) buttons.push(run('Next cycle', () => api(`/plans/${id}/next-cycle`, { method: 'POST', body: {} })));
  const downloads = ['application/pdf', 'text/csv'].map((type) => h('button', { class: 'slds-button slds-button_outline-brand',
    onclick: () => download(id, type) }, type.endsWith('pdf') ? 'Report (PDF)' : 'Report (CSV)'));
  return h('div', { class: 'jbp-actions slds-m-top_small', role: 'group', 'aria-label': 'Plan actions' },
    buttons.length ? [h('label', { for: 'jbp-reason', class: 'slds-form-element__label' }, 'Reason or note for the action'), reason, h('div', {}, buttons)] : null,
    h('div', {}, downloads));
}

async function download(id, type) {
  const response = await api(`/plans/${id}/report`, { raw: true, headers: { Accept: type } });
  if (!response.ok) return showError(`Report unavailable (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const a = h('a', { href: url, download: `plan-${id}.${type.endsWith('pdf') ? 'pdf' : 'csv'}` });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function sectionsCard(plan, editable) {
  const order = Object.keys(SECTION_LABELS);
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  const parts = Object.entries({ ...plan.sections, vendorCommitments: plan.vendorCommitments })
    .sort(([a], [b]) => rank(a) - rank(b)).map(([key, value]) => {
    const label = SECTION_LABELS[key] || (key === 'vendorCommitments' ? 'Vendor commitments' : key);
    const textId = `jbp-edit-${key}`;
    const body = h('div', { class: 'jbp-section', 'data-section': key },
      h('h3', { class: 'slds-text-heading_small' }, label), h('pre', {}, JSON.stringify(value ?? {}, null, 2)));
    if (editable) {
      body.append(h('button', { class: 'slds-button slds-button_neutral', 'data-edit': key, onclick: () => {
        const area = h('textarea', { id: textId, class: 'slds-textarea' }, JSON.stringify(value ?? {}, null, 2));
        const save = h('button', { class: 'slds-button slds-button_brand', 'data-save': key, onclick: async () => {
          let parsed;
          try { parsed = JSON.parse(area.value); } catch (e) { return showError(`${label}: not valid JSON`); }
          const patch = key === 'vendorCommitments' ? { vendorCommitments: parsed } : { sections: { [key]: parsed } };
          try {
            await api(`/plans/${plan.id}`, { method: 'PATCH', body: patch, headers: { 'If-Match': state.etag, 'X-Change-Reason': `Edited ${label} in the tab` } });
            await openPlan(plan.id);
            say(`${label} saved`);
          } catch (e) {
            if (e.status === 412) showError('Someone else changed this plan meanwhile. Reload to see their version.', true);
            else showError(`${label} not saved: ${e.message}`);
          }
        } }, 'Save');
        body.replaceChildren(h('label', { for: textId, class: 'slds-form-element__label' }, `${label} (JSON)`), area, save);
        area.focus();
      } }, `Edit ${label}`));
    }
    return body;
  });
  return card('Plan sections', parts);
}

function kpiCard(report) {
  const kpis = report && (report.kpis || report.kpiResults || []);
  if (!kpis || !kpis.length) return card('KPIs', h('p', {}, 'No KPI figures yet.'));
  const max = Math.max(1, ...kpis.flatMap((k) => [Number(k.planned ?? k.target ?? 0), Number(k.actual ?? 0)]));
  return card('KPIs', h('table', { 'aria-label': 'Planned versus actual' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'KPI'), h('th', { scope: 'col' }, 'Planned'), h('th', { scope: 'col' }, 'Actual'))),
    h('tbody', {}, kpis.map((k) => {
      const planned = Number(k.planned ?? k.target ?? 0); const actual = Number(k.actual ?? 0);
      return h('tr', {}, h('th', { scope: 'row' }, k.label || k.key),
        h('td', {}, h('span', { class: 'jbp-bar', style: `width:${(planned / max) * 8}rem`, 'aria-hidden': 'true' }), ` ${planned}`),
        h('td', {}, h('span', { class: 'jbp-bar actual', style: `width:${(actual / max) * 8}rem`, 'aria-hidden': 'true' }), ` ${actual}`));
    }))));
}

function commentsCard(plan, threads, canComment) {
  const list = h('ul', { class: 'slds-has-dividers_bottom-space', 'aria-label': 'Comments' }, threads.map((t) => h('li', { class: 'slds-item' },
    h('strong', {}, t.authorName || t.authorId), t.section ? ` on ${SECTION_LABELS[t.section] || t.section}` : '', `: ${t.body}`,
    (t.replies || []).length ? h('ul', {}, t.replies.map((r) => h('li', {}, h('strong', {}, r.authorName || r.authorId), `: ${r.body}`))) : null)));
  const text = h('textarea', { id: 'jbp-comment', class: 'slds-textarea', rows: '3' });
  // the API files every thread under a section; "general" is for the plan as a whole
  const about = h('select', { id: 'jbp-comment-section', class: 'slds-select' },
    Object.entries(SECTION_LABELS).sort(([a], [b]) => (a === 'general' ? -1 : b === 'general' ? 1 : 0))
      .map(([key, label]) => h('option', { value: key }, label)));
  const form = canComment ? h('form', { onsubmit: async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return;
    try { await api(`/plans/${plan.id}/comments`, { method: 'POST', body: { section: about.value, body: text.value } }); await openPlan(plan.id); say('Comment added'); } catch (err) { showError(`Comment not added: ${err.message}`); }
  } }, h('label', { for: 'jbp-comment-section', class: 'slds-form-element__label' }, 'About'), about,
  h('label', { for: 'jbp-comment', class: 'slds-form-element__label' }, 'New comment'), text,
  h('button', { class: 'slds-button slds-button_brand', type: 'submit' }, 'Comment')) : null;
  return card('Comments', threads.length ? list : h('p', {}, 'No comments yet.'), form);
}

function revisionsCard(plan, revisions) {
  const out = h('div', { 'aria-live': 'polite' });
  const items = revisions.map((r) => h('li', {}, `#${r.number} · ${r.author} · ${new Date(r.at).toLocaleString()} · ${r.reason || ''} `,
    r.number > 1 ? h('button', { class: 'slds-button', onclick: async () => {
      const { json: diff } = await api(`/plans/${plan.id}/revisions/${r.number - 1}/diff/${r.number}`);
      out.replaceChildren(h('table', { 'aria-label': `Changes in revision ${r.number}` },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
        h('tbody', {}, diff.changes.map((c) => h('tr', {}, h('td', {}, c.field), h('td', {}, JSON.stringify(c.before)), h('td', {}, JSON.stringify(c.after)))))));
    } }, `Changes in #${r.number}`) : null));
  return card('Revision history', h('ol', {}, items), out);
}

start().catch((e) => showError(`The tab could not load: ${e.message}`));

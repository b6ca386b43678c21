// Small DOM helpers for the plan tab: element builders, unique ids and an accessible modal dialog.
// The tab's Content-Security-Policy forbids inline style attributes, so sizes go through the CSSOM ("css")
// or SVG geometry attributes, never through setAttribute('style').

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'css') Object.assign(el.style, v);
    else if (k === 'value' && 'value' in el && el.namespaceURI !== SVG_NS) el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  // a select's value can only be set once its options exist
  const { value, ...rest } = attrs;
  fill(el, rest, children);
  if (value !== undefined && value !== null) el.value = value;
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function button(label, onclick, { variant = 'neutral', ...attrs } = {}) {
  return h('button', { type: 'button', class: `slds-button slds-button_${variant}`, onclick, ...attrs }, label);
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * An SLDS modal: focus moves into it, Tab and Shift+Tab stay inside it, Escape or Cancel closes it, and focus
 * returns to the control that opened it. Returns { close, body, footer, dialog }.
 */
export function modal(title, { onClose } = {}) {
  const opener = document.activeElement;
  const titleId = uid('jbp-modal-title');
  const body = h('div', { class: 'slds-modal__content slds-p-around_medium' });
  const footer = h('div', { class: 'slds-modal__footer' });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    dialog.remove();
    backdrop.remove();
    if (onClose) onClose();
    if (opener && document.contains(opener)) opener.focus();
  };
  const dialog = h('section', { role: 'dialog', tabindex: '-1', 'aria-modal': 'true', 'aria-labelledby': titleId,
    class: 'slds-modal slds-fade-in-open jbp-modal' },
  h('div', { class: 'slds-modal__container' },
    h('div', { class: 'slds-modal__header' },
      h('button', { type: 'button', class: 'slds-button slds-button_icon jbp-modal-close', 'aria-label': 'Close dialog',
        title: 'Close (Esc)', onclick: close }, '×'),
      h('h2', { id: titleId, class: 'slds-modal__title slds-hyphenate' }, title)),
    body, footer));
  const backdrop = h('div', { class: 'slds-backdrop slds-backdrop_open', role: 'presentation' });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  document.querySelector('.slds-scope').append(dialog, backdrop);
  // focus the first field after the browser has laid the dialog out
  setTimeout(() => {
    const firstField = body.querySelector('input, select, textarea') || dialog.querySelector(FOCUSABLE);
    (firstField || dialog).focus();
  }, 0);
  return { close, body, footer, dialog };
}

/** Human wording of an API enum such as PRE_SALES or DIGITAL_ADS. */
export function words(value) {
  if (value === null || value === undefined) return '';
  const s = String(value).replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatNumber(value, { currency, unit } = {}) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (Number.isNaN(n)) return String(value);
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 }).format(n);
    } catch (e) { /* an unknown code still shows the number */ }
    return `${n.toLocaleString()} ${currency}`;
  }
  if (unit === 'PERCENT') return `${n.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;
  return n.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

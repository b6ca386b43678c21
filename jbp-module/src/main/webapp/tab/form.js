// SLDS form fields bound to a plain JS model, each registered under the JSON path the API uses in its
// problem+json "errors" (e.g. sections.campaigns[0].mdfRequested.amount), so a field error lands next to its field.
import { h, uid, button } from './dom.js';

export class Form {
  constructor() {
    this.fields = [];
    this.summary = h('div', { class: 'jbp-form-summary', 'aria-live': 'polite' });
  }

  /** A labelled SLDS form element around a control, registered under its JSON path. */
  element(path, label, control, { hideLabel = false, required = false, hint, wrap } = {}) {
    const id = control.id || uid('jbp-f');
    control.id = id;
    const help = h('div', { class: 'slds-form-element__help', id: `${id}-help` });
    const wrapper = h('div', { class: 'slds-form-element', 'data-path': path },
      h('label', { class: `slds-form-element__label${hideLabel ? ' slds-assistive-text' : ''}`, for: id },
        required ? h('abbr', { class: 'slds-required', title: 'required' }, '*') : null, label),
      h('div', { class: 'slds-form-element__control' }, wrap || control),
      hint ? h('div', { class: 'slds-form-element__help jbp-hint' }, hint) : null, help);
    if (required) control.setAttribute('aria-required', 'true');
    this.fields.push({ path, control, wrapper, help });
    return wrapper;
  }

  text(path, label, obj, prop, opts = {}) {
    const input = h('input', { id: opts.id, class: 'slds-input', type: opts.type || 'text', maxlength: opts.maxlength,
      pattern: opts.pattern, placeholder: opts.placeholder, 'data-field': path, value: obj[prop] ?? '',
      oninput: (e) => { obj[prop] = e.target.value === '' ? null : e.target.value; } });
    return this.element(path, label, input, opts);
  }

  textarea(path, label, obj, prop, opts = {}) {
    const area = h('textarea', { id: opts.id, class: 'slds-textarea', rows: opts.rows || '3', maxlength: opts.maxlength,
      'data-field': path, oninput: (e) => { obj[prop] = e.target.value === '' ? null : e.target.value; } });
    area.value = obj[prop] ?? '';
    return this.element(path, label, area, opts);
  }

  number(path, label, obj, prop, opts = {}) {
    const input = h('input', { class: 'slds-input', type: 'number', inputmode: opts.integer ? 'numeric' : 'decimal',
      min: opts.min ?? '0', step: opts.integer ? '1' : '0.01', 'data-field': path, value: obj[prop] ?? '',
      oninput: (e) => {
        obj[prop] = e.target.value === '' ? null : Number(e.target.value);
        if (opts.onchange) opts.onchange();
      } });
    return this.element(path, label, input, opts);
  }

  /** Money in the plan's currency: the model holds { amount, currency } or null when the amount is empty. */
  money(path, label, obj, prop, currency, opts = {}) {
    const input = h('input', { class: 'slds-input', type: 'number', inputmode: 'decimal', min: '0', step: '0.01',
      'data-field': `${path}.amount`, value: obj[prop]?.amount ?? '',
      oninput: (e) => {
        obj[prop] = e.target.value === '' ? null : { amount: Number(e.target.value), currency };
        if (opts.onchange) opts.onchange();
      } });
    return this.element(path, `${label} (${currency})`, input, opts);
  }

  date(path, label, obj, prop, opts = {}) {
    const input = h('input', { class: 'slds-input', type: 'date', min: opts.min, max: opts.max, 'data-field': path,
      value: obj[prop] ?? '', oninput: (e) => { obj[prop] = e.target.value === '' ? null : e.target.value; } });
    return this.element(path, label, input, opts);
  }

  select(path, label, obj, prop, options, opts = {}) {
    const select = h('select', { id: opts.id, class: 'slds-select', 'data-field': path,
      onchange: (e) => { obj[prop] = e.target.value === '' ? null : e.target.value; } },
    opts.blank !== false ? h('option', { value: '' }, opts.blank || '— Select —') : null,
    options.map(([value, text]) => h('option', { value }, text)));
    select.value = obj[prop] ?? '';
    return this.element(path, label, select, { ...opts, wrap: h('div', { class: 'slds-select_container' }, select) });
  }

  /** A list of short texts (SWOT items, regions, target accounts) with add and remove buttons. */
  list(path, label, obj, prop, { itemLabel = 'Item', maxlength = 500, addLabel = 'Add' } = {}) {
    const items = h('ul', { class: 'jbp-list-edit' });
    const headingId = uid('jbp-list');
    const render = () => {
      this.fields = this.fields.filter((f) => !f.path.startsWith(`${path}[`));
      const values = obj[prop] || [];
      items.replaceChildren(...values.map((value, i) => {
        const input = h('input', { class: 'slds-input', type: 'text', maxlength, 'data-field': `${path}[${i}]`, value,
          oninput: (e) => { obj[prop][i] = e.target.value; } });
        const el = this.element(`${path}[${i}]`, `${itemLabel} ${i + 1}`, input, { hideLabel: true });
        return h('li', { class: 'jbp-list-row' }, el,
          button('Remove', () => {
            obj[prop].splice(i, 1);
            if (!obj[prop].length) obj[prop] = null;
            render();
            addButton.focus();
          }, { variant: 'text-destructive', 'data-remove': `${path}[${i}]`, 'aria-label': `Remove ${itemLabel.toLowerCase()} ${i + 1}: ${value}` }));
      }));
    };
    const addButton = button(addLabel, () => {
      obj[prop] = [...(obj[prop] || []), ''];
      render();
      const inputs = items.querySelectorAll('input');
      inputs[inputs.length - 1].focus();
    }, { variant: 'neutral', 'data-add': path, 'aria-describedby': headingId });
    render();
    const group = h('fieldset', { class: 'slds-form-element jbp-list-group', 'data-path': path },
      h('legend', { class: 'slds-form-element__legend slds-form-element__label', id: headingId }, label), items, addButton);
    const help = h('div', { class: 'slds-form-element__help' });
    group.append(help);
    this.fields.push({ path, control: addButton, wrapper: group, help });
    return group;
  }

  /**
   * Registers a whole collection (a table of rows, a quarterly split) under its own path, so that an error about
   * the collection as a whole (sums, duplicates) shows under it rather than on one of its cells.
   */
  group(path, element) {
    const help = h('div', { class: 'slds-form-element__help', id: uid('jbp-help') });
    const wrapper = h('div', { class: 'slds-form-element jbp-group', 'data-path': path }, element, help);
    const control = element.querySelector('input, select, textarea, button') || wrapper;
    this.fields.push({ path, control, wrapper, help });
    return wrapper;
  }

  clearErrors() {
    for (const f of this.fields) {
      f.wrapper.classList.remove('slds-has-error');
      f.help.textContent = '';
      f.control.removeAttribute('aria-invalid');
      f.control.removeAttribute('aria-describedby');
    }
    this.summary.replaceChildren();
  }

  /**
   * Puts each API field error next to the field it names: the exact path, else the field whose path the error's
   * path starts with (a money amount for an error on the money), else the first field below the error's path
   * (a list for an error on the whole list). Errors naming no field of this form go into the form's summary.
   */
  showErrors(errors, detail) {
    this.clearErrors();
    const unplaced = [];
    const below = (parent, child) => child.startsWith(`${parent}.`) || child.startsWith(`${parent}[`);
    for (const e of errors) {
      let target = this.fields.find((f) => f.path === e.field || f.control.dataset?.field === e.field);
      if (!target) {
        target = this.fields.filter((f) => below(f.path, e.field)).sort((a, b) => b.path.length - a.path.length)[0];
      }
      if (!target) target = this.fields.find((f) => below(e.field, f.path));
      if (!target) { unplaced.push(e); continue; }
      target.wrapper.classList.add('slds-has-error');
      target.help.textContent = target.help.textContent ? `${target.help.textContent}; ${e.message}` : e.message;
      target.control.setAttribute('aria-invalid', 'true');
      target.control.setAttribute('aria-describedby', target.help.id || (target.help.id = uid('jbp-help')));
    }
    const count = errors.length;
    this.summary.replaceChildren(h('div', { class: 'slds-notify slds-notify_alert slds-alert_error jbp-form-error', role: 'alert' },
      h('p', {}, detail || (count === 1 ? 'Check the field marked below.' : `Check the ${count} fields marked below.`)),
      unplaced.length ? h('ul', {}, unplaced.map((e) => h('li', {}, `${e.field}: ${e.message}`))) : null));
    const first = this.fields.find((f) => f.wrapper.classList.contains('slds-has-error'));
    if (first) first.control.focus();
  }

  showMessage(node) {
    this.summary.replaceChildren(node);
  }
}

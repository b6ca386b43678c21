// SLDS components the tab draws itself (the tab has no Lightning runtime): icons from the SLDS sprites the WAR
// bundles under /tab/slds (BSD-3 CSS, CC BY-ND 4.0 icons, see tab/slds/icons/License-for-icons.txt), badges, the
// lifecycle path and a progress bar. Each keeps its meaning in text, so a screen reader and a page without the
// SLDS stylesheet lose nothing but the looks.
import { h, svg, words } from './dom.js';

const ctx = document.getElementById('jbp-main').dataset.ctx;

/**
 * An icon of the SLDS sprite ('utility' or 'standard'). Decorative unless given a label, which then becomes
 * assistive text beside it.
 */
export function icon(name, { category = 'utility', size = 'x-small', label = null, tone = 'default' } = {}) {
  // SLDS icons are white unless a text tone colours them (there is no "inverse" tone class)
  const toneClass = tone === 'inverse' ? 'jbp-icon_inverse' : `slds-icon-text-${tone}`;
  const graphic = svg('svg', { class: `slds-icon slds-icon_${size} ${toneClass} jbp-icon`, 'aria-hidden': 'true',
    focusable: 'false' }, svg('use', { href: `${ctx}/tab/slds/icons/${category}-sprite/svg/symbols.svg#${name}` }));
  return label ? h('span', { class: 'slds-icon_container' }, graphic, h('span', { class: 'slds-assistive-text' }, label)) : graphic;
}

// run, write and plan statuses to the SLDS badge themes; anything else stays a neutral badge
const THEMES = {
  COMPLETED: 'slds-theme_success', DELIVERED: 'slds-theme_success', ACTIVE: 'slds-theme_success', APPROVED: 'slds-theme_success',
  RUNNING: 'slds-badge_inverse', IN_APPROVAL: 'slds-badge_inverse',
  LIMIT_REACHED: 'slds-theme_warning', PENDING: 'slds-theme_warning', ABANDONED: 'slds-theme_warning',
  FAILED: 'slds-theme_error', QUERY_TIMEOUT: 'slds-theme_error', REJECTED: 'slds-theme_error',
  DRAFT: 'slds-badge_lightest', CLOSED: 'slds-badge_lightest', DISCARDED: 'slds-badge_lightest',
};
const ICONS = { COMPLETED: 'success', DELIVERED: 'success', FAILED: 'error', LIMIT_REACHED: 'warning', RUNNING: 'sync',
  PENDING: 'clock', ABANDONED: 'warning', QUERY_TIMEOUT: 'error' };

/** A status as an SLDS badge with the status word; `data-status` carries the API's value. */
export function statusBadge(status, { label = words(status), attr = 'data-status' } = {}) {
  const name = ICONS[status];
  const theme = THEMES[status] || '';
  // white on the dark themes, the text colour on the light ones
  const tone = /success|error|inverse/.test(theme) ? 'inverse' : 'default';
  return h('span', { class: `slds-badge ${theme} jbp-badge`, [attr]: status || '' },
    name ? h('span', { class: 'slds-badge__icon slds-badge__icon_left' }, icon(name, { size: 'xx-small', tone })) : null,
    label);
}

/**
 * The lifecycle as an SLDS path: the stages done, the current one, those ahead. Read-only, so a list with
 * aria-current rather than the interactive listbox of SLDS's own markup. A plan that left the way (REJECTED)
 * shows where it stopped.
 */
export function lifecyclePath(stages, current, { label = 'Lifecycle' } = {}) {
  const at = stages.indexOf(current);
  return h('div', { class: 'slds-path jbp-path', 'data-path': current },
    h('div', { class: 'slds-grid slds-path__track' },
      h('div', { class: 'slds-grid slds-path__scroller-container' },
        h('div', { class: 'slds-path__scroller' },
          h('div', { class: 'slds-path__scroller_inner' },
            h('ol', { class: 'slds-path__nav', 'aria-label': label }, stages.map((stage, i) => {
              const state = at < 0 ? 'slds-is-incomplete' : i < at ? 'slds-is-complete' : i === at ? 'slds-is-current slds-is-active' : 'slds-is-incomplete';
              const said = at < 0 ? '' : i < at ? 'done' : i === at ? 'current stage' : 'ahead';
              return h('li', { class: `slds-path__item ${state}`, 'aria-current': i === at ? 'step' : null, 'data-stage': stage },
                h('span', { class: 'slds-path__link' },
                  h('span', { class: 'slds-path__stage' }, i < at ? icon('check', { size: 'xx-small', tone: 'inverse' }) : null),
                  h('span', { class: 'slds-path__title' }, words(stage)),
                  said ? h('span', { class: 'slds-assistive-text' }, `, ${said}`) : null));
            })))))));
}

/** An SLDS progress bar with its value for assistive technology and as visible text beside it. */
export function progressBar(percent, label, text) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return h('div', { class: 'jbp-progress' },
    h('div', { class: 'slds-progress-bar slds-progress-bar_medium', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
      'aria-valuenow': String(value), 'aria-valuetext': text, 'aria-label': label },
    h('span', { class: 'slds-progress-bar__value', css: { width: `${value}%` } },
      h('span', { class: 'slds-assistive-text' }, `${value} %`))),
    h('p', { class: 'slds-text-body_small jbp-progress-text' }, text));
}

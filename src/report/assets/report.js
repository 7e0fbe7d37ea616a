// annotate report: label filters, pinning an entity across documents, tooltips.
// Plain browser JavaScript inlined into the page; the page works from file:// with no network.
(() => {
  'use strict';
  const main = document.getElementById('main');
  const panel = document.querySelector('.panel');
  const tip = document.getElementById('tip');

  // ---- Filters: nothing selected shows everything; selecting labels shows only those.
  const layers = {
    entity: { selected: new Set(), marks: 'mark.ent', attr: 'label', status: 'ent-status', all: 'All labels shown. Click one to show only it.' },
    claim: { selected: new Set(), marks: 'span.claim, span.src', attr: 'claim', status: 'claim-status', all: 'All shown. Click one to show only it.' },
  };

  function applyFilter(name) {
    const layer = layers[name];
    const on = layer.selected;
    for (const el of main.querySelectorAll(layer.marks)) {
      // A claim's source is shown when one of its claims is.
      const visible = on.size === 0 || (el.classList.contains('src') ? on.has('sourced_claim') : on.has(el.dataset[layer.attr]));
      el.classList.toggle('off', !visible);
      el.classList.toggle('solo', on.size > 0 && visible);
      // Hidden marks are not tab stops (the claims that never were stay so).
      if (el.hasAttribute('tabindex') || el.dataset.tab) {
        el.dataset.tab = '1';
        if (visible || el.classList.contains('pinned')) el.setAttribute('tabindex', '0');
        else el.removeAttribute('tabindex');
      }
    }
    const buttons = panel.querySelectorAll(`button.filter[data-layer="${name}"]`);
    for (const b of buttons) b.setAttribute('aria-pressed', String(on.has(b.dataset.value)));
    const list = buttons[0] && buttons[0].closest('.filters');
    if (list) list.toggleAttribute('data-active', on.size > 0);
    panel.querySelector(`button[data-reset="${name}"]`).hidden = on.size === 0;
    const names = [...buttons].filter((b) => on.has(b.dataset.value)).map((b) => b.querySelector('.name').firstChild.textContent.trim());
    document.getElementById(layer.status).textContent = on.size === 0 ? layer.all : `Showing only: ${names.join(', ')}.`;
  }

  // ---- Pinning: every mention of one entity (id under one label) highlighted, across documents.
  let pinned = null;
  let pinIndex = -1;
  const pinBar = document.getElementById('pin-bar');

  function pinnedMarks() {
    if (!pinned) return [];
    return [...main.querySelectorAll('mark.ent')].filter((m) => m.dataset.label === pinned.label && m.dataset.id === pinned.id);
  }

  function pin(label, id) {
    for (const m of pinnedMarks()) m.classList.remove('pinned');
    pinned = pinned && pinned.label === label && pinned.id === id ? null : { label, id };
    pinIndex = -1;
    const marks = pinnedMarks();
    for (const m of marks) {
      m.classList.add('pinned');
      m.setAttribute('tabindex', '0');
    }
    for (const b of panel.querySelectorAll('button.pin')) {
      b.setAttribute('aria-pressed', String(!!pinned && b.dataset.label === pinned.label && b.dataset.id === pinned.id));
    }
    pinBar.hidden = !pinned;
    if (pinned) {
      const docs = new Set(marks.map((m) => m.closest('article').id)).size;
      const name = marks[0] ? marks[0].dataset.canonical : id;
      document.getElementById('pin-status').textContent = `${name} (${label}): ${marks.length} mention${marks.length === 1 ? '' : 's'} in ${docs} document${docs === 1 ? '' : 's'}.`;
    }
    applyFilter('entity');
  }

  function nextPinned() {
    const marks = pinnedMarks();
    if (!marks.length) return;
    pinIndex = (pinIndex + 1) % marks.length;
    marks[pinIndex].scrollIntoView({ block: 'center' });
    marks[pinIndex].focus({ preventScroll: true });
  }

  // ---- Tooltip: what the records say about the mark under the pointer or the focus.
  function add(parent, tag, text) {
    const el = document.createElement(tag);
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function fillTip(el) {
    tip.replaceChildren();
    const d = el.dataset;
    if (el.matches('mark.ent')) {
      add(tip, 'strong', el.textContent);
      const dl = add(tip, 'dl', '');
      const rows = [['label', d.label], ['id', d.id], ['canonical', d.canonical], ['source', d.source], ['alias', d.alias], ['from', d.prov]];
      for (const [k, v] of rows) if (v) add(dl, 'dt', k), add(dl, 'dd', v);
      return true;
    }
    if (el.matches('span.claim')) {
      const names = { unsourced_claim: 'Unsourced claim', sourced_claim: 'Sourced claim', not_claim: 'Not a claim' };
      add(tip, 'strong', `${d.key} · ${names[d.claim] || d.claim} · score ${d.score}`);
      if (d.sourceKind) add(tip, 'div', `source (${d.sourceKind}): “${d.sourceText}”`);
      const cues = add(tip, 'ul', '');
      for (const cue of (d.cues || '').split('\n').filter(Boolean)) add(cues, 'li', cue);
      return true;
    }
    if (el.matches('span.src')) {
      add(tip, 'strong', `Source (${d.kind}) of ${d.keys.split(' ').join(', ')}`);
      return true;
    }
    return false;
  }

  let tipFor = null;
  function showTip(el) {
    if (!el || el.classList.contains('off') || !fillTip(el)) return hideTip();
    tipFor = el;
    tip.hidden = false;
    el.setAttribute('aria-describedby', 'tip');
    const r = el.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    const below = r.bottom + 6 + t.height < window.innerHeight;
    tip.style.top = `${below ? r.bottom + 6 : Math.max(4, r.top - t.height - 6)}px`;
    tip.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - t.width - 8))}px`;
  }

  function hideTip() {
    if (tipFor) tipFor.removeAttribute('aria-describedby');
    tipFor = null;
    tip.hidden = true;
  }

  const target = (ev) => ev.target.closest && ev.target.closest('#main mark.ent, #main span.claim, #main span.src');
  // The innermost mark wins: an entity inside a claim shows the entity.
  document.addEventListener('mouseover', (ev) => {
    const el = target(ev);
    if (el !== tipFor) el ? showTip(el) : hideTip();
  });
  document.addEventListener('focusin', (ev) => (target(ev) ? showTip(target(ev)) : hideTip()));
  // Tabbing to a mention scrolls it into view: a focused mark keeps its tooltip, placed again.
  window.addEventListener('scroll', () => (tipFor && tipFor === document.activeElement ? showTip(tipFor) : hideTip()), { passive: true });

  document.addEventListener('click', (ev) => {
    const t = ev.target.closest ? ev.target : null;
    if (!t) return;
    const filter = t.closest('button.filter');
    if (filter) {
      const set = layers[filter.dataset.layer].selected;
      set.has(filter.dataset.value) ? set.delete(filter.dataset.value) : set.add(filter.dataset.value);
      return applyFilter(filter.dataset.layer);
    }
    const reset = t.closest('button[data-reset]');
    if (reset) {
      layers[reset.dataset.reset].selected.clear();
      return applyFilter(reset.dataset.reset);
    }
    const pinButton = t.closest('button.pin');
    if (pinButton) {
      pin(pinButton.dataset.label, pinButton.dataset.id);
      if (pinned) nextPinned();
      return;
    }
    if (t.closest('#pin-next')) return nextPinned();
    if (t.closest('#pin-clear')) return pinned && pin(pinned.label, pinned.id);
    const mark = t.closest('#main mark.ent');
    if (mark && !mark.classList.contains('off')) pin(mark.dataset.label, mark.dataset.id);
  });

  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      if (!tip.hidden) hideTip();
      else if (pinned) pin(pinned.label, pinned.id);
      return;
    }
    // Enter on a focused mention pins it, like a click.
    const mark = ev.target.closest && ev.target.closest('#main mark.ent');
    if (mark && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      pin(mark.dataset.label, mark.dataset.id);
    }
  });
})();

export const $ = (sel, root) => (root || document).querySelector(sel);

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (k === 'class') {
      e.className = v;
    } else if (k.startsWith('on')) {
      e.addEventListener(k.slice(2), v);
    } else {
      e.setAttribute(k, v === true ? '' : v);
    }
  });
  children.flat().forEach(c => {
    if (c !== null && c !== undefined && c !== false) {
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  });
  return e;
}

/** Shows a status line (role=status, read out by screen readers). */
export function status(text, kind) {
  const s = document.getElementById('designer-status');
  if (s) {
    s.textContent = text || '';
    s.className = 'designer-status' + (kind ? ' ' + kind : '');
  }
}

export function dialog(id) {
  const d = document.getElementById(id);
  return {
    el: d,
    open() {
      d.showModal();
    },
    close() {
      d.close();
    }
  };
}

/** The (agency) query parameter of the page, passed on to the API. */
export function pageAgency() {
  return new URLSearchParams(location.search).get('agency') || '';
}

export function data() {
  return document.getElementById('main').dataset;
}

// Elements built with attributes only: no inline style, which the site's Content-Security-Policy refuses.
export function el(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) { continue; }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) { element.append(child); }
  }
  return element;
}

let counter = 0;

/** An id unique on the page, to tie a label to its field. */
export function uniqueId(prefix) {
  counter += 1;
  return prefix + '-' + counter;
}

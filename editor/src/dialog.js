// An address asked for in the page instead of window.prompt: a modal <dialog>, so the browser keeps
// focus inside it and Escape closes it; the caller puts focus back into the editor.
import { el, uniqueId } from './dom.js';

/** Resolves to the trimmed address, or null when the writer cancelled. */
export function askAddress({ title, label, hint, value, done, check }) {
  const inputId = uniqueId('address');
  const hintId = uniqueId('address-hint');
  const input = el('input', { type: 'url', id: inputId, class: 'rich-dialog-input', 'aria-describedby': hintId, spellcheck: 'false', autocomplete: 'off' });
  input.value = value || '';
  const problem = el('p', { class: 'rich-dialog-problem', role: 'alert' });
  const ok = el('button', { type: 'button', class: 'rich-dialog-ok' }, done);
  const cancel = el('button', { type: 'button', class: 'rich-dialog-cancel' }, 'Cancel');
  const heading = el('h2', { id: uniqueId('address-title') }, title);
  const dialog = el('dialog', { class: 'rich-dialog', 'aria-labelledby': heading.id },
    heading, el('label', { for: inputId }, label), input, el('p', { id: hintId, class: 'rich-dialog-hint' }, hint), problem,
    el('div', { class: 'rich-dialog-actions' }, ok, cancel));
  document.body.append(dialog);
  return new Promise((resolve) => {
    let answer = null;
    const submit = () => {
      const given = input.value.trim();
      const wrong = check && given ? check(given) : '';
      if (wrong) { problem.textContent = wrong; input.setAttribute('aria-invalid', 'true'); input.focus(); return; }
      answer = given;
      dialog.close();
    };
    ok.addEventListener('click', submit);
    cancel.addEventListener('click', () => dialog.close());
    // Enter would otherwise do nothing (the dialog holds no form of its own: it must not nest in the article's).
    input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); submit(); } });
    dialog.addEventListener('close', () => { dialog.remove(); resolve(answer); });
    dialog.showModal();
    input.focus();
    input.select();
  });
}

// A library image placed in the body. The block holds only the figure's id: alt text, caption and
// credit belong to the library figure (every article showing it shows the same words), so the
// fields here save straight to the media library.
import { Node } from '@tiptap/core';
import { el, uniqueId } from './dom.js';

export function figureNode(library) {
  return Node.create({
    name: 'figure',
    group: 'block',
    atom: true,
    draggable: true,
    addAttributes() {
      return { figureId: { default: null } };
    },
    parseHTML: () => [{ tag: 'figure[data-figure-id]', getAttrs: (node) => ({ figureId: Number(node.getAttribute('data-figure-id')) }) }],
    renderHTML: ({ HTMLAttributes }) => ['figure', { 'data-figure-id': HTMLAttributes.figureId }],
    addCommands() {
      return {
        insertFigure: (figureId) => ({ commands }) => commands.insertContent({ type: this.name, attrs: { figureId } }),
      };
    },
    addNodeView() {
      return ({ node }) => figureView(node.attrs.figureId, library);
    },
  });
}

function field(label, name, value, attrs) {
  const id = uniqueId('figure-' + name);
  const input = el('input', { type: 'text', id, ...attrs });
  input.value = value || '';
  return { input, row: el('p', { class: 'figure-field' }, el('label', { for: id }, label), input) };
}

function figureView(figureId, library) {
  const image = el('img', { alt: '', 'data-figure-image': '' });
  // Not `required`: the form's validation would then stop a draft being saved, and alt text is needed only to publish.
  const alt = field('Alt text (required before publishing)', 'alt', '', { 'aria-required': 'true' });
  const caption = field('Caption', 'caption', '');
  const credit = field('Credit', 'credit', '');
  const status = el('p', { class: 'figure-status', role: 'status', 'aria-live': 'polite' });
  const fields = el('div', { class: 'figure-fields' }, alt.row, caption.row, credit.row, status);
  const dom = el('figure', { class: 'figure-block', 'data-figure-id': figureId, contenteditable: 'false' }, image, fields);

  library.get(figureId).then((figure) => {
    image.src = figure.src;
    image.alt = figure.alt;
    alt.input.value = figure.alt;
    caption.input.value = figure.caption;
    credit.input.value = figure.credit;
    dom.classList.toggle('needs-alt', !figure.alt.trim());
  }).catch((error) => { status.textContent = error.message; });

  const save = () => {
    dom.classList.toggle('needs-alt', !alt.input.value.trim());
    status.textContent = 'Saving…';
    library.describe(figureId, alt.input.value, caption.input.value, credit.input.value)
      .then(() => { status.textContent = 'Saved to the media library.'; image.alt = alt.input.value; })
      .catch((error) => { status.textContent = error.message; });
  };
  for (const input of [alt.input, caption.input, credit.input]) {
    input.addEventListener('change', save);
    // Enter in a field must not split the document around the figure.
    input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); save(); } });
  }
  return {
    dom,
    stopEvent: (event) => fields.contains(event.target),
    ignoreMutation: () => true,
  };
}

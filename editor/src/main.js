// The newsroom's body editor: a progressive enhancement of the article form. Without JavaScript
// the Markdown textarea posts `body`; with it, this editor takes the textarea's place and keeps
// the hidden field `bodyDocument` (ProseMirror JSON, which wins on the server) up to date, so
// save, preview and autosave all send the document without knowing about the editor.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { askAddress } from './dialog.js';
import { el, uniqueId } from './dom.js';
import { figureNode } from './figure.js';
import { mediaLibrary } from './library.js';
import { Aside, EMBEDDABLE, Embed, ImportedHtml, InlineImage, PullQuote, Table, TableCell, TableHeader, TableRow, TightBulletList, TightOrderedList } from './nodes.js';

function mount(textarea) {
  const form = textarea.form;
  const library = mediaLibrary(textarea.dataset.csrfParameter, textarea.dataset.csrfToken);
  const field = form.elements.namedItem('bodyDocument') || form.appendChild(el('input', { type: 'hidden', name: 'bodyDocument' }));
  const initial = field.value || textarea.dataset.document;
  const status = el('p', { class: 'rich-editor-status', role: 'status', 'aria-live': 'polite' });
  const content = el('div', { class: 'rich-editor-content' });
  const labelId = uniqueId('body-label');

  let broken = null;
  const editor = new Editor({
    element: content,
    injectCSS: false,
    enableContentCheck: true,
    onContentError: ({ error }) => { broken = error; },
    content: initial ? JSON.parse(initial) : textarea.dataset.html || '',
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        bulletList: false,
        orderedList: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto'], defaultProtocol: 'https' },
      }),
      TightBulletList, TightOrderedList, InlineImage, Table, TableRow, TableCell, TableHeader,
      PullQuote, Aside, Embed.configure({ inserted: (url) => lookupEmbed(url) }), ImportedHtml, figureNode(library),
    ],
    editorProps: {
      attributes: { dir: 'auto', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, class: 'rich-editor-body article-body' },
      handlePaste: (view, event) => uploadAll(event.clipboardData?.files, null),
      handleDrop: (view, event) => {
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        return uploadAll(event.dataTransfer?.files, at ? at.pos : null);
      },
    },
  });
  if (broken) {
    // The stored body has something this editor cannot hold: keep the Markdown textarea, lose nothing.
    editor.destroy();
    return;
  }

  function uploadAll(files, position) {
    const images = Array.from(files || []).filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) { return false; }
    images.forEach((file) => upload(file, position));
    return true;
  }

  function upload(file, position) {
    status.textContent = 'Uploading ' + file.name + '…';
    status.setAttribute('role', 'status');
    library.upload(file).then((figure) => {
      const chain = editor.chain().focus();
      (position === null ? chain : chain.setTextSelection(position)).insertFigure(figure.id).run();
      status.textContent = 'Uploaded ' + file.name + '. Add its alt text below the image.';
    }).catch((error) => {
      status.setAttribute('role', 'alert');
      status.textContent = file.name + ' was not uploaded: ' + error.message;
    });
  }

  const picker = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/gif', multiple: true, class: 'visually-hidden',
    tabindex: '-1', 'aria-hidden': 'true', 'data-editor-upload': '' });
  picker.addEventListener('change', () => { uploadAll(picker.files, null); picker.value = ''; });

  const shelf = el('div', { class: 'rich-library', hidden: true, role: 'region', 'aria-label': 'Media library' });
  function openLibrary() {
    shelf.hidden = !shelf.hidden;
    if (shelf.hidden) { return; }
    shelf.replaceChildren(el('p', {}, 'Loading the library…'));
    library.recent().then((figures) => {
      if (figures.length === 0) { shelf.replaceChildren(el('p', {}, 'The library has no images yet.')); return; }
      const list = el('ul', { class: 'rich-library-list' });
      for (const figure of figures) {
        const choose = el('button', { type: 'button', class: 'rich-library-choice' },
          el('img', { src: figure.src, alt: '' }), el('span', {}, figure.alt || figure.caption || 'Image ' + figure.id + ' (no alt text yet)'));
        choose.addEventListener('click', () => { editor.chain().focus().insertFigure(figure.id).run(); shelf.hidden = true; });
        list.append(el('li', {}, choose));
      }
      shelf.replaceChildren(list);
      list.querySelector('button')?.focus();
    }).catch((error) => { shelf.replaceChildren(el('p', { role: 'alert' }, error.message)); });
  }

  function askLink() {
    const previous = editor.getAttributes('link').href || '';
    askAddress({ title: 'Link', label: 'Link address', hint: 'Leave it empty to remove the link.', value: previous, done: 'Set link' })
      .then((href) => {
        editor.commands.focus();
        if (href === null) { return; }
        const chain = editor.chain().focus().extendMarkRange('link');
        (href ? chain.setLink({ href }) : chain.unsetLink()).run();
      });
  }

  function askEmbed() {
    askAddress({ title: 'Embed', label: 'Address to embed', hint: 'A YouTube, Vimeo, X, SoundCloud, Spotify… link (https://…).',
      value: '', done: 'Embed', check: (url) => (EMBEDDABLE.test(url) ? '' : 'An embed needs an http or https address without spaces.') })
      .then((url) => {
        editor.commands.focus();
        if (url) { editor.chain().focus().insertEmbed(url).run(); }
      });
  }

  /** Says on the embed blocks for the address (those still without a title) how the lookup went. */
  function embedNote(url, text) {
    content.querySelectorAll('.embed-block').forEach((block) => {
      if (block.dataset.embedUrl === url && !block.querySelector('.embed-block-title')) {
        block.querySelector('.embed-block-note').textContent = text;
      }
    });
  }

  function lookupEmbed(url) {
    embedNote(url, 'Looking up the title…');
    library.lookupEmbed(url).then((found) => {
      const tr = editor.state.tr;
      editor.state.doc.descendants((node, pos) => {
        if (node.type.name === 'embed' && node.attrs.url === url && !node.attrs.title && !node.attrs.thumbnail && (found.title || found.thumbnail)) {
          tr.setNodeMarkup(pos, undefined, { ...node.attrs, title: found.title || null, thumbnail: found.thumbnail || null });
        }
      });
      if (tr.docChanged) {
        // Not an edit the writer made: undo should not take the title away again.
        editor.view.dispatch(tr.setMeta('addToHistory', false));
      }
      embedNote(url, found.title ? '' : 'No title found' + (found.note ? ' (' + found.note + ')' : '') + '. The card will show the address.');
    }).catch((error) => embedNote(url, 'No title found (' + error.message + '). The card will show the address.'));
  }

  const c = () => editor.chain().focus();
  // [label, action, is it on now (for toggles; null: a plain action), can it run]
  const buttons = [
    ['Paragraph', () => c().setParagraph().run(), () => editor.isActive('paragraph')],
    ['Heading 2', () => c().toggleHeading({ level: 2 }).run(), () => editor.isActive('heading', { level: 2 })],
    ['Heading 3', () => c().toggleHeading({ level: 3 }).run(), () => editor.isActive('heading', { level: 3 })],
    ['Bold', () => c().toggleBold().run(), () => editor.isActive('bold')],
    ['Italic', () => c().toggleItalic().run(), () => editor.isActive('italic')],
    ['Link', askLink, () => editor.isActive('link')],
    ['Bulleted list', () => c().toggleBulletList().run(), () => editor.isActive('bulletList')],
    ['Numbered list', () => c().toggleOrderedList().run(), () => editor.isActive('orderedList')],
    ['Quote', () => c().toggleBlockquote().run(), () => editor.isActive('blockquote')],
    ['Pull quote', () => c().togglePullQuote().run(), () => editor.isActive('pullQuote')],
    ['Factbox', () => c().toggleAside().run(), () => editor.isActive('aside')],
    ['Divider', () => c().setHorizontalRule().run(), null],
    ['Upload image', () => picker.click(), null],
    ['Image from library', openLibrary, null],
    ['Embed', askEmbed, null],
    ['Undo', () => c().undo().run(), null, () => editor.can().undo()],
    ['Redo', () => c().redo().run(), null, () => editor.can().redo()],
  ].map(([label, run, active, can]) => {
    const button = el('button', { type: 'button', class: 'rich-tool' }, label);
    if (active) { button.setAttribute('aria-pressed', 'false'); }
    // Keep the selection in the document while the button is pressed.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', run);
    return { button, active, can };
  });
  const toolbar = el('div', { class: 'rich-toolbar', role: 'group', 'aria-label': 'Body formatting' }, ...buttons.map((b) => b.button));

  function refresh() {
    for (const { button, active, can } of buttons) {
      if (active) { button.setAttribute('aria-pressed', String(active())); }
      if (can) { button.disabled = !can(); }
    }
  }

  function write() {
    field.value = JSON.stringify(editor.getJSON());
    // The autosave script listens for input on the form; a hidden field changed by script fires none.
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }

  editor.on('transaction', refresh);
  editor.on('update', write);
  field.value = JSON.stringify(editor.getJSON());
  refresh();

  const wrapper = el('div', { class: 'rich-editor' },
    el('p', { class: 'rich-editor-label', id: labelId }, 'Body'), toolbar, shelf, status, content, picker);
  const label = textarea.closest('label') || textarea;
  label.after(wrapper);
  label.hidden = true;
  textarea.disabled = true;
  form.querySelectorAll('[data-without-editor]').forEach((notice) => { notice.hidden = true; });
  // Embeds now come from the body's embed blocks.
  const embeds = form.elements.namedItem('embeds');
  if (embeds) {
    (embeds.closest('label') || embeds).hidden = true;
    embeds.disabled = true;
  }
}

const textarea = document.querySelector('form#editor textarea[name=body][data-rich-editor]');
if (textarea) { mount(textarea); }

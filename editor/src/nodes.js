// Broadsheet's blocks and the StarterKit changes the server's BodyDocumentJson expects: every
// node name and attribute here must be one that server reads, or saving is refused.
import { Node, mergeAttributes } from '@tiptap/core';
import BulletList from '@tiptap/extension-bullet-list';
import OrderedList from '@tiptap/extension-ordered-list';
import { Plugin, TextSelection } from '@tiptap/pm/state';
import { el } from './dom.js';

/** Markdown's tight lists render without <p> in items; bodies converted from Markdown carry the flag, new lists are tight. */
const tight = {
  tight: {
    default: true,
    parseHTML: (element) => element.getAttribute('data-tight') !== 'false',
    renderHTML: (attrs) => ({ 'data-tight': attrs.tight ? 'true' : 'false' }),
  },
};

export const TightBulletList = BulletList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...tight };
  },
});

export const TightOrderedList = OrderedList.extend({
  addAttributes() {
    return { ...this.parent?.(), ...tight };
  },
});

/** An image by address, as Markdown's ![alt](src) left them in converted bodies; new images are figures. */
export const InlineImage = Node.create({
  name: 'image',
  inline: true,
  group: 'inline',
  draggable: true,
  addAttributes() {
    return { src: { default: null }, alt: { default: null }, title: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'img[src]:not([data-figure-image])' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['img', HTMLAttributes];
  },
});

/** Converted Markdown tables: kept and editable as text, with no column widths (they would need style attributes). */
export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: () => ['table', ['tbody', 0]],
});
export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)+',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: () => ['tr', 0],
});
const cell = (name, tag) => Node.create({
  name,
  content: 'paragraph+',
  isolating: true,
  addAttributes: () => ({ colspan: { default: 1 }, rowspan: { default: 1 } }),
  parseHTML: () => [{ tag }],
  renderHTML: () => [tag, 0],
});
export const TableCell = cell('tableCell', 'td');
export const TableHeader = cell('tableHeader', 'th');

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'aside.pull-quote', contentElement: (node) => node.querySelector('p') || node }],
  renderHTML: () => ['aside', { class: 'pull-quote' }, ['p', 0]],
  addCommands() {
    return {
      togglePullQuote: () => ({ commands }) => commands.toggleNode(this.name, 'paragraph'),
    };
  },
});

export const Aside = Node.create({
  name: 'aside',
  group: 'block',
  content: 'block+',
  defining: true,
  addAttributes() {
    return { title: { default: null } };
  },
  parseHTML: () => [{ tag: 'aside.factbox', getAttrs: (node) => ({ title: node.querySelector('h2, h3')?.textContent || null }) }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes({ class: 'factbox' }, { 'data-title': HTMLAttributes.title }), 0],
  addCommands() {
    return {
      toggleAside: () => ({ commands }) => commands.toggleWrap(this.name),
    };
  },
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const title = el('input', { type: 'text', class: 'factbox-title', placeholder: 'Factbox title (optional)', 'aria-label': 'Factbox title' });
      title.value = node.attrs.title || '';
      // Enter in a field of the form would submit it.
      title.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); title.blur(); } });
      title.addEventListener('change', () => {
        editor.chain().command(({ tr }) => {
          tr.setNodeAttribute(getPos(), 'title', title.value.trim() || null);
          return true;
        }).run();
      });
      const content = el('div', { class: 'factbox-content' });
      const dom = el('aside', { class: 'factbox' }, title, content);
      return {
        dom,
        contentDOM: content,
        stopEvent: (event) => event.target === title,
        ignoreMutation: (mutation) => mutation.target === title || mutation.type === 'attributes' && mutation.target === dom,
        update: (updated) => {
          if (updated.type.name !== 'aside') { return false; }
          if (document.activeElement !== title) { title.value = updated.attrs.title || ''; }
          return true;
        },
      };
    };
  },
});

const EMBEDDABLE = /^https?:\/\/\S+$/;

/**
 * Third-party media by address; the page shows it as a card. A bare address pasted on an empty line
 * becomes one. Title and thumbnail (a copy in the site's media store) are looked up once, when the
 * block is inserted, through the `inserted` option; until then, or when that fails, the block shows its address.
 */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addOptions() {
    return { inserted: () => {} };
  },
  addAttributes() {
    return { url: { default: null }, title: { default: null }, thumbnail: { default: null } };
  },
  parseHTML: () => [{ tag: 'div[data-embed-url]', getAttrs: (node) => ({ url: node.getAttribute('data-embed-url') }) }],
  renderHTML: ({ HTMLAttributes }) => ['div', { 'data-embed-url': HTMLAttributes.url }],
  addNodeView() {
    return ({ node }) => {
      const { url, title, thumbnail } = node.attrs;
      return {
        dom: el('div', { class: 'embed-block', 'data-embed-url': url },
          thumbnail ? el('img', { class: 'embed-block-thumbnail', src: thumbnail, alt: '' }) : null,
          el('span', { class: 'embed-block-label' }, 'Embed'), ' ',
          title ? el('span', { class: 'embed-block-title' }, title) : null,
          el('span', { class: 'embed-block-url', dir: 'ltr' }, url),
          el('span', { class: 'embed-block-note', role: 'status' })),
      };
    };
  },
  addCommands() {
    return {
      insertEmbed: (url) => ({ commands }) => {
        const done = commands.insertContent({ type: this.name, attrs: { url } });
        if (done) { this.options.inserted(url); }
        return done;
      },
    };
  },
  addProseMirrorPlugins() {
    const type = this.type;
    const inserted = (url) => this.options.inserted(url);
    return [new Plugin({
      props: {
        handlePaste(view, event) {
          const text = (event.clipboardData?.getData('text/plain') || '').trim();
          const { $from, empty } = view.state.selection;
          if (!EMBEDDABLE.test(text) || !empty || $from.parent.type.name !== 'paragraph'
              || $from.parent.content.size !== 0 || $from.depth !== 1) {
            return false;
          }
          // The embed takes the empty line; writing goes on in a new paragraph under it.
          const embed = type.create({ url: text });
          const tr = view.state.tr.replaceWith($from.before(), $from.after(), [embed, view.state.schema.nodes.paragraph.create()]);
          tr.setSelection(TextSelection.create(tr.doc, $from.before() + embed.nodeSize + 1));
          view.dispatch(tr.scrollIntoView());
          inserted(text);
          return true;
        },
      },
    })];
  },
});

export { EMBEDDABLE };

/**
 * HTML an import could not map to the editor's blocks, kept as the server sanitized it. The editor
 * shows its source as text (never as markup) and keeps it unchanged; it can be deleted or rewritten.
 */
export const ImportedHtml = Node.create({
  name: 'html',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { html: { default: '' } };
  },
  parseHTML: () => [{ tag: 'div[data-imported-html]', getAttrs: (node) => ({ html: node.getAttribute('data-imported-html') }) }],
  renderHTML: ({ HTMLAttributes }) => ['div', { 'data-imported-html': HTMLAttributes.html }],
  addNodeView() {
    return ({ node }) => ({
      dom: el('div', { class: 'embed-block imported-html' },
        el('span', { class: 'embed-block-label' }, 'Imported HTML, shown to readers as it was'), ' ',
        el('code', { class: 'embed-block-url', dir: 'ltr' }, node.attrs.html)),
    });
  },
});

/*
 * Our additions to django-prose-editor (loaded by its "configurable" preset, see
 * core/prose.py): the "Deutscher Text" mark, language and direction of paragraphs,
 * <address>, and German labels on the toolbar. What these write is listed in
 * core/richtext.py (EDITOR_TAGS, EDITOR_ATTRIBUTES).
 */
import {
  Extension,
  Link as BaseLink,
  Mark,
  Menu as BaseMenu,
  Node,
} from "django-prose-editor/editor";

// Toolbar buttons by their menu item name; the editor's own titles are English.
export const LABELS = {
  paragraph: "Absatz",
  heading2: "Überschrift (Ebene 2)",
  heading3: "Überschrift (Ebene 3)",
  heading4: "Überschrift (Ebene 4)",
  bulletList: "Aufzählung",
  orderedList: "Nummerierte Liste",
  blockquote: "Zitat",
  bold: "Fett",
  italic: "Kursiv",
  languageSpan: "Deutscher Text",
  link: "Link einfügen oder bearbeiten",
  unlink: "Link entfernen",
  "history:undo": "Rückgängig",
  "history:redo": "Wiederherstellen",
};

function languageAttributes() {
  const attribute = (name) => ({
    default: null,
    parseHTML: (element) => element.getAttribute(name),
    renderHTML: (attributes) => (attributes[name] ? { [name]: attributes[name] } : {}),
  });
  return { lang: attribute("lang"), dir: attribute("dir") };
}

function isRightToLeft(editor) {
  return getComputedStyle(editor.view.dom).direction === "rtl";
}

// <span lang="de">: German words inside another language. The same mark keeps any
// <span lang> or <span dir="ltr"> already in a text, so saving never drops them.
export const LanguageSpan = Mark.create({
  name: "languageSpan",
  addAttributes: languageAttributes,
  parseHTML() {
    return [{ tag: "span[lang]" }, { tag: "span[dir]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", HTMLAttributes, 0];
  },
  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "languageSpan",
      groups: "marks",
      button: buttons.text(LABELS.languageSpan, LABELS.languageSpan),
      command(editor) {
        // German inside Arabic or Farsi also needs its own direction.
        const attributes = { lang: "de", dir: isRightToLeft(editor) ? "ltr" : null };
        editor.chain().focus().toggleMark("languageSpan", attributes).run();
      },
      active: (editor) => editor.isActive("languageSpan", { lang: "de" }),
      enabled: (editor) => editor.can().toggleMark("languageSpan"),
    });
  },
});

// lang and dir of paragraphs and list items (in translated texts), and the language and
// direction of the editing area itself, taken from the textarea it replaces.
export const BlockLanguage = Extension.create({
  name: "blockLanguage",
  addGlobalAttributes() {
    return [{ types: ["paragraph", "listItem"], attributes: languageAttributes() }];
  },
  onCreate() {
    const textarea = this.editor.options.element.querySelector("textarea");
    if (!textarea) { return; }
    ["lang", "dir"].forEach((name) => {
      const value = textarea.getAttribute(name);
      if (value) { this.editor.view.dom.setAttribute(name, value); }
    });
  },
});

export const Address = Node.create({
  name: "address",
  group: "block",
  content: "inline*",
  defining: true,
  parseHTML() {
    return [{ tag: "address" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["address", HTMLAttributes, 0];
  },
});

// The link dialog leaves an empty title when none is typed; write none then.
export const Link = BaseLink.extend({
  addAttributes() {
    const attributes = this.parent?.() || {};
    return {
      ...attributes,
      title: {
        ...attributes.title,
        renderHTML: ({ title }) => (title ? { title } : {}),
      },
    };
  },
});

export const Menu = BaseMenu.extend({
  onCreate(props) {
    this.parent?.(props);
    const toolbar = this.storage.dom;
    if (!toolbar) { return; }
    toolbar.setAttribute("role", "group");
    toolbar.setAttribute("aria-label", "Textformat");
    toolbar.querySelectorAll("[data-name]").forEach((button) => {
      const label = LABELS[button.dataset.name];
      if (label) {
        button.title = label;
        button.setAttribute("aria-label", label);
      }
    });
    // The editing area is named by the field's own label, as its textarea was.
    const area = this.editor.view.dom;
    const label = area.closest(".form-row, .fieldBox")?.querySelector("label[for]");
    if (label) {
      label.id ||= `${label.htmlFor}-label`;
      area.setAttribute("aria-labelledby", label.id);
    }
  },
});

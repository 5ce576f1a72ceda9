"""The admin's rich-text editor (django-prose-editor): its extensions and what each one writes.

Imported by the settings, so it loads nothing that needs the app registry.
"""

from django_prose_editor.config import html_tags, process_link
from js_asset import static_lazy

# The editor's toolbar and schema. Everything it can write is listed in
# core.richtext.EDITOR_TAGS/EDITOR_ATTRIBUTES; a test holds the two equal.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": {"enableListAttributes": False},
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    # Ours, in core/static/core/js/prose_extensions.js:
    "LanguageSpan": True,
    "BlockLanguage": True,
    "Address": True,
    # Buttons instead of the default drop-down for the block type: a drop-down of the
    # editor is a bare <div> that the keyboard cannot reach.
    "Menu": {
        "groups": [
            {"group": "blockType -lists"},
            {"group": "lists"},
            {"group": "nodes -blockType -lists"},
            {"group": "marks"},
            {"group": "link"},
            {"group": "history"},
        ]
    },
}

# What our own extensions write, for django-prose-editor's allowlist.
PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("core/js/prose_extensions.js")],
        "extensions": {
            "LanguageSpan": html_tags(["span"], {"span": ["lang", "dir"]}),
            "BlockLanguage": html_tags([], {"p": ["lang", "dir"], "li": ["lang", "dir"]}),
            "Address": html_tags(["address"]),
            # Writes no empty title; otherwise django-prose-editor's own link.
            "Link": process_link,
            # German button labels; writes nothing.
            "Menu": html_tags([]),
        },
    }
]

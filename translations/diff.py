"""What changed in a German text, word by word, for the translators in the admin."""

from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

# Elements that end a line of visible text: their words must not run into the next ones.
BLOCK_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "tr",
    "th",
    "td",
    "address",
}
# Unchanged words kept on each side of a change; longer unchanged stretches become "…".
CONTEXT = 8


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(value, *, rich):
    """The text a reader sees: rich text without its markup, plain text as it is."""
    if not rich:
        return value or ""
    collector = _TextCollector()
    collector.feed(value or "")
    collector.close()
    return "".join(collector.parts)


def word_diff(old, new):
    """The change from `old` to `new` as escaped HTML: removed words in <del>, added in <ins>.

    Each change carries the words „entfernt“ or „hinzugefügt“, so it does not rest on the
    strike-through or the colour alone. None when the words are the same.
    """
    old_words, new_words = old.split(), new.split()
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    opcodes = matcher.get_opcodes()
    if all(tag == "equal" for tag, *_rest in opcodes):
        return None
    pieces = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            pieces.append(
                _unchanged(old_words[i1:i2], first=index == 0, last=index == len(opcodes) - 1)
            )
            continue
        if tag in ("delete", "replace"):
            pieces.append(_change("del", _("entfernt:"), old_words[i1:i2]))
        if tag in ("insert", "replace"):
            pieces.append(_change("ins", _("hinzugefügt:"), new_words[j1:j2]))
    return format_html_join(" ", "{}", ((piece,) for piece in pieces))


def _unchanged(words, *, first, last):
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    if len(words) <= len(head) + len(tail) + 1:
        return " ".join(words)
    return " ".join([*head, "…", *tail])


def _change(element, label, words):
    return format_html(
        '<{} class="translation-diff__{}"><span class="translation-diff__label">{}</span> '
        '<span class="translation-diff__words">{}</span></{}>',
        element,
        element,
        label,
        " ".join(words),
        element,
    )

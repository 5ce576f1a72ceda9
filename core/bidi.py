"""Left-to-right runs inside right-to-left text: phone numbers, e-mail, postal codes, URLs.

In an Arabic or Farsi paragraph the bidi algorithm orders the digit groups of
"03433 241-3431" right to left ("3431-241 03433"); isolating such runs keeps them as typed.
Only ASCII digits are matched: Arabic-Indic digits ("٠٣٤٣٣") are the editor's choice of
an Arabic number and are left as written.
"""

import re
from html import unescape
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe

from .languages import current_language, site_language

_URL = r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
_EMAIL = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# A national 0 or a "+": years, amounts and counts never start that way.
_PHONE = (
    r"(?<![A-Za-z0-9+/])(?:\+[0-9]{1,3}|\(0[0-9]*\)|0[0-9]+)"
    r"(?:(?: ?[/\-\u2013] ?|[ \u00a0\u202f])(?:\([0-9]+\)|[0-9]+))*"
)
_POSTAL_CODE = r"(?<![A-Za-z0-9])[0-9]{5}(?![A-Za-z0-9])"
LTR_RUN = re.compile(
    f"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<phone>{_PHONE})|(?P<postal>{_POSTAL_CODE})"
)

# A sentence's full stop or closing bracket after a URL belongs to the sentence.
_URL_TRAILING = ".,;:!?'\")]"
# "0 5" or "+49" alone are not worth isolating; a short phone run must be a postal code.
_PHONE_MIN_DIGITS = 6

# Elements without an end tag: they never hold text, so they never enter the stack.
_VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
# Text there is not read as prose.
_SKIPPED_ELEMENTS = {"script", "style", "textarea", "title"}

WRAPPER = '<span dir="ltr">{}</span>'


def _long_enough(phone):
    """Whether a phone-like run is worth isolating: a real number, or a postal code."""
    digits = sum(char.isdigit() for char in phone)
    return digits >= _PHONE_MIN_DIGITS or re.fullmatch(_POSTAL_CODE, phone) is not None


def _runs(text):
    """(start, end) of each left-to-right run in plain text."""
    for match in LTR_RUN.finditer(text):
        start, end = match.span()
        if match.lastgroup == "url":
            end = start + len(match.group().rstrip(_URL_TRAILING))
        elif match.lastgroup == "phone" and not _long_enough(match.group()):
            continue
        if end > start:
            yield start, end


def _isolate_text(text):
    """Plain text as escaped HTML with its runs wrapped; None when there is nothing to wrap."""
    runs = list(_runs(text))
    if not runs:
        return None
    parts, position = [], 0
    for start, end in runs:
        parts.append(escape(text[position:start]))
        parts.append(WRAPPER.format(escape(text[start:end])))
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


class _Isolator(HTMLParser):
    """Copies sanitised HTML unchanged except for the text between tags."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.text = []
        # One entry per open element: its `dir` ("ltr", "rtl", "auto") or None.
        self.stack = []

    def _flush(self):
        if not self.text:
            return
        raw = "".join(self.text)
        self.text = []
        isolated = None if self._left_alone() else _isolate_text(unescape(raw))
        self.out.append(raw if isolated is None else isolated)

    def _left_alone(self):
        for tag, direction in reversed(self.stack):
            if tag in _SKIPPED_ELEMENTS:
                return True
            if direction:
                return direction == "ltr"
        return False

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.out.append(self.get_starttag_text())
        if tag not in _VOID_ELEMENTS:
            direction = dict(attrs).get("dir")
            self.stack.append((tag, (direction or "").strip().lower() or None))

    def handle_startendtag(self, tag, attrs):
        self._flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self._flush()
        self.out.append(f"</{tag}>")
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(f"&{name};")

    def handle_charref(self, name):
        self.text.append(f"&#{name};")

    def handle_comment(self, data):
        self._flush()
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._flush()
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self._flush()
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self._flush()
        self.out.append(f"<![{data}]>")

    def result(self):
        self.close()
        self._flush()
        return "".join(self.out)


def isolate_ltr_runs(content):
    """Content with its phone numbers, addresses and URLs in `<span dir="ltr">`.

    Safe HTML (sanitised rich text) is changed in its text only, never inside a tag or in
    an element that is already left to right; plain text is escaped. Content without such
    runs comes back as it was, so plain text stays for the template to escape.
    """
    if not content:
        return content
    if isinstance(content, SafeData):
        parser = _Isolator()
        parser.feed(str(content))
        return mark_safe(parser.result())  # noqa: S308 - only escaped text was added
    isolated = _isolate_text(str(content))
    return content if isolated is None else mark_safe(isolated)  # noqa: S308 - escaped


def isolate_for_reader(content, language=None):
    """`isolate_ltr_runs` on a right-to-left page; elsewhere the content unchanged."""
    if not site_language(language or current_language()).is_rtl:
        return content
    return isolate_ltr_runs(content)

"""Search text as readers type it: folded case, umlauts, accents; passages with marked matches.

One folding serves the stored text, the query and the highlighting, so "Goetschenberg",
"Gotschenberg" and "Götschenberg" meet in "gotschenberg".
"""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# Arabic letters Persian keyboards write differently, and the ligature ß.
_SINGLE = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ß": "ss", "ẞ": "ss"})
# German umlauts typed without them: "ae" counts as "a" (after the umlaut itself lost its dots).
_DIGRAPHS = {"ae": "a", "oe": "o", "ue": "u"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@functools.lru_cache(maxsize=8192)
def _fold_char(char):
    decomposed = unicodedata.normalize("NFKD", char.casefold().translate(_SINGLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_with_positions(text):
    """The folded text and, for each of its characters, the index in `text` it came from."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for part in _fold_char(char):
            if part in "eE" and folded and folded[-1] + part in _DIGRAPHS:
                continue  # "ae" → "a": the "e" disappears, the "a" keeps its place
            folded.append(part)
            positions.append(index)
    return "".join(folded), positions


def fold(text):
    """Lower case, no accents or umlauts, "ae"/"oe"/"ue" as "a"/"o"/"u", "ß" as "ss"."""
    return fold_with_positions(text)[0]


def clean_query(text):
    """The query as typed, without control or direction characters, spaces collapsed."""
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text or ""))
    return " ".join(text.split())


def query_words(text):
    """The folded words of a query, at most MAX_WORDS, each once; operators and quotes go."""
    words = []
    for word in re.findall(r"\w+", fold(text)):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _matches(text, words):
    """(start, end) ranges in `text` where one of the folded `words` occurs, merged."""
    folded, positions = fold_with_positions(text)
    ranges = []
    for word in words:
        for found in re.finditer(re.escape(word), folded):
            start = positions[found.start()]
            # Up to the next folded character: an umlaut's written-out "e" belongs to the match.
            last = positions[found.end() - 1] + 1
            end = positions[found.end()] if found.end() < len(positions) else len(text)
            end = max(end, last)
            ranges.append((start, end))
    merged = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, words):
    """`text` escaped, with each match wrapped in <mark>: never the typed text unescaped."""
    parts, position = [], 0
    for start, end in _matches(text, words):
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def _first_match(text, words, *, chunk=4000):
    """Where the first match begins, reading a long text (a PDF's) piece by piece; or None."""
    longest = max((len(word) for word in words), default=0)
    for offset in range(0, len(text), chunk):
        # Overlapping pieces: a match across a border is found in the piece it starts in.
        ranges = _matches(text[offset : offset + chunk + 2 * longest], words)
        if ranges:
            return offset + ranges[0][0]
    return None


def passage(text, words, *, length=220):
    """A passage of `text` around its first match (or its beginning), highlighted."""
    text = " ".join(text.split())
    first = _first_match(text, words)
    start = 0
    if first is not None and first > length // 3:
        start = text.rfind(" ", 0, first - length // 3) + 1
    end = len(text) if start + length >= len(text) else text.rfind(" ", start, start + length)
    if end <= start:
        end = min(len(text), start + length)
    piece = text[start:end]
    shown = highlight(piece, words)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{escape(prefix)}{shown}{escape(suffix)}")  # noqa: S308 - escaped parts

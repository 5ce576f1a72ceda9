"""Template sources stay readable: no line longer than the limit."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 120

# A translation message cannot be wrapped: a line break inside {% translate "…" %} or
# {% blocktranslate %}…{% endblocktranslate %} would change the msgid the catalogues in
# locale/ are keyed on. A line may be long through one such message; the rest of it, the
# markup that has to hug the message, must fit in half the limit.
MESSAGE = re.compile(
    r"\{% translate (?:\"[^\"]*\"|'[^']*') %\}"
    r"|\{% blocktranslate\b.*?\{% endblocktranslate %\}"
)

# Text that cannot be wrapped for another reason, by file: the line holding it may be long.
UNBREAKABLE_TEXT = {
    # The German funding notice is literal text, not a message: a line break in it would
    # change the sentence in every page.
    "templates/includes/_footer.html": [
        "Diese Maßnahme wird mitfinanziert mit Steuermitteln auf Grundlage des vom "
        "Sächsischen Landtag beschlossenen Haushaltes.</p>",
    ],
}


def template_files():
    listed = subprocess.run(
        ["git", "ls-files", "*.html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    # Only template folders: demo/content holds HTML fragments that are data, not templates.
    return [ROOT / name for name in listed if "templates/" in name]


def rest_of_line(line):
    messages = [match.group(0) for match in MESSAGE.finditer(line)]
    if messages:
        line = line.replace(max(messages, key=len), "", 1)
    return line


def too_long(path, line):
    if len(line) <= LIMIT:
        return False
    relative = path.relative_to(ROOT).as_posix()
    if any(text in line for text in UNBREAKABLE_TEXT.get(relative, [])):
        return False
    return len(rest_of_line(line)) > LIMIT // 2


def test_template_lines_fit_the_limit():
    files = template_files()
    assert files, "git ls-files found no templates"
    long_lines = [
        f"{path.relative_to(ROOT)}:{number} ({len(line)} characters)"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if too_long(path, line)
    ]
    assert not long_lines, (
        f"Template lines longer than {LIMIT} characters; break them where whitespace does not "
        "show (between block elements, between attributes):\n" + "\n".join(long_lines)
    )

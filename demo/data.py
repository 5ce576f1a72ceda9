"""The demo content as data: one TOML file per app in demo/content/, long texts beside them."""

import tomllib
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"


def read(name):
    """The data of `<name>.toml`, every `{ file = … }` replaced by that file's content."""
    return _resolve(_parse(CONTENT / f"{name}.toml"))


def files():
    """Every file of the data, relative to demo/content/: the apps' TOML and all they name."""
    found = set()
    pending = [path.relative_to(CONTENT) for path in CONTENT.glob("*.toml")]
    while pending:
        path = pending.pop()
        found.add(path)
        if path.suffix == ".toml":
            pending += [Path(name) for name in _references(_parse(CONTENT / path))]
    return found


def _parse(path):
    with path.open("rb") as stream:
        return tomllib.load(stream)


def _reference(value):
    # `{ file = "…" }` stands for that file's content, relative to demo/content/: an HTML
    # fragment for a rich-text field, or TOML (e.g. the text of a demo PDF).
    if isinstance(value, dict) and value.keys() == {"file"}:
        return value["file"]
    return None


def _references(value):
    if (name := _reference(value)) is not None:
        yield name
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _references(item)


def _resolve(value):
    if (name := _reference(value)) is not None:
        return _included(CONTENT / name)
    if isinstance(value, dict):
        return {key: _resolve(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item) for item in value]
    return value


def _included(path):
    if path.suffix == ".toml":
        return _resolve(_parse(path))
    # Line breaks in an HTML fragment are for reading only: the stored rich text has none,
    # and the catalogues' msgids are that exact text.
    return "".join(path.read_text(encoding="utf-8").splitlines())

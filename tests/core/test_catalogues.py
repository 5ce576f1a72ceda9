"""The interface speaks every configured language: catalogues complete and current."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", "var", ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", "*.mo"
)


def catalogue(code, root=PROJECT_ROOT):
    return polib.pofile(str(root / "locale" / code / "LC_MESSAGES" / "django.po"))


def msgids(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_catalogue_has_no_empty_or_fuzzy_entry(code):
    po = catalogue(code)
    assert len(po) > 0
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    untranslated = [e.msgid for e in po.untranslated_entries()]
    empty_plurals = [e.msgid for e in po if e.msgid_plural and not all(e.msgstr_plural.values())]
    assert fuzzy == [], f"{code}: fuzzy entries"
    assert untranslated == [], f"{code}: untranslated entries"
    assert empty_plurals == [], f"{code}: incomplete plural forms"


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_catalogue_keeps_placeholders(code):
    """A translation must keep every %(name)s / {name} placeholder of its source."""
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    wrong = [
        e.msgid
        for e in catalogue(code)
        if e.msgstr and sorted(pattern.findall(e.msgid)) != sorted(pattern.findall(e.msgstr))
    ]
    assert wrong == []


def test_catalogues_are_up_to_date_with_templates_and_code(tmp_path):
    if not shutil.which("xgettext"):
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail("xgettext (Debian package gettext) is required")
        pytest.skip("xgettext is not installed (Debian package gettext)")
    copy = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT, copy, ignore=COPY_IGNORE)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "integration_site.settings.test"}
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--all",
            "--no-obsolete",
            "--no-location",
            "-v0",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    for code in TARGET_LANGUAGES:
        current, fresh = msgids(catalogue(code)), msgids(catalogue(code, copy))
        assert fresh - current == set(), f"{code}: strings missing – run `make catalogues`"
        assert current - fresh == set(), f"{code}: stale strings – run `make catalogues`"

"""A database from before the restructure migrates forward with every row intact.

`tests/data/before_restructure.sql.gz` is an SQLite dump made with the code of the commit
before the restructure: `manage.py migrate`, then `load_demo --editor-password …`, as
`make run` does. The site-wide pages, notices and videos lived in the project package then.
"""

import gzip
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

DUMP = Path(__file__).resolve().parent.parent / "data" / "before_restructure.sql.gz"
# Bookkeeping that migrate itself rewrites; content types are checked on their own.
# The latest migration of each app when the restructure landed.
RESTRUCTURED = [
    ("pages", "0001_initial"),
    ("contacts", "0002_translation_sources"),
    ("documents", "0002_translation_sources"),
    ("microprojects", "0001_initial"),
]
BOOKKEEPING = {"django_migrations", "django_content_type", "django_session", "sqlite_sequence"}


def _manage(database, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integration_site.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _rows(database):
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if name not in BOOKKEEPING
        ]
        return {
            # Table names come from sqlite_master of our own fixture, not from input.
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)  # noqa: S608
            for table in tables
        }


def _content_types(database):
    with sqlite3.connect(database) as connection:
        return dict(
            connection.execute(
                "SELECT id, app_label || '.' || model FROM django_content_type"
            ).fetchall()
        )


def _kept(rows, before, types_before):
    """The rows of the tables that were there before; the permissions of apps added since aside."""
    kept = {table: rows[table] for table in before}
    kept["auth_permission"] = [row for row in rows["auth_permission"] if row[1] in types_before]
    # The editors' group is given the permissions of models added since, too.
    known = {row[0] for row in kept["auth_permission"]}
    kept["auth_group_permissions"] = [
        row for row in rows["auth_group_permissions"] if row[2] in known
    ]
    return kept


def test_database_from_before_the_restructure_migrates_forward_intact(tmp_path):
    database = tmp_path / "before.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.executescript(gzip.decompress(DUMP.read_bytes()).decode())
    before, types_before = _rows(database), _content_types(database)
    assert len(before["integration_site_page"]) == 7
    assert before["integration_site_notice"]

    # First up to the restructure itself (the migrations that existed when it landed).
    for app, target in RESTRUCTURED:
        result = _manage(database, "migrate", app, target, "--noinput")
        assert result.returncode == 0, result.stderr
    assert _migrated(database, "pages", "0001_initial")
    assert not _migrated(database, "pages", "0002_publication")

    # Every row of every table is still there, unchanged: pages, their translations and
    # translation status, contacts, documents, the programme, users and the editors' group.
    assert _kept(_rows(database), before, types_before) == before
    # The pages' content types moved with the models, so permissions and history follow.
    types_after = _content_types(database)
    assert {key: types_after[key] for key in types_before} == {
        key: label.replace("integration_site.", "pages.") for key, label in types_before.items()
    }

    # Then the rest: publication states keep what editors had switched on or off.
    notices_before = _notices(database)
    result = _manage(database, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    assert _manage(database, "migrate", "--check").returncode == 0
    migrated = _rows(database)
    assert {table: len(rows) for table, rows in _kept(migrated, before, types_before).items()} == {
        table: len(rows) for table, rows in before.items()
    }
    with sqlite3.connect(database) as connection:
        notices_after = dict(
            connection.execute("SELECT id, is_published FROM integration_site_notice")
        )
    assert notices_after == {pk: is_active for pk, (is_active, _until) in notices_before.items()}

    # The demo loader on that database changes nothing an editor (or the old loader) wrote.
    result = _manage(database, "load_demo")
    assert result.returncode == 0, result.stderr
    after = _rows(database)
    # Demo content added after the dump (Ortsteile, other names and authorities, people's
    # example hours and languages, the pages' facts still to confirm) is created or fills
    # empty fields; nothing else changes.
    filled = {"contacts_person", "integration_site_page", "reversion_revision", "reversion_version"}
    added = {"contacts_locality", "contacts_alternativename", "contacts_otherauthority"}
    # The search index is derived from the content; load_demo builds it anew.
    added.add("search_searchentry")
    assert {t: r for t, r in after.items() if t not in filled | added} == {
        t: r for t, r in migrated.items() if t not in filled | added
    }
    assert all(migrated[table] == [] for table in added)
    people_after = {row[0]: row for row in after["contacts_person"]}
    for row in migrated["contacts_person"]:
        # Translation status (JSON) and "last changed" follow the filled fields.
        written = [
            i
            for i, v in enumerate(row)
            if v not in ("", "[]", None) and not re.match(r'\{"|\d{4}-\d\d-\d\d ', str(v))
        ]
        assert [row[i] for i in written] == [people_after[row[0]][i] for i in written]


def _notices(database):
    with sqlite3.connect(database) as connection:
        return {
            pk: (is_active, until)
            for pk, is_active, until in connection.execute(
                "SELECT id, is_active, show_until FROM integration_site_notice"
            )
        }


def _migrated(database, app, name):
    with sqlite3.connect(database) as connection:
        return bool(
            connection.execute(
                "SELECT 1 FROM django_migrations WHERE app = ? AND name = ?", (app, name)
            ).fetchone()
        )

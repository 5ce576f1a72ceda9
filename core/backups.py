"""One archive holds the whole site: the database, every media file and a manifest of checksums.

PostgreSQL is dumped with `pg_dump` in its custom format and restored with `pg_restore`;
SQLite is copied with its online backup API. Media are read and written through the default
storage, so files on the disk and in a bucket are backed up alike.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


# --- what lives where ------------------------------------------------------------------------


def media_names(storage=None, directory=""):
    """Every file name in the storage, walked folder by folder."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [f"{directory}/{name}" if directory else name for name in files]
    for folder in folders:
        names += media_names(storage, f"{directory}/{folder}" if directory else folder)
    return sorted(names)


def _postgres_env(settings_dict):
    env = {**os.environ, "PGDATABASE": settings_dict["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(command, env):
    tool = shutil.which(command[0])
    if not tool:
        raise BackupError(f"{command[0]} fehlt (Debian-Paket postgresql-client).")
    # Fixed PostgreSQL tools and arguments; the connection details travel in the environment.
    result = subprocess.run([tool, *command[1:]], env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} ist fehlgeschlagen: {result.stderr.strip()[-2000:]}")


def _dump_database(target):
    """The database into `target`; returns the member name, which tells its format."""
    vendor = connection.vendor
    if vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)],
            _postgres_env(connection.settings_dict),
        )
        return "database.pgdump"
    if vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return "database.sqlite3"
    raise BackupError(f"Datenbank „{vendor}“ wird nicht unterstützt.")


def _restore_database(member, source):
    vendor = connection.vendor
    expected = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}.get(vendor)
    if member != expected:
        raise BackupError(f"Die Sicherung enthält {member}, diese Website nutzt {vendor}.")
    if vendor == "postgresql":
        # pg_restore drops and recreates the tables; our own connection must not hold locks.
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                connection.settings_dict["NAME"],
                str(source),
            ],
            _postgres_env(connection.settings_dict),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(source) as copy:
            copy.backup(connection.connection)
        copy.close()


# --- the archive -----------------------------------------------------------------------------


class _HashingReader(io.RawIOBase):
    """Hands a file's bytes to tarfile and keeps their SHA-256."""

    def __init__(self, raw):
        self.raw, self.sha256 = raw, hashlib.sha256()

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.raw.read(size)
        self.sha256.update(data)
        return data


def _add(archive, name, fileobj, size, checksums):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(datetime.datetime.now().timestamp()), 0o640
    reader = _HashingReader(fileobj)
    archive.addfile(info, reader)
    checksums[name] = reader.sha256.hexdigest()


def backup_site(path):
    """Write the archive to `path`; returns its manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    checksums = {}
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="kfi-backup-") as tmp:
        dump = Path(tmp) / "database"
        database = _dump_database(dump)
        with tarfile.open(partial, "w:gz") as archive:
            with dump.open("rb") as handle:
                _add(archive, database, handle, dump.stat().st_size, checksums)
            for name in media_names():
                with default_storage.open(name, "rb") as handle:
                    size = default_storage.size(name)
                    _add(archive, MEDIA_PREFIX + name, handle, size, checksums)
            manifest = {
                "format": FORMAT,
                "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "database": database,
                "vendor": connection.vendor,
                "sha256": checksums,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
    # Only a complete archive gets the name: a failed run never leaves something that looks whole.
    partial.replace(path)
    return manifest


def read_manifest(path):
    try:
        with tarfile.open(path, "r:*") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.loads(member.read())
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{path} ist keine lesbare Sicherung: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: unbekanntes Format {manifest.get('format')!r}.")
    return manifest


def verify(path):
    """Check every member against the manifest before anything is touched; returns it."""
    manifest = read_manifest(path)
    expected = dict(manifest["sha256"])
    problems = []
    with tarfile.open(path, "r:*") as archive:
        for member in archive:
            if member.name == MANIFEST:
                continue
            if not member.isfile() or member.name not in expected:
                problems.append(f"unerwarteter Eintrag {member.name}")
                continue
            digest = hashlib.sha256()
            handle = archive.extractfile(member)
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
            if digest.hexdigest() != expected.pop(member.name):
                problems.append(f"Prüfsumme falsch: {member.name}")
    problems += [f"fehlt: {name}" for name in sorted(expected)]
    if problems:
        raise BackupError("Die Sicherung ist beschädigt: " + "; ".join(problems[:10]))
    return manifest


def restore_site(path):
    """Replace the database and the media with the archive's; returns its manifest."""
    manifest = verify(path)
    kept = set()
    with tempfile.TemporaryDirectory(prefix="kfi-restore-") as tmp, tarfile.open(path) as archive:
        for member in archive:
            if member.name == manifest["database"]:
                dump = Path(tmp) / "database"
                with archive.extractfile(member) as source, dump.open("wb") as target:
                    shutil.copyfileobj(source, target, CHUNK)
                _restore_database(member.name, dump)
            elif member.name.startswith(MEDIA_PREFIX):
                name = member.name.removeprefix(MEDIA_PREFIX)
                if default_storage.exists(name):
                    default_storage.delete(name)
                stored = default_storage.save(name, File(archive.extractfile(member), name=name))
                if stored != name:
                    raise BackupError(f"{name} wurde als {stored} gespeichert.")
                kept.add(name)
    # The media are the archive's exactly: files saved since the backup go.
    for name in media_names():
        if name not in kept:
            default_storage.delete(name)
    # Cached pages show the content before the restore; cached content types their old ids.
    cache.clear()
    ContentType.objects.clear_cache()
    return manifest

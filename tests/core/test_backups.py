"""Backup and restore: the demo site backed up, wiped and restored, every page and file intact."""

import hashlib
import io
import shutil
import tarfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from core.backups import media_names
from documents.models import Document
from tests.site_urls import sitemap_paths

pytestmark = pytest.mark.django_db(transaction=True)


def site_state(client):
    """Every page of the sitemap and every public document download, as the reader gets them."""
    pages = {}
    for path in sitemap_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    downloads = {}
    for document in Document.objects.published():
        url = f"/de/dokumente/{document.slug}/download/"
        response = client.get(url)
        if response.status_code == 200:
            downloads[url] = b"".join(response.streaming_content)
    return pages, downloads


def media_checksums():
    root = settings.MEDIA_ROOT
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in media_names()}


def wipe():
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def test_demo_site_backed_up_wiped_and_restored_is_intact(client, tmp_path):
    call_command("load_demo", verbosity=0)
    pages, downloads = site_state(client)
    files = media_checksums()
    assert len(pages) > 20 and len(downloads) >= 3 and len(files) >= len(downloads)
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), stdout=io.StringIO())
    wipe()
    assert client.get(next(iter(downloads))).status_code == 404
    assert media_names() == []

    out = io.StringIO()
    call_command("restore_site", str(archive), "--yes", stdout=out)
    assert "Wiederhergestellt" in out.getvalue()
    assert media_checksums() == files
    assert site_state(client) == (pages, downloads)


def test_restore_refuses_without_yes_and_changes_nothing(client, tmp_path, editor):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    editor.delete()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
    assert not type(editor).objects.filter(username=editor.username).exists()


def test_a_damaged_archive_is_refused_before_anything_changes(tmp_path, editor):
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "a.pdf").write_bytes(b"%PDF original")
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    # The same archive with one media file's bytes changed.
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "media/documents/a.pdf":
                data = b"%PDF changed!"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    editor.delete()
    with pytest.raises(CommandError, match="Prüfsumme falsch: media/documents/a.pdf"):
        call_command("restore_site", str(damaged), "--yes", stdout=io.StringIO())
    assert not type(editor).objects.filter(username=editor.username).exists()
    call_command("restore_site", str(archive), "--yes", stdout=io.StringIO())
    assert type(editor).objects.filter(username=editor.username).exists()


def test_something_that_is_not_a_backup_is_refused(tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="keine lesbare Sicherung"):
        call_command("restore_site", str(bogus), "--yes")

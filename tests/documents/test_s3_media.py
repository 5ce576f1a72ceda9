"""Media on an S3-compatible store (moto's server on loopback): the same public addresses."""

import io
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from documents.models import Document
from documents.services import document_set_current_version, version_create

from ..contacts.factories import PersonFactory
from . import files
from .admin_forms import submit_change
from .factories import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _keys(s3):
    listing = s3.list_objects_v2(Bucket=s3.bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def test_upload_download_and_roll_back_on_the_object_store(client, s3_media):
    first, second = files.pdf("Erste Fassung"), files.pdf("Zweite Fassung")
    DocumentFactory(slug="antrag", files={"de": ("antrag.pdf", first)})
    document = Document.objects.get(slug="antrag")
    older = document.current_version
    version_create(document=document, upload=ContentFile(second, name="neu.pdf"), language="de")
    # Both uploads live in the bucket and nowhere on the disk.
    assert len([key for key in _keys(s3_media) if key.startswith("documents/files/")]) == 2

    response = client.get("/de/dokumente/antrag/download/")
    assert _body(response) == second
    ranged = client.get("/de/dokumente/antrag/download/", headers={"range": "bytes=0-3"})
    assert ranged.status_code == 206
    assert _body(ranged) == b"%PDF"

    document.refresh_from_db()
    document_set_current_version(document=document, version=older)
    assert _body(client.get("/de/dokumente/antrag/download/")) == first


def test_upload_and_roll_back_through_the_admin_on_the_object_store(
    editor_client, client, s3_media
):
    first, second = files.pdf("Bericht 2025"), files.pdf("Bericht 2026")
    document = DocumentFactory(slug="bericht", files={"de": ("bericht.pdf", first)})
    older = document.current_version
    response = submit_change(
        editor_client,
        document,
        upload=SimpleUploadedFile("bericht-neu.pdf", second),
        upload_language="de",
    )
    assert response.status_code == 302
    assert _body(client.get("/de/dokumente/bericht/download/")) == second
    response = submit_change(editor_client, document, offered_version=older.pk)
    assert response.status_code == 302
    assert _body(client.get("/de/dokumente/bericht/download/")) == first


def test_objects_are_private_and_readers_get_short_lived_signed_addresses(
    client, settings, s3_media
):
    settings.DOWNLOAD_OFFLOAD = "redirect"
    data = files.pdf("Nur signiert")
    document = DocumentFactory(
        title_de="Integrationskonzept", slug="ik", files={"de": ("x.pdf", data)}
    )
    key = document.current_version.files.get().file.name
    grants = s3_media.get_object_acl(Bucket=s3_media.bucket, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert all("URI" not in grant["Grantee"] for grant in grants)

    response = client.get("/de/dokumente/ik/download/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = urlsplit(response["Location"])
    query = parse_qs(signed.query)
    assert query["X-Amz-Expires"] == ["300"]
    assert query["response-content-disposition"] == [
        'inline; filename="Integrationskonzept-de.pdf"'
    ]
    with urllib.request.urlopen(response["Location"]) as fetched:  # noqa: S310 - moto on loopback
        assert fetched.read() == data
        assert fetched.headers["Content-Disposition"] == (
            'inline; filename="Integrationskonzept-de.pdf"'
        )
    # Drafts get no address at all.
    DocumentFactory(slug="entwurf", is_published=False)
    assert client.get("/de/dokumente/entwurf/download/").status_code == 404


def test_nginx_offload_points_to_a_signed_object_address(client, settings, s3_media):
    settings.DOWNLOAD_OFFLOAD = "nginx"
    document = DocumentFactory(slug="ik")
    key = document.current_version.files.get().file.name
    response = client.get("/de/dokumente/ik/download/")
    path, _sep, query = response["X-Accel-Redirect"].partition("?")
    assert path == f"/_s3/{s3_media.bucket}/{key}"
    assert "X-Amz-Signature" in parse_qs(query)
    # The signature expires: caches on the server must not replay this answer later.
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_pdf_preview_is_rendered_from_and_kept_in_the_bucket(client, s3_media):
    DocumentFactory(slug="vorschau", files={"de": ("v.pdf", files.pdf("Vorschau"))})
    response = client.get("/de/dokumente/vorschau/vorschau.png")
    assert response.status_code == 200
    assert _body(response).startswith(b"\x89PNG")
    assert any(key.startswith("documents/previews/") for key in _keys(s3_media))


def test_person_photo_is_stored_in_and_served_from_the_bucket(client, s3_media):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    person = PersonFactory(
        slug="loth",
        photo=SimpleUploadedFile("loth.png", buffer.getvalue(), content_type="image/png"),
        photo_alt_de="Frau Loth lächelt",
    )
    assert _keys(s3_media) == [person.photo.name]
    response = client.get(f"/de/ansprechpersonen/loth/foto/{person.photo_filename}")
    assert response.status_code == 200
    assert _body(response) == buffer.getvalue()

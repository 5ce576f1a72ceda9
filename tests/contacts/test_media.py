"""Uploaded images (overview map, photos) are served by the contacts app from storage."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from contacts.models import ResponsibilityOverview

from .factories import PersonFactory


def _png(name="karte.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def overview_with_map(admin_client):
    response = admin_client.post(
        "/admin/contacts/responsibilityoverview/add/",
        {
            "is_example": "",
            "map_image": _png(),
            "map_alt_de": "Karte des Landkreises Leipzig",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return ResponsibilityOverview.objects.get()


def test_map_needs_a_description(admin_client):
    response = admin_client.post(
        "/admin/contacts/responsibilityoverview/add/", {"map_image": _png(), "map_alt_de": ""}
    )
    assert "Bitte beschreiben Sie die Karte." in response.content.decode()


def test_uploaded_map_is_shown_with_alt_text_and_an_enlarge_link(client, overview_with_map):
    content = client.get("/de/ansprechpersonen/zustaendigkeiten/").content.decode()
    url = f"/de/ansprechpersonen/zustaendigkeiten/karte/{overview_with_map.map_filename}"
    assert f'<img src="{url}" alt="Karte des Landkreises Leipzig">' in content
    assert f'<a href="{url}">Karte vergrößern</a>' in content
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_map_url_with_another_file_name_is_not_found(client, overview_with_map):
    assert (
        client.get("/de/ansprechpersonen/zustaendigkeiten/karte/..%2F..%2Fsecret.png").status_code
        == 404
    )
    assert client.get("/de/ansprechpersonen/zustaendigkeiten/karte/other.png").status_code == 404


def test_without_a_map_there_is_no_map_section(client, db):
    content = client.get("/de/ansprechpersonen/zustaendigkeiten/").content.decode()
    assert "Übersichtskarte" not in content


def test_photo_of_a_published_person_is_served_and_hidden_when_unpublished(client, db):
    person = PersonFactory(slug="loth", photo=_png("loth.png"), photo_alt_de="Frau Loth lächelt")
    content = client.get("/de/ansprechpersonen/loth/").content.decode()
    url = f"/de/ansprechpersonen/loth/foto/{person.photo_filename}"
    assert f'src="{url}" alt="Frau Loth lächelt"' in content
    response = client.get(url)
    assert response.status_code == 200
    # Read, not close(): closing sends request_finished, which would end the test's connection.
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    person.is_published = False
    person.save()
    assert client.get(url).status_code == 404


def test_photos_are_cached_only_briefly_so_unpublishing_takes_effect(client, db):
    person = PersonFactory(slug="eichardt", photo=_png("e.png"), photo_alt_de="Frau Eichardt")
    response = client.get(f"/de/ansprechpersonen/eichardt/foto/{person.photo_filename}")
    assert "max-age=600" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")

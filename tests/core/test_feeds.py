"""Atom feeds of notices and documents: valid, per language, German fallbacks marked."""

from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError

from pages.models import Page
from tests.documents.factories import DocumentFactory
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEEDS = ["/{code}/hinweise/feed/", "/{code}/dokumente/feed/"]


def _feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert not response.cookies
    return ElementTree.fromstring(response.content)


def _entries(root):
    return root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("path", FEEDS)
@pytest.mark.parametrize("code", ["de", "ar", "uk"])
def test_feeds_are_valid_atom_in_the_readers_language(client, path, code):
    NoticeFactory(title_de="Sprachcafé", text_de="<p>Jeden Montag.</p>")
    DocumentFactory(title_de="Bericht", description_de="<p>Worum es geht.</p>")
    root = _feed(client, path.format(code=code))
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == code
    # Atom 1.0 requires id, title and updated on the feed and on every entry.
    for element in (root, *_entries(root)):
        for required in ("id", "title", "updated"):
            assert element.find(f"{ATOM}{required}") is not None, required
    assert len(_entries(root)) == 1
    title = root.find(f"{ATOM}title").text
    if code != "de":
        assert "Koordinierungsstelle" not in title
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link.endswith(path.format(code=code))


def test_notice_feed_has_public_notices_only_linked_to_their_place_on_the_start_page(client):
    shown = NoticeFactory(title_de="Sichtbar", title_en="Visible", text_de="<p>Text</p>")
    NoticeFactory(title_de="Entwurf", is_published=False)
    root = _feed(client, "/en/hinweise/feed/")
    (entry,) = _entries(root)
    assert entry.find(f"{ATOM}title").text == "Visible"
    assert entry.get(XML_LANG) is None
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/en/#hinweis-{shown.pk}"
    # The English text is missing: the summary is German and says so.
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.get(XML_LANG) == "de"
    assert summary.text == "<p>Text</p>"


def test_german_fallback_titles_are_marked_german(client):
    NoticeFactory(title_de="Nur deutsch")
    (entry,) = _entries(_feed(client, "/ar/hinweise/feed/"))
    assert entry.get(XML_LANG) == "de"
    assert entry.find(f"{ATOM}title").text == "Nur deutsch"


def test_document_feed_lists_public_documents_with_page_and_update_time(client):
    document = DocumentFactory(title_de="Integrationskonzept", description_de="<p>Teil 1</p>")
    DocumentFactory(title_de="Entwurf", is_published=False)
    (entry,) = _entries(_feed(client, "/de/dokumente/feed/"))
    assert entry.find(f"{ATOM}title").text == "Integrationskonzept"
    assert (
        entry.find(f"{ATOM}link").get("href") == f"http://testserver{document.get_absolute_url()}"
    )
    assert entry.find(f"{ATOM}summary").text == "<p>Teil 1</p>"
    assert entry.find(f"{ATOM}updated").text.startswith(str(document.updated_at.year))


@pytest.mark.parametrize("path", ["/de/hinweise/feed/", "/ar/dokumente/feed/"])
def test_feed_queries_do_not_grow_with_items(
    client, path, django_assert_max_num_queries, no_page_cache
):
    NoticeFactory()
    DocumentFactory()
    with django_assert_max_num_queries(1):
        client.get(path)
    NoticeFactory.create_batch(10)
    for _ in range(10):
        DocumentFactory()
    with django_assert_max_num_queries(1):
        client.get(path)


def test_start_and_documents_pages_link_their_feeds_with_translated_titles(client):
    PageFactory(key=Page.Key.HOME)
    home = client.get("/ar/").content.decode()
    documents = client.get("/ar/dokumente/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/ar/hinweise/feed/"\n'
        '        title="إشعارات حالية – مكتب تنسيق الاندماج">'
    ) in home
    assert 'href="/ar/dokumente/feed/"' in documents
    assert 'title="مستندات جديدة – مكتب تنسيق الاندماج"' in documents


def test_the_slug_feed_is_kept_for_the_feed():
    from documents.models import Document

    document = Document(title_de="Feed", slug="feed", category=DocumentFactory().category)
    with pytest.raises(ValidationError, match="Kurznamen"):
        document.full_clean()

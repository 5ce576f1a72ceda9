"""The site search through its public address, on whichever database the suite runs on."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from pages.models import Page
from search.models import MissedQuery, SearchEntry
from tests.contacts.factories import MunicipalityFactory, PersonFactory
from tests.documents import files
from tests.documents.factories import DocumentFactory
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = pytest.mark.django_db


def _search(client, query, code="de", **params):
    response = client.get(f"/{code}/suche/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def _results(html):
    """The hits' titles as readers see them (without the <mark> tags), in order."""
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


@pytest.mark.parametrize("typed", ["Götschenberg", "Goetschenberg", "Gotschenberg", "GÖTSCHENBERG"])
def test_a_surname_is_found_with_and_without_its_umlaut(client, demo_content, typed):
    html = _search(client, typed)
    assert "Frau Götschenberg" in _results(html)
    assert "<mark>Götschenberg</mark>" in html


def test_a_phrase_only_inside_a_pdf_finds_its_document(client, db):
    DocumentFactory(
        title_de="Jahresbericht",
        slug="jahresbericht",
        files={"de": ("bericht.pdf", files.pdf("Die Streuobstwiese am Kanal wird gepflegt."))},
    )
    html = _search(client, "Streuobstwiese am Kanal")
    assert _results(html) == ["Jahresbericht"]
    assert 'href="/de/dokumente/jahresbericht/"' in html
    assert "<mark>Streuobstwiese</mark>" in html


def test_demo_pdfs_are_searchable_by_their_text(client, demo_content):
    # "Kirchgemeinden" appears only inside the PDF of the Integrationskonzept, part 1.
    html = _search(client, "Kirchgemeinden")
    assert "Integrationskonzept Teil 1 – Situationsanalyse" in _results(html)


def test_an_arabic_query_finds_arabic_content(client, demo_content):
    html = _search(client, "الاندماج", code="ar")
    assert _results(html)
    # The hits are in Arabic: not marked as German.
    first = html.split('class="search-result"', 1)[1].split("</li>", 1)[0]
    assert 'lang="de"' not in first
    assert "الاندماج" in first


def test_a_german_word_on_the_arabic_site_finds_the_german_page_marked_as_german(client, db):
    PageFactory(key=Page.Key.HOME, title_de="Start", title_ar="البداية")
    PageFactory(key=Page.Key.IMPRINT, title_de="Impressum", body_de="<p>Landratsamt Borna</p>")
    html = _search(client, "Landratsamt", code="ar")
    hit = html.split('class="search-result"', 1)[1].split("</li>", 1)[0]
    assert 'lang="de" dir="ltr"' in hit
    assert 'class="fallback-note"' in hit
    assert 'href="/ar/impressum/"' in hit


def test_reader_language_comes_before_german(client, db):
    NoticeFactory(title_de="Sprachcafé am Markt", title_en="Language café at the market")
    NoticeFactory(title_de="Café im Rathaus")
    html = _search(client, "Café", code="en")
    assert _results(html) == ["Language café at the market", "Café im Rathaus"]
    assert html.count('class="fallback-note"') == 1


def test_a_postcode_shows_the_responsible_person_first(client, db):
    town = MunicipalityFactory(name="Prüfdorf", postal_codes=["04999"])
    PersonFactory(last_name="Zuständig", municipalities=[town])
    NoticeFactory(title_de="Sprechtag 04999")
    html = _search(client, "04999")
    answer = html.index('class="search-answer"')
    assert html.index("Zuständig", answer) < html.index('class="search-result"')
    assert "Prüfdorf" in html[answer:]


def test_a_town_name_shows_the_responsible_person_first(client, demo_content):
    html = _search(client, "Colditz")
    answer = html.split('class="search-answer"', 1)[1].split("</section>", 1)[0]
    assert "Götschenberg" in answer


@pytest.mark.parametrize(
    "window",
    [
        {"is_published": False},
        {"visible_from": timezone.now() + datetime.timedelta(hours=1)},
        {"visible_until": timezone.now() - datetime.timedelta(hours=1)},
    ],
)
def test_a_draft_or_an_item_outside_its_window_is_never_found(client, db, window):
    PersonFactory(last_name="Zzverborgen", **window)
    NoticeFactory(title_de="Zzverborgen", **window)
    DocumentFactory(title_de="Zzverborgen", **window)
    for code in ("de", "ar"):
        html = _search(client, "Zzverborgen", code=code)
        assert _results(html) == []
        assert "alert--warning" in html


def test_a_draft_is_found_once_published_and_gone_once_unpublished(client, db):
    notice = NoticeFactory(title_de="Zzbald", is_published=False)
    assert _results(_search(client, "zzbald")) == []
    notice.is_published = True
    notice.save()
    assert _results(_search(client, "zzbald")) == ["Zzbald"]
    notice.delete()
    assert _results(_search(client, "zzbald")) == []


def test_a_zero_result_query_is_counted_for_the_editors(client, editor_client, db):
    for _ in range(2):
        _search(client, "  Quantenphysik  ", code="uk")
    _search(client, "Quantenphysik", code="de")
    rows = list(MissedQuery.objects.values_list("language", "query", "count"))
    assert sorted(rows) == [("de", "quantenphysik", 1), ("uk", "quantenphysik", 2)]
    assert MissedQuery.objects.get(language="uk").day == timezone.localdate()
    page = editor_client.get("/admin/search/missedquery/").content.decode()
    assert "Gesucht und nicht gefunden" in page
    assert "quantenphysik" in page
    assert "Ukrainisch" in page


def test_editors_clear_the_list(editor_client, client, db):
    _search(client, "Quantenphysik")
    ids = list(MissedQuery.objects.values_list("pk", flat=True))
    response = editor_client.post(
        "/admin/search/missedquery/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert not MissedQuery.objects.exists()


def test_found_queries_are_not_counted(client, demo_content):
    _search(client, "Götschenberg")
    _search(client, "")
    assert not MissedQuery.objects.exists()


def test_matches_are_escaped_before_they_are_marked(client, db):
    NoticeFactory(
        title_de="<script>alert(1)</script> Zzmarke", text_de="<p>a &lt;b&gt; Zzmarke</p>"
    )
    html = _search(client, "<script>Zzmarke")
    assert "<script>alert" not in html
    marked = "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>Zzmarke</mark>"
    assert marked in html
    assert "a &lt;b&gt; <mark>Zzmarke</mark>" in html


@pytest.mark.parametrize(
    "typed",
    [
        "",
        " ",
        "x" * 1000,
        '"Integration" AND OR NOT -foo +bar | & ! :* ( ) \' \\',
        "'; DROP TABLE search_searchentry; --",
        "<img src=x onerror=alert(1)>",
        "\x00\x01\x1f",
        "\u200fمرحبا\u200e\u202e",
        "%_%",
    ],
)
def test_bad_input_never_fails(client, demo_content, typed):
    for code in ("de", "ar"):
        html = _search(client, typed, code=code)
        assert "<img src=x" not in html
    assert SearchEntry.objects.exists()


def test_a_long_query_is_cut_with_a_message(client, db):
    html = _search(client, "Integration " * 100)
    assert "Ihre Eingabe war länger als 200 Zeichen" in html


def test_results_are_paginated(client, db):
    for number in range(25):
        NoticeFactory(title_de=f"Zzseite {number}")
    first = _search(client, "zzseite")
    second = _search(client, "zzseite", page="2")
    assert len(_results(first)) == 20
    assert len(_results(second)) == 5
    assert "25 Treffer" in first
    assert _search(client, "zzseite", page="nonsense")


def test_the_results_page_is_not_indexed_and_sets_no_cookie(client, demo_content):
    response = client.get("/de/suche/", {"q": "Integration"})
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert not response.cookies


def test_every_page_has_the_search_field_and_the_opensearch_link(client, demo_content):
    for code in ("de", "ar", "uk"):
        html = client.get(f"/{code}/").content.decode()
        assert f'action="/{code}/suche/"' in html
        assert 'name="q"' in html
        assert (
            f'<link rel="search" type="application/opensearchdescription+xml" '
            f'href="/{code}/suche/opensearch.xml"' in html
        )
        description = client.get(f"/{code}/suche/opensearch.xml")
        assert description["Content-Type"] == "application/opensearchdescription+xml"
        assert f"/{code}/suche/?q={{searchTerms}}" in description.content.decode()


def test_load_demo_leaves_a_filled_index(demo_content):
    kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert kinds == {"person", "team", "document", "programme", "project", "notice", "page"}
    assert SearchEntry.objects.filter(language="ar").exists()


def test_rebuild_command_fills_the_index_again(demo_content):
    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert SearchEntry.objects.count() == before


@pytest.mark.parametrize("code", ["de", "ar"])
def test_a_search_page_runs_a_fixed_number_of_queries(
    client, demo_content, django_assert_max_num_queries, code
):
    for query in ("Integration", "Götschenberg", "04668", "Grimma", "nichtsdergleichen"):
        with django_assert_max_num_queries(12):
            _search(client, query, code=code)


def test_the_number_of_queries_does_not_grow_with_the_content(
    client, demo_content, django_assert_max_num_queries
):
    for number in range(150):
        NoticeFactory(title_de=f"Integration vor Ort {number}", text_de="<p>Integration</p>")
    with django_assert_max_num_queries(12):
        html = _search(client, "Integration")
    assert len(_results(html)) == 20


def test_every_miss_is_counted_although_found_pages_come_from_the_page_cache(client, demo_content):
    for _ in range(3):
        client.get("/uk/suche/", {"q": "Quantenphysik"})
    assert MissedQuery.objects.get(language="uk").count == 3
    # A page with results is served from the page cache the second time: no query at all.
    client.get("/de/suche/", {"q": "Integration"})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as second:
        response = client.get("/de/suche/", {"q": "Integration"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert not [q for q in second.captured_queries if "search_" in q["sql"]]

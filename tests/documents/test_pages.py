"""The Dokumente page, document pages, previews and the office page, as readers see them."""

import re

import pytest
from django.utils import translation

from documents import services
from documents.models import Document
from documents.selectors import documents_for_display

from . import files
from .factories import CategoryFactory, DocumentFactory

pytestmark = pytest.mark.django_db
PDF_ABBR = '<abbr title="Portable Document Format">PDF</abbr>'


def _in(language, text):
    with translation.override(language):
        return str(text)


def _language_part(page_language, file_language_name):
    with translation.override(page_language):
        return translation.gettext("auf %(language)s") % {
            "language": translation.gettext(file_language_name)
        }


@pytest.fixture
def report():
    category = CategoryFactory(
        slug="integrationskonzept", title_de="Integrationskonzept", title_en="Integration concept"
    )
    return DocumentFactory(
        category=category,
        slug="integrationskonzept-teil-1",
        year=2018,
        title_de="Integrationskonzept Teil 1",
        title_en="Integration concept part 1",
        files={"de": ("Integrationskonzept_Teil_1.pdf", files.pdf_of_size(1_700_000))},
    )


def test_german_label_reads_like_the_old_page(client, report):
    content = client.get("/de/dokumente/").content.decode()
    assert (
        'hreflang="de" type="application/pdf">Integrationskonzept Teil 1</a> '
        f'<span class="attachment__meta">({PDF_ABBR}, <span dir="ltr">1,7 MB</span>)</span>'
    ) in content
    assert 'href="/de/dokumente/integrationskonzept-teil-1/download/"' in content


def test_english_label_uses_the_english_decimal_point_and_names_the_files_language(client, report):
    content = client.get("/en/dokumente/").content.decode()
    assert (
        f'({PDF_ABBR}, <span dir="ltr">1.7 MB</span>, {_language_part("en", "Deutsch")})'
    ) in content
    assert 'href="/en/dokumente/integrationskonzept-teil-1/download/" hreflang="de"' in content
    assert ">Integration concept part 1</a>" in content


def test_untranslated_title_is_marked_as_german(client):
    DocumentFactory(title_de="Sachbericht 2022", title_ar="")
    content = client.get("/ar/dokumente/").content.decode()
    assert '<span lang="de" dir="ltr">Sachbericht 2022</span>' in content


def test_readers_get_their_languages_file_else_the_german_one(client):
    german, english = files.pdf("Hinweise"), files.pdf("Notes")
    DocumentFactory(
        slug="hinweise",
        title_de="Hinweise zur Antragstellung",
        files={"de": ("Hinweise.pdf", german), "en": ("Notes.pdf", english)},
    )

    english_list = client.get("/en/dokumente/").content.decode()
    arabic_list = client.get("/ar/dokumente/").content.decode()

    assert 'href="/en/dokumente/hinweise/download/" hreflang="en"' in english_list
    assert 'href="/ar/dokumente/hinweise/download/" hreflang="de"' in arabic_list
    assert _language_part("ar", "Deutsch") in arabic_list
    body = client.get("/en/dokumente/hinweise/download/")
    assert b"".join(body.streaming_content) == english
    body = client.get("/ar/dokumente/hinweise/download/")
    assert b"".join(body.streaming_content) == german


def test_document_page_offers_the_other_languages(client):
    DocumentFactory(
        slug="hinweise",
        files={"de": ("Hinweise.pdf", files.pdf()), "en": ("Notes.pdf", files.pdf())},
    )
    content = client.get("/de/dokumente/hinweise/").content.decode()
    assert (
        '<a href="/en/dokumente/hinweise/download/" hreflang="en" type="application/pdf">'
        in content
    )


def test_a_file_only_in_english_is_offered_to_german_readers_with_its_language(client):
    DocumentFactory(slug="english-only", files={"en": ("Notes.pdf", files.pdf())})
    content = client.get("/de/dokumente/").content.decode()
    assert 'href="/de/dokumente/english-only/download/" hreflang="en"' in content
    assert "auf Englisch" in content


def test_list_is_grouped_by_category_in_the_editors_order(client):
    forms = CategoryFactory(title_de="Antragsunterlagen", order=2)
    reports = CategoryFactory(title_de="Berichte", order=1)
    DocumentFactory(category=forms, title_de="Antrag")
    DocumentFactory(category=reports, title_de="Zwischenbericht")
    DocumentFactory(category=reports, title_de="Entwurf", is_published=False)

    content = client.get("/de/dokumente/").content.decode()

    headings = re.findall(r"<h2 id=\"kategorie-[^\"]+\">([^<]+)</h2>", content)
    assert headings == ["Berichte", "Antragsunterlagen"]
    assert "Zwischenbericht" in content and "Antrag" in content
    assert "Entwurf" not in content
    assert "2 Dokumente" in content


def test_filter_by_category_and_year_is_a_get_form_without_cookie(client):
    reports = CategoryFactory(slug="berichte", title_de="Berichte")
    DocumentFactory(category=reports, title_de="Bericht 2018", year=2018)
    DocumentFactory(category=reports, title_de="Bericht 2019", year=2019)
    DocumentFactory(title_de="Antrag 2019", year=2019)

    response = client.get("/de/dokumente/", {"kategorie": "berichte", "jahr": "2019"})
    content = response.content.decode()

    assert '<form class="filter-form" method="get"' in content
    assert "csrfmiddlewaretoken" not in content
    assert not response.cookies
    assert "Bericht 2019" in content
    assert "Bericht 2018" not in content and "Antrag 2019" not in content
    assert '<option value="berichte" selected>' in content
    assert '<option value="2019" selected>' in content


def test_unknown_filter_value_shows_an_error_summary_and_all_documents(client):
    DocumentFactory(title_de="Bericht")
    content = client.get("/de/dokumente/", {"jahr": "1850"}).content.decode()
    assert "<title>Fehler: Dokumente" in content
    assert 'class="error-summary"' in content
    assert 'href="#id_jahr"' in content
    assert "Bericht" in content


def test_unknown_filter_value_leaves_the_valid_filter_in_force(client):
    DocumentFactory(title_de="Bericht 2019", year=2019)
    DocumentFactory(title_de="Bericht 2020", year=2020)
    content = client.get("/de/dokumente/", {"jahr": "2019", "kategorie": "gibt-es-nicht"})
    content = content.content.decode()
    assert 'href="#id_kategorie"' in content
    assert "Bericht 2019" in content and "Bericht 2020" not in content


def test_document_page_shows_description_facts_and_preview(client):
    DocumentFactory(
        slug="teil-2",
        title_de="Integrationskonzept Teil 2",
        description_de="<p>Ziele und Handlungsfelder.</p>",
        year=2019,
        files={"de": ("Teil_2.pdf", files.pdf(pages=3))},
    )
    content = client.get("/de/dokumente/teil-2/").content.decode()
    assert "<h1>Integrationskonzept Teil 2</h1>" in content
    assert "<p>Ziele und Handlungsfelder.</p>" in content
    assert '<img class="document__preview" src="/de/dokumente/teil-2/vorschau.png"' in content
    pages = Document.objects.get(slug="teil-2").current_version.files.get().page_count
    assert pages >= 3
    assert f"<dt>Seiten</dt><dd>{pages}</dd>" in content
    assert "Barrierefreie Fassung anfordern" in content


def test_word_documents_have_no_preview(client):
    DocumentFactory(slug="antrag", files={"de": ("Antrag.docx", files.docx())})
    assert "vorschau.png" not in client.get("/de/dokumente/antrag/").content.decode()
    assert client.get("/de/dokumente/antrag/vorschau.png").status_code == 404


def test_earlier_versions_are_listed_only_when_the_editors_choose(client):
    from django.core.files.base import ContentFile

    document = DocumentFactory(slug="bericht", show_earlier_versions=False)
    services.version_create(
        document=document, language="de", upload=ContentFile(files.pdf(), name="Bericht_neu.pdf")
    )
    assert "Frühere Fassungen" not in client.get("/de/dokumente/bericht/").content.decode()
    assert client.get("/de/dokumente/bericht/fassungen/1/download/").status_code == 404

    Document.objects.filter(pk=document.pk).update(show_earlier_versions=True)
    content = client.get("/de/dokumente/bericht/").content.decode()
    assert "Frühere Fassungen" in content
    assert 'href="/de/dokumente/bericht/fassungen/1/download/"' in content
    assert client.get("/de/dokumente/bericht/fassungen/1/download/").status_code == 200
    assert client.get("/de/dokumente/bericht/fassungen/2/download/").status_code == 200
    assert client.get("/de/dokumente/bericht/fassungen/9/download/").status_code == 404


def test_a_version_rolled_back_from_is_neither_listed_nor_served(client):
    from django.core.files.base import ContentFile

    document = DocumentFactory(slug="bericht", show_earlier_versions=True)
    services.version_create(
        document=document,
        language="de",
        upload=ContentFile(files.pdf(), name="Bericht_fehlerhaft.pdf"),
    )
    document.refresh_from_db()
    services.document_set_current_version(
        document=document, version=document.versions.get(number=1)
    )

    content = client.get("/de/dokumente/bericht/").content.decode()
    assert "/fassungen/2/" not in content
    assert client.get("/de/dokumente/bericht/fassungen/2/download/").status_code == 404
    assert client.get("/de/dokumente/bericht/fassungen/1/download/").status_code == 200


def test_unpublished_document_page_is_not_found(client):
    DocumentFactory(slug="entwurf", is_published=False)
    assert client.get("/de/dokumente/entwurf/").status_code == 404


def test_office_page_lists_the_integrationskonzept_reports(client, demo_content):
    content = client.get("/de/koordinierungsstelle/").content.decode()
    section = content[content.index('id="office-reports-title"') :]
    for slug in (
        "integrationskonzept-teil-1",
        "integrationskonzept-teil-2",
        "zwischenbericht-integrationskonzept",
    ):
        assert f'href="/de/dokumente/{slug}/download/"' in section
    assert "Antrag Förderung Mikroprojekte" not in section


def test_sitemap_lists_every_published_document_page_in_every_language(client):
    DocumentFactory(slug="bericht")
    DocumentFactory(slug="entwurf", is_published=False)
    body = client.get("/sitemap.xml").content.decode()
    for language in ("de", "en", "ar", "fa", "uk", "ru", "tr", "es"):
        assert f"/{language}/dokumente/bericht/</loc>" in body
    assert "entwurf" not in body


def _list_queries(client, django_assert_max_num_queries, count):
    DocumentFactory.create_batch(
        count, files={"de": ("x.pdf", files.pdf()), "en": ("y.pdf", files.pdf())}
    )
    # The first request also reads which fixed pages are drafts; that is cached for a minute.
    client.get("/en/dokumente/")
    with django_assert_max_num_queries(4):
        response = client.get("/en/dokumente/")
    assert response.content.decode().count('class="attachment__link"') == count


@pytest.mark.parametrize("count", [2, 12])
def test_document_list_queries_do_not_grow_with_documents(
    client, django_assert_max_num_queries, count
):
    _list_queries(client, django_assert_max_num_queries, count)


@pytest.mark.parametrize("count", [1, 10])
def test_documents_for_display_takes_two_queries_however_many(django_assert_num_queries, count):
    DocumentFactory.create_batch(
        count, files={"de": ("x.pdf", files.pdf()), "en": ("y.pdf", files.pdf())}
    )
    with django_assert_num_queries(2):
        documents = documents_for_display(Document.objects.published(), language="en")
        assert [d.display_file.language for d in documents] == ["en"] * count


def test_document_page_queries_are_bounded(client, django_assert_max_num_queries):
    document = DocumentFactory(show_earlier_versions=True)
    from django.core.files.base import ContentFile

    for n in range(4):
        services.version_create(
            document=document, language="de", upload=ContentFile(files.pdf(), name=f"v{n}.pdf")
        )
    # The first request also reads which fixed pages are drafts; that is cached for a minute.
    client.get(f"/de/dokumente/{document.slug}/")
    with django_assert_max_num_queries(4):
        assert client.get(f"/de/dokumente/{document.slug}/").status_code == 200

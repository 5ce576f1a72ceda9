from django.utils import translation

from pages.models import Page


def test_saving_while_another_language_is_active_copies_no_german_into_it(db):
    with translation.override("fa"):
        page = Page(key=Page.Key.IMPRINT, title_de="Impressum", body_de="<p>Nur Deutsch</p>")
        page.save()
    page.refresh_from_db()
    assert page.body_fa is None
    assert page.body_de == "<p>Nur Deutsch</p>"


def test_translation_fields_are_sanitised_on_save(db):
    page = Page.objects.create(
        key=Page.Key.IMPRINT,
        title_de="Impressum",
        body_ar="<p>نص<script>alert(1)</script></p><img src=x onerror=y>",
    )
    assert page.body_ar == "<p>نص</p>"
    page.refresh_from_db()
    assert page.body_ar == "<p>نص</p>"

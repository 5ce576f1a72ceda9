"""The documents list grows without bound, so it comes in pages."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_long_document_list_is_paginated_and_keeps_its_filters(client):
    call_command("generate_load_data", scale=0.006, verbosity=0)  # 60 documents
    first = client.get("/de/dokumente/").content.decode()
    assert "<title>Dokumente – Seite 1 von 2" in first
    assert "60 Dokumente" in first
    assert first.count('class="document-list__item"') == 50
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/de/dokumente/", {"page": 2}).content.decode()
    assert second.count('class="document-list__item"') == 10
    filtered = client.get("/de/dokumente/", {"jahr": 2000}).content.decode()
    assert "Seite 1 von" not in filtered and "3 Dokumente" in filtered

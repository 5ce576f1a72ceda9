"""The demo says who may apply as the office does: organisations only with volunteers."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _who(client, language):
    content = client.get(f"/{language}/mikroprojekte/").content.decode()
    start = content.index('<dl class="summary-list key-facts"')
    return content[start : content.index("</dl>", start)]


def test_german_demo_ties_every_organisation_to_volunteers_and_adds_no_vereine(
    client, demo_content
):
    who = _who(client, "de")
    assert "<li>ehrenamtliche Initiativen oder Privatpersonen</li>" in who
    assert (
        "<li>zusammen mit ihnen: kommunale oder freie Träger, Träger der freien "
        "Wohlfahrtspflege oder anerkannte Religionsgemeinschaften</li>"
    ) in who
    assert "Verein" not in who


@pytest.mark.parametrize("language", [c for c, _n in settings.LANGUAGES if c != "de"])
def test_every_demo_language_has_the_corrected_eligibility_translated(
    client, demo_content, language
):
    who = _who(client, language)
    assert 'lang="de"' not in who
    assert who.count("<li>") == 2

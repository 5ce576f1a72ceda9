"""Volunteers' questions the office has not confirmed: listed for editors, hidden from readers."""

import pytest

from tests.core.test_attention import panel
from tests.microprojects.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


def test_editors_see_which_volunteer_questions_are_still_to_be_confirmed(editor_client):
    programme = FundingProgrammeFactory(project_period_de="Im Förderjahr.")
    sections, all_clear = panel(editor_client)
    assert sections["unconfirmed"] == [
        (
            "Mikroprojekte Integration",
            f"/admin/microprojects/fundingprogramme/{programme.pk}/change/",
            "Mikroprojekte Integration – Leser sehen dazu noch nichts "
            "(Eigenanteil, Förderfähige Kosten, Bearbeitungszeit)",
        )
    ]
    assert not all_clear


def test_a_fully_answered_programme_leaves_nothing_to_confirm(editor_client):
    FundingProgrammeFactory(
        own_contribution_de="Keiner.",
        eligible_costs_de="Honorare",
        project_period_de="Im Förderjahr.",
        processing_time_de="Vier Wochen.",
    )
    sections, _all_clear = panel(editor_client)
    assert "unconfirmed" not in sections


def test_the_fields_are_in_the_admin_form_with_german_labels(editor_client):
    programme = FundingProgrammeFactory()
    content = editor_client.get(
        f"/admin/microprojects/fundingprogramme/{programme.pk}/change/"
    ).content.decode()
    for label in ("Eigenanteil", "Förderfähige Kosten", "Projektzeitraum", "Bearbeitungszeit"):
        assert f">{label}" in content
    assert "Link „Wer berät mich?“ zeigen" in content

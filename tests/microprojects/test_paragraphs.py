"""A line break an editor types into a funded project's description shows on the public list."""

from tests.microprojects.factories import FundedProjectFactory


def test_funded_project_description_keeps_its_line_breaks(client, demo_content):
    FundedProjectFactory(year=2024, description_de="Sprachcafé im Jugendhaus.\n\nJeden Montag.")
    content = client.get("/de/mikroprojekte/gefoerderte-projekte/?year=2024").content.decode()
    assert "Sprachcafé im Jugendhaus.<br><br>Jeden Montag." in content

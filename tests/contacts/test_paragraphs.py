"""A blank line an editor types into a team's plain-text description starts a new paragraph."""

from tests.contacts.factories import PersonFactory, TeamFactory


def test_team_description_keeps_its_paragraphs_and_line_breaks(client, demo_content):
    team = TeamFactory(
        description_de="Wir beraten Vereine.\n\nWir vermitteln Kontakte\nim ganzen Landkreis.",
        description_en="We advise associations.\r\n\r\nWe put people in touch.",
    )
    PersonFactory(team=team)
    german = client.get("/de/ansprechpersonen/").content.decode()
    assert (
        "<p>Wir beraten Vereine.</p><p>Wir vermitteln Kontakte<br>im ganzen Landkreis.</p>"
        in german
    )
    english = client.get("/en/ansprechpersonen/").content.decode()
    assert "<p>We advise associations.</p><p>We put people in touch.</p>" in english


def test_german_team_description_in_another_language_is_marked_with_its_paragraphs(
    client, demo_content
):
    team = TeamFactory(description_de="Erster Absatz.\n\nZweiter Absatz.", description_uk="")
    PersonFactory(team=team)
    content = client.get("/uk/ansprechpersonen/").content.decode()
    assert 'dir="ltr" class="fallback"><p>Erster Absatz.</p><p>Zweiter Absatz.</p></div>' in content

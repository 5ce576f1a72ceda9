"""The admin's own strings, including those its JavaScript and link tables bring, in German."""

import json
import re
from pathlib import Path

import django.contrib.admin
import pytest

from contacts.models import Person
from microprojects.models import FundingProgramme
from tests.contacts.factories import MunicipalityFactory, PersonFactory

ADMIN_SCRIPTS = Path(django.contrib.admin.__file__).parent / "static" / "admin" / "js"
# gettext("…"), ngettext("…", …), interpolate(gettext('…'), …) in the admin's own scripts.
GETTEXT_CALL = re.compile(r"""\b(?:n?gettext)\(\s*(["'])((?:\\.|(?!\1).)*)\1""")


def admin_script_strings():
    strings = set()
    for script in ADMIN_SCRIPTS.glob("**/*.js"):
        if "vendor" in script.parts:
            continue
        for match in GETTEXT_CALL.finditer(script.read_text(encoding="utf-8")):
            strings.add(re.sub(r"\\(.)", r"\1", match.group(2)))
    return strings


def test_every_string_of_the_admin_scripts_has_german_in_the_catalogue(editor_client):
    # Django's German catalogue lags behind new widget texts; ours fills the gaps.
    response = editor_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="en")
    source = response.content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\n  \});", source, re.S).group(1))
    strings = admin_script_strings()
    assert "Choose all %s" in strings
    missing = sorted(s for s in strings if not catalogue.get(s))
    assert missing == []
    assert catalogue["Choose all %s"] == "Alle %s auswählen"


@pytest.mark.django_db
def test_link_tables_have_german_readable_names():
    person = PersonFactory(first_name="Anna", last_name="Richter", salutation="")
    town = MunicipalityFactory(name="Grimma")
    person.municipalities.add(town)
    link = Person.municipalities.through.objects.get()
    assert str(link) == f"{person} – Grimma"
    assert "object (" not in str(link)
    opts = Person.municipalities.through._meta
    assert str(opts.verbose_name) == "Zuordnung Person – Stadt oder Gemeinde"
    assert str(opts.verbose_name_plural) == "Zuordnungen Person – Stadt oder Gemeinde"
    programme_opts = FundingProgramme.contact_persons.through._meta
    assert str(programme_opts.verbose_name) == "Zuordnung Förderprogramm – Person"


def test_deleting_a_person_lists_the_towns_by_name(editor_client):
    person = PersonFactory()
    person.municipalities.add(MunicipalityFactory(name="Colditz"))
    content = editor_client.get(f"/admin/contacts/person/{person.pk}/delete/").content.decode()
    # The towns keep the person from being deleted (see test_guarded_delete); named, not numbered.
    assert "Stadt oder Gemeinde: <a href=" in content
    assert ">Colditz</a>" in content
    assert "object (" not in content

"""The programme page folds long text on phones, never a form: checked in the HTML itself.

The browser test (tests/browser/test_programme_phone.py) measures where things are; this one
asks the public URL, so it also holds where no browser runs.
"""

import pytest

from documents.models import Document
from microprojects.models import FundingProgramme, StepDocument
from tests.site_urls import parse_html

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/1999/xhtml}"


def _text(element):
    return "".join(element.itertext()).strip()


def _steps(client, language):
    response = client.get(f"/{language}/mikroprojekte/")
    assert response.status_code == 200
    document, _errors = parse_html(response.content.decode())
    step_list = next(el for el in document.iter(f"{NS}ol") if el.get("class") == "step-list")
    return step_list.findall(f"{NS}li")


def _links_outside_details(element, inside=False):
    """The hrefs of links under element that no <details> encloses."""
    for child in element:
        folded = inside or child.tag == f"{NS}details"
        if child.tag == f"{NS}a" and not folded:
            yield child.get("href")
        yield from _links_outside_details(child, folded)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_steps_form_is_a_link_outside_any_fold(client, demo_content, language):
    programme = FundingProgramme.objects.get()
    steps = list(programme.steps.order_by("order", "pk"))
    published = Document.objects.published()
    items = _steps(client, language)
    assert len(items) == len(steps)
    expected_forms = 0
    for step, item in zip(steps, items, strict=True):
        hrefs = list(_links_outside_details(item))
        links = StepDocument.objects.filter(step=step, document__in=published)
        for link in links.select_related("document"):
            expected_forms += 1
            assert any(f"/{link.document.slug}/download/" in href for href in hrefs), (
                step.title_de,
                link.document.slug,
            )
    assert expected_forms >= 5  # the demo's steps carry their forms


@pytest.mark.parametrize("language", ["de", "ar"])
def test_each_steps_explanation_folds_under_a_summary_naming_the_step(
    client, demo_content, language
):
    summaries = []
    for item in _steps(client, language):
        title = _text(item.find(f"{NS}h3"))
        details = item.find(f"{NS}details")
        assert details is not None, title
        summary = _text(details.find(f"{NS}summary"))
        # "1. Beraten lassen" → the summary ends with the step's own title.
        assert summary.endswith(title.split(" ", 1)[1]), (summary, title)
        summaries.append(summary)
    assert len(set(summaries)) == len(summaries)  # each a unique accessible name

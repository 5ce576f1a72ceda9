"""Whatever readers type into the search, the page answers: never a server error."""

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "'",
    '"',
    "\\",
    "%",
    "_",
    ":*",
    "&|!()<->",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u200f\u202e\u2066",
    "\x00",
    "ﷺ",
    "04552",
    "x" * 1000,
]
queries = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(NASTY) | st.text(max_size=8), max_size=6).map(" ".join),
)
pages = st.one_of(st.none(), st.text(max_size=6), st.integers(-5, 10**12).map(str))


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=queries,
    page=pages,
    code=st.sampled_from([code for code, _name in settings.LANGUAGES]),
)
def test_random_text_never_breaks_the_search(client, demo_content, query, page, code):
    params = {"q": query} if page is None else {"q": query, "page": page}
    response = client.get(f"/{code}/suche/", params)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()

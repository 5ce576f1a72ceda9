"""Every public address, fed random paths, queries, headers and form data: never a 5xx.

The addresses come from the URL configuration itself, so a view added later is covered the
day it is added. For each pattern hypothesis writes path segments its converters accept
(slugs, numbers, tokens, any text), or takes a real page from the sitemap; then it adds a
random query string, random request headers and, for POST, random form fields.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.site_urls import sitemap_paths

pytestmark = pytest.mark.django_db

# The editors' admin is not public: its login wall answers everything with a redirect.
NOT_PUBLIC = re.compile(r"^\^?admin/")
CODES = [code for code, _name in settings.LANGUAGES]
# What the test client can put into a WSGI environment: text without surrogates.
PATH_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cs",))
HEADER_CHARACTERS = st.characters(codec="latin-1", exclude_characters="\r\n")
HEADERS = [
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_COOKIE",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_REQUEST_ID",
]


def _patterns(resolver=None, prefix=()):
    """Each public URL pattern as the regular expressions of its levels, outermost first."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            level = "(" + "|".join(CODES) + ")/"
        else:
            level = entry.pattern.regex.pattern
        if not prefix and NOT_PUBLIC.match(level):
            continue
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, (*prefix, level))
        elif isinstance(entry, URLPattern):
            yield (*prefix, level)


PATTERNS = sorted(set(_patterns()))


def _level(regex):
    # Anchors belong to each level; the levels are joined into one path.
    body = regex.removeprefix("^").removesuffix(r"\Z").removesuffix("$")
    return st.from_regex(f"^(?:{body})$", fullmatch=True, alphabet=PATH_CHARACTERS)


def _path(levels):
    return st.tuples(*(_level(level) for level in levels)).map(lambda parts: "/" + "".join(parts))


random_paths = st.sampled_from(PATTERNS).flatmap(_path)
short_text = st.text(HEADER_CHARACTERS, max_size=40)
queries = st.one_of(
    st.just(""),
    st.dictionaries(
        st.text(PATH_CHARACTERS, max_size=12), st.text(PATH_CHARACTERS, max_size=40)
    ).map(lambda fields: "&".join(f"{k}={v}" for k, v in fields.items())),
    st.text(
        st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#"), max_size=80
    ),
)
headers = st.dictionaries(st.sampled_from(HEADERS), short_text, max_size=5)
form_data = st.dictionaries(
    st.text(PATH_CHARACTERS, min_size=1, max_size=12),
    st.text(PATH_CHARACTERS, max_size=60),
    max_size=6,
)


@pytest.fixture
def real_pages(demo_content):
    """The sitemap's pages of the demo: real slugs and numbers, not only invented ones."""
    return sitemap_paths(Client())


def test_the_patterns_cover_the_public_site():
    joined = ["".join(levels) for levels in PATTERNS]
    assert len(joined) > 30
    # A few addresses every reader uses, found in the configuration, not written down here.
    for fragment in ("ansprechpersonen", "dokumente", "mikroprojekte", "suche", "healthz"):
        assert any(fragment in pattern for pattern in joined), fragment
    assert not any(pattern.lstrip("^").startswith("admin/") for pattern in joined)


@hypothesis_settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.data(),
    method=st.sampled_from(["GET", "GET", "HEAD", "POST"]),
    query=queries,
    extra=headers,
    fields=form_data,
)
def test_no_address_answers_with_a_server_error(real_pages, data, method, query, extra, fields):
    path = data.draw(st.one_of(random_paths, st.sampled_from(real_pages)), label="path")
    client = Client()
    address = f"{path}?{query}" if query else path
    if method == "POST":
        response = client.post(address, fields, **extra)
    elif method == "HEAD":
        response = client.head(address, **extra)
    else:
        response = client.get(address, **extra)
    assert response.status_code < 500, (method, address, extra)

import os
import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from core.editors import EDITOR_GROUP


@pytest.fixture
def demo_content(db):
    """The demo content, as `make run` loads it: every public page has something to show."""
    call_command("load_demo", verbosity=0)


@pytest.fixture
def editor(django_user_model, db):
    """A member of the Redaktion group: what the office's editors may do, and no more."""
    user = django_user_model.objects.create_user(
        "redakteurin",
        password="pw-for-tests-only",
        is_staff=True,
        first_name="Erika",
        last_name="Muster",
    )
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def _german_to_start_with():
    # A request in another language leaves that language active in the thread; each test
    # starts as a fresh process does, in the site's source language.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The database rolls back after each test; what the cache remembers of it must go too.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """For tests that count a view's own queries: every request reaches the view."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Each test writes uploads to its own folder, so files never leak between tests.
    settings.MEDIA_ROOT = tmp_path / "media"


# Playwright's sync API runs an event loop in the test thread; the tests only touch the
# database between browser calls, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError("REQUIRE_BROWSER is set but no chromium is installed")
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (make browser)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    foreign = []
    host = live_server.url.split("//", 1)[1]

    def record(request):
        if not request.url.startswith(("data:", "blob:")) and host not in request.url:
            foreign.append(request.url)

    page.on("request", record)
    page.foreign_requests = foreign
    yield page
    context.close()

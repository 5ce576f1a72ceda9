import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from core import statewatch
from core.editors import EDITOR_GROUP
from core.media_storage import s3_storage
from core.templatetags import fragments
from documents import fastpath


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
    # The database rolls back after each test; what the cache remembers of it must go too,
    # and so must what each process keeps beside it (fragments, known downloads): a test may
    # change settings a deploy would change, such as the languages.
    def forget():
        cache.clear()
        fragments._local.clear()
        fastpath.forget()
        statewatch.forget()

    forget()
    yield
    forget()


@pytest.fixture
def redis_cache():
    """The shared cache on Redis (REDIS_URL), under a key prefix of this test's own.

    Tests running in parallel share the Redis database (and its announcement channels), so
    nothing is emptied: this test's keys are deleted at its end.
    """
    from django.core.cache import caches
    from django.test import override_settings

    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set")
    prefix = f"test-{uuid.uuid4().hex}"
    backend = {"BACKEND": "core.cache.SharedRedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    with override_settings(CACHES={"default": backend}):
        statewatch.forget()
        fastpath.forget()
        try:
            yield caches["default"]
        finally:
            statewatch.forget()
            fastpath.forget()
            client = caches["default"]._cache.get_client(write=True)
            for key in client.scan_iter(match=f"{prefix}:*"):
                client.delete(key)


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


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _s3_unavailable(reason):
    # In CI the S3 tests must run; elsewhere a missing moto is a skip with the reason.
    if os.environ.get("CI") or os.environ.get("REQUIRE_S3"):
        pytest.fail(f"S3 tests cannot run: {reason}")
    pytest.skip(f"{reason} (pip install -e '.[dev]')")


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's standalone S3 server on a free loopback port, started once for the run.

    TEST_S3_ENDPOINT_URL names one that is already running instead.
    """
    url = os.environ.get("TEST_S3_ENDPOINT_URL")
    if url:
        yield url
        return
    try:
        import moto.server  # noqa: F401
    except ImportError:
        _s3_unavailable("moto[server] is not installed")
    url = f"http://127.0.0.1:{_free_port()}"
    port = url.rsplit(":", 1)[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", port],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(150):
            try:
                urllib.request.urlopen(url, timeout=1).close()  # noqa: S310 - our loopback
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)
        else:
            _s3_unavailable("moto's S3 server did not answer within 15 s")
        if server.poll() is not None:
            _s3_unavailable("moto's S3 server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3_media(settings, s3_endpoint):
    """Media in a fresh private bucket on the S3 server, configured as production does it.

    Returns a boto3 client for looking into the bucket.
    """
    import boto3

    bucket = f"kfi-test-{uuid.uuid4().hex[:12]}"
    environ = {
        "MEDIA_S3_BUCKET": bucket,
        "MEDIA_S3_ENDPOINT_URL": s3_endpoint,
        "MEDIA_S3_REGION": "eu-central-1",
        "MEDIA_S3_ACCESS_KEY_ID": "test-key",
        "MEDIA_S3_SECRET_ACCESS_KEY": "test-secret",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-central-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(environ)}
    client.bucket = bucket
    return client

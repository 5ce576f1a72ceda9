"""A process keeps the page cache's state while Redis announces no change, and no longer."""

import datetime
import time

import pytest
from django.utils import timezone

from core import pagecache, statewatch
from documents.models import Document
from tests.documents.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(redis_cache, monkeypatch):
    """Each time the state is read from Redis (and the database) instead of this process."""
    calls = []
    real = pagecache._state

    def counting(now):
        calls.append(now)
        return real(now)

    monkeypatch.setattr(pagecache, "_state", counting)
    return calls


def test_the_state_is_read_once_until_a_change_is_announced(reads):
    now = timezone.now()
    first = statewatch.state(now)
    assert statewatch.state(now) == first
    assert statewatch.state(now) == first
    assert len(reads) == 1

    DocumentFactory()  # a write to a content table raises the generation and announces it
    changed = statewatch.state(now)
    assert changed[0] != first[0]
    assert len(reads) == 2
    assert statewatch.state(now) == changed
    assert len(reads) == 2


def test_an_announcement_from_elsewhere_is_read_before_the_state_is_used(reads):
    now = timezone.now()
    first = statewatch.state(now)
    # Another instance's save: the generation rises and the announcement goes out on
    # connections that are not this process's subscription.
    pagecache._bump_now(("documents",))
    assert statewatch.state(now)[0] != first[0]


def test_a_scheduled_boundary_that_passed_is_not_trusted(reads):
    now = timezone.now()
    DocumentFactory(visible_until=now + datetime.timedelta(minutes=5))
    first = statewatch.state(now)
    assert first[1] == pytest.approx((now + datetime.timedelta(minutes=5)).timestamp())
    statewatch.state(now + datetime.timedelta(minutes=4))
    assert len(reads) == 1
    after = statewatch.state(now + datetime.timedelta(minutes=6))
    assert len(reads) == 2
    assert after[1] != first[1]


def test_the_state_is_trusted_for_a_bounded_time_only(reads, settings):
    settings.PAGE_CACHE_TRUST_SECONDS = 0
    now = timezone.now()
    statewatch.state(now)
    statewatch.state(now)
    assert len(reads) == 2


def test_a_lost_subscription_falls_back_to_asking_redis_then_subscribes_again(
    reads, redis_cache, monkeypatch
):
    monkeypatch.setattr(statewatch, "RETRY_SECONDS", 0)
    now = timezone.now()
    first = statewatch.state(now)
    # Redis ends the subscription's connection (a restart, a network fault) ...
    host, port = statewatch._watch.pubsub.connection._sock.getsockname()[:2]
    client = redis_cache._cache.get_client(write=True)
    assert client.client_kill(f"{host}:{port}")
    # ... and a change it would have announced happens meanwhile.
    Document.objects.filter(pk=DocumentFactory().pk).update(is_published=False)
    assert statewatch.state(now)[0] != first[0]
    # A new subscription: then the state is this process's again.
    current = statewatch.state(now)
    count = len(reads)
    assert statewatch.state(now) == current
    assert len(reads) == count
    assert statewatch._watch.pubsub is not None


def test_without_redis_every_call_reads_the_state(monkeypatch):
    calls = []
    monkeypatch.setattr(pagecache, "_state", lambda now: calls.append(now) or (1, 0))
    now = timezone.now()
    assert statewatch.state(now) == statewatch.state(now) == (1, 0)
    assert len(calls) == 2


def test_a_write_raises_its_generations_and_a_lost_one_starts_from_the_clock(redis_cache):
    keys = pagecache.APP_GENERATION_KEYS
    started = time.time_ns() // 1000
    pagecache._bump_now(("documents",))
    common, documents = (
        redis_cache.get(pagecache.GENERATION_KEY),
        redis_cache.get(keys["documents"]),
    )
    # Never a small number that an earlier life of the key may have used.
    assert common > started and documents > started
    assert redis_cache.get(keys["contacts"]) is None
    pagecache._bump_now(("documents",))
    assert redis_cache.get(pagecache.GENERATION_KEY) == common + 1
    assert redis_cache.get(keys["documents"]) == documents + 1
    assert pagecache.generation() == common + 1

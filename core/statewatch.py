"""This process's copy of the page cache's state, kept current by Redis announcing every change.

`core.pagecache` raises the generation on every write to content and announces it on a Redis
channel in the same round trip (`raise_and_announce`). A process that has subscribed to the
channel before it read the state needs no round trip to Redis for it (`state`) until

- an announcement arrives (read from the subscription's socket without waiting),
- the next scheduled boundary passes (known locally, it is part of the state),
- PAGE_CACHE_TRUST_SECONDS (default 1) have gone by (a bound for a connection that went
  quiet without closing), or
- the subscription's connection fails (then every call asks Redis, as without a subscription,
  and a new subscription is tried after RETRY_SECONDS).

Redis queues the announcement for every subscriber while it runs the `PUBLISH` and writes it
out in the same pass as the publisher's answer; the editor's save answers only after it has
that answer, so when a reader's next request arrives the announcement is already waiting on
the socket, and it is read before the state is used.

Without Redis (the local-memory cache in development and in the tests) the state lives in
this process anyway, and every call reads it as before.
"""

import contextlib
import logging
import os
import select
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed

logger = logging.getLogger(__name__)

CHANNEL = "pagecache:changed"
RETRY_SECONDS = 5.0

_lock = threading.Lock()


class _Watch:
    """The subscription of one process and the state read after it was confirmed."""

    def __init__(self):
        self.pid = os.getpid()
        self.redis = _redis_backed()
        self.trust = settings.PAGE_CACHE_TRUST_SECONDS
        self.pubsub = None
        self.poller = None
        self.state = None
        self.read_at = 0.0
        self.failed_at = None

    def close(self):
        if self.pubsub is not None:
            # A broken connection is what is being dropped.
            with contextlib.suppress(Exception):
                self.pubsub.close()
        self.pubsub, self.poller, self.state = None, None, None

    def subscribe(self):
        """Subscribe and wait for Redis to confirm it: only then may a state be trusted."""
        pubsub = _client().pubsub()
        pubsub.subscribe(_channel())
        message = pubsub.get_message(timeout=1.0)
        if not message or message.get("type") != "subscribe":
            pubsub.close()
            raise ConnectionError("Redis hat das Abonnement nicht bestätigt")
        # One poll without waiting tells whether anything arrived: far cheaper than asking the
        # client library, which switches the socket's timeout twice for each look.
        poller = select.poll()
        poller.register(pubsub.connection._sock, select.POLLIN | select.POLLPRI)
        self.pubsub, self.poller = pubsub, poller

    def changed(self):
        """Whether an announcement (or the end of the connection) is waiting; reads it all."""
        if not self.poller.poll(0):
            return False
        while self.pubsub.get_message(timeout=0) is not None:
            pass
        return True


_watch = None


def _redis_backed():
    # `cache` is a proxy; the backend itself tells what it is.
    return isinstance(caches["default"], RedisCache)


def _client():
    return cache._cache.get_client(write=True)


def _channel():
    """The channel of this site's cache: Redis shares channels between all its databases."""
    database = _client().connection_pool.connection_kwargs.get("db", 0)
    return f"{cache.make_key(CHANNEL)}@{database}"


def raise_and_announce(keys, *, start):
    """With Redis, raise each of the cache's `keys` and announce it; False without Redis.

    A missing key starts at `start` (from the clock, so it never repeats an old number). One
    round trip: a save writes several statements, each of which raises the generations.
    """
    if not _redis_backed():
        return False
    pipeline = _client().pipeline(transaction=False)
    for key in keys:
        name = cache.make_key(key)
        pipeline.set(name, start, nx=True)
        pipeline.incr(name)
    pipeline.publish(_channel(), b"1")
    pipeline.execute()
    return True


def state(now):
    """(generation, next boundary as a timestamp or 0), as `core.pagecache` keeps them."""
    from core import pagecache

    global _watch
    with _lock:
        watch = _watch
        if watch is None or watch.pid != os.getpid():
            watch = _watch = _Watch()
        if not watch.redis:
            return pagecache._state(now)
        clock = time.monotonic()
        if watch.pubsub is None:
            if watch.failed_at is not None and clock - watch.failed_at < RETRY_SECONDS:
                return pagecache._state(now)
            try:
                watch.subscribe()
            except Exception:
                logger.warning("Seiten-Cache: Abonnement der Änderungen nicht möglich")
                watch.close()
                watch.failed_at = clock
                return pagecache._state(now)
            watch.failed_at = None
        try:
            if watch.changed():
                watch.state = None
        except Exception:
            logger.warning("Seiten-Cache: Verbindung des Abonnements verloren")
            watch.close()
            watch.failed_at = clock
            return pagecache._state(now)
        current = watch.state
        if (
            current is None
            or clock - watch.read_at >= watch.trust
            or (current[1] and current[1] <= now.timestamp())
        ):
            current = watch.state = pagecache._state(now)
            watch.read_at = clock
        return current


def forget():
    """Drop this process's subscription and state (the tests empty the cache behind its back)."""
    global _watch
    with _lock:
        if _watch is not None:
            _watch.close()
        _watch = None


def _cache_setting_changed(*, setting, **_kwargs):
    if setting in ("CACHES", "PAGE_CACHE_TRUST_SECONDS"):
        forget()


setting_changed.connect(_cache_setting_changed)

"""Error mail to the admins that cannot take the site down.

Django's own handler sends each report while the request waits, with no limit: a flood of
errors became a flood of mail, and a mail relay that did not answer held every worker. Here
the same error (its type and the line that raised it) is mailed at most once per
`ERROR_MAIL_REPEAT_SECONDS`, all errors together at most `ERROR_MAIL_PER_MINUTE` times a
minute (counted in the shared cache, so across workers and instances), and the mail leaves
from a background thread through a short queue: when the queue is full the report is dropped.
Every error is still written to the log; only the mail is spared.
"""

import hashlib
import logging
import os
import queue
import threading
import time
import traceback

from django.conf import settings
from django.core.cache import cache
from django.utils.log import AdminEmailHandler

logger = logging.getLogger(__name__)
QUEUE_SIZE = 20
_queue = queue.Queue(maxsize=QUEUE_SIZE)
_sender = {"pid": None, "thread": None}
_sender_lock = threading.Lock()
# Used only while the shared cache cannot be reached: then each process counts for itself.
_local_counts = {}


def signature(record):
    """What makes two reports the same error: its type and where it was raised, else the text."""
    if record.exc_info and record.exc_info[0] is not None:
        exc_type, _value, tb = record.exc_info
        frames = traceback.extract_tb(tb)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        raw = f"{exc_type.__module__}.{exc_type.__qualname__}@{where}"
    else:
        raw = f"{record.name}:{record.levelno}:{record.msg}"
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:32]


def _count_this_minute():
    minute = int(time.time() // 60)
    key = f"errormail:minute:{minute}"
    try:
        cache.add(key, 0, timeout=120)
        return cache.incr(key)
    except Exception:  # noqa: BLE001 - without the cache, count in this process
        count = _local_counts.get(minute, 0) + 1
        _local_counts.clear()
        _local_counts[minute] = count
        return count


def _first_of_its_kind(digest):
    try:
        return cache.add(
            f"errormail:signature:{digest}", 1, timeout=settings.ERROR_MAIL_REPEAT_SECONDS
        )
    except Exception:  # noqa: BLE001 - without the cache only the per-minute cap applies
        return True


def may_send(record):
    """True if this report may be mailed now; counts it against both limits."""
    if not _first_of_its_kind(signature(record)):
        return False
    return _count_this_minute() <= settings.ERROR_MAIL_PER_MINUTE


def _send_forever():
    while True:
        send, args, kwargs = _queue.get()
        try:
            send(*args, **kwargs)
        except Exception:  # noqa: BLE001 - a failed mail must not end the sender
            logger.warning("Fehlerbericht per E-Mail ließ sich nicht senden", exc_info=True)
        finally:
            _queue.task_done()


def _ensure_sender():
    # A forked worker inherits the queue but not the thread: start one per process.
    with _sender_lock:
        thread = _sender["thread"]
        if _sender["pid"] != os.getpid() or thread is None or not thread.is_alive():
            thread = threading.Thread(target=_send_forever, name="error-mail", daemon=True)
            thread.start()
            _sender.update(pid=os.getpid(), thread=thread)


def wait_until_sent(timeout):
    """Wait up to `timeout` seconds until the queue is empty; True if it is (for tests)."""
    deadline = time.monotonic() + timeout
    while _queue.unfinished_tasks:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class ThrottledAdminEmailHandler(AdminEmailHandler):
    """Mails a report only within the limits, and never while the request waits."""

    def emit(self, record):
        if not settings.ADMINS:
            return
        if not may_send(record):
            return
        super().emit(record)

    def send_mail(self, subject, message, *args, **kwargs):
        _ensure_sender()
        try:
            _queue.put_nowait((super().send_mail, (subject, message, *args), kwargs))
        except queue.Full:
            logger.warning("Fehlerbericht nicht gemailt: die Warteschlange ist voll")

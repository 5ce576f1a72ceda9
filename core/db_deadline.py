"""A deadline the client keeps for every query of a web request.

The server's statement timeout ends a slow or locked query, but not a query to a database
that stopped answering altogether (a frozen process or host): the kernel still accepts the
packets, so the worker would wait until gunicorn kills it. Here an interval timer interrupts
such a query after DATABASE_CLIENT_DEADLINE seconds; the connection is closed (its state is
unknown) and the reader gets the 503 page; for the rest of that request nothing waits for the
database again (the error page does without it). The next request opens a new connection, so
the worker recovers without a restart.

Signals reach only the main thread: gunicorn's sync workers answer there. Elsewhere (threads,
management commands, which run outside this middleware) queries run as before.
"""

import signal
import threading

from django.conf import settings
from django.db import OperationalError, connections


class DatabaseDeadlineExceeded(OperationalError):
    """The database did not answer a query in time."""


def _expired(_signum, _frame):
    raise DatabaseDeadlineExceeded("Die Datenbank hat nicht rechtzeitig geantwortet.")


def _refuse():
    raise DatabaseDeadlineExceeded("Die Datenbank hat eben nicht rechtzeitig geantwortet.")


def _with_deadline(seconds):
    expired = False

    def wrapper(execute, sql, params, many, context):
        nonlocal expired
        if expired:
            _refuse()
        previous = signal.signal(signal.SIGALRM, _expired)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return execute(sql, params, many, context)
        except DatabaseDeadlineExceeded:
            # Half a conversation with the server: this connection cannot be used again, and
            # a new one would wait for the frozen server too (see DatabaseDeadlineMiddleware).
            expired = True
            connection = context["connection"]
            connection.close()
            connection.connect = _refuse
            raise
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return wrapper


class DatabaseDeadlineMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "DATABASE_CLIENT_DEADLINE", 0)
        if not seconds or threading.current_thread() is not threading.main_thread():
            return self.get_response(request)
        connection = connections["default"]
        wrapper = _with_deadline(seconds)
        # Not `execute_wrapper()`: it removes the last wrapper, and a connection opened during
        # the request appends the page cache's (core.pagecache.watch_writes) after this one.
        connection.execute_wrappers.append(wrapper)
        try:
            return self.get_response(request)
        finally:
            connection.execute_wrappers.remove(wrapper)
            allow_connecting(connection)


def allow_connecting(connection):
    """After a request that gave up on the database: the next one may connect again."""
    connection.__dict__.pop("connect", None)

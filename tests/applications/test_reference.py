"""Reference numbers: MP-<year>-<number>, never the same twice, even at the same moment."""

import threading

import pytest
from django.db import connection, connections

from applications.models import ReferenceCounter


@pytest.mark.django_db
def test_numbers_count_up_per_year():
    assert ReferenceCounter.next_reference(2026) == "MP-2026-0001"
    assert ReferenceCounter.next_reference(2026) == "MP-2026-0002"
    assert ReferenceCounter.next_reference(2027) == "MP-2027-0001"


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_get_different_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that several connections share (PostgreSQL)")
    results, errors = [], []
    start = threading.Barrier(8)

    def submit():
        try:
            start.wait()
            results.append(ReferenceCounter.next_reference(2030))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [f"MP-2030-{n:04d}" for n in range(1, 9)]

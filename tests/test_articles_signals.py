"""articles.signals: announce_changed, and announcing_together's batches."""

from __future__ import annotations

import pytest
from django.db import transaction

from articles.signals import announce_changed, announcing_together

pytestmark = pytest.mark.django_db


def _write(ids: list[int], *, fail: bool = False) -> None:
    with transaction.atomic():
        announce_changed(ids)
        if fail:
            raise RuntimeError("rolled back")


def test_together_sends_every_size_ids_and_the_rest_at_the_end(announcements):
    with announcements() as sent, announcing_together(size=4):
        for ids in ([1, 2], [3], [4, 5], [6]):
            _write(ids)
    assert sent == [[1, 2, 3, 4, 5], [6]]


def test_a_rolled_back_write_is_not_sent_and_what_committed_is_sent_after_an_error(announcements):
    with announcements() as sent, pytest.raises(RuntimeError):
        with announcing_together():
            _write([1, 2])
            with pytest.raises(RuntimeError):
                _write([3], fail=True)
            _write([4])
            raise RuntimeError("the import stopped")
    assert sent == [[1, 2, 4]]


def test_an_inner_block_leaves_the_sending_to_the_outer_one(announcements):
    with announcements() as sent, announcing_together():
        with announcing_together():
            _write([1])
        _write([2, 1])
    assert sent == [[1, 2]]


def test_outside_a_block_each_write_is_announced_on_its_own(announcements):
    with announcements() as sent:
        _write([1])
        _write([2])
    assert sent == [[1], [2]]

"""Signals the articles app sends, so that it never imports the apps that react.

``articles_changed`` is sent after articles were created or their content
changed and the change is committed. Every writer announces it the same way,
with ``announce_changed()``: the importer for each page, the desk for each
edit. Receivers (the search index, tags and links, the page cache) get
``article_ids``, a list of primary keys; each app connects its own in its
``AppConfig.ready()``.

Within ``announcing_together()`` (an import of many pages) the committed ids
are sent in announcements of GROUP_SIZE, not one per page: a page's half a
dozen articles would each time be indexed at once and enqueue a linking task,
where a batch goes to the workers whole (search indexes more than 50 in a task).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.dispatch import Signal

from articles.models import Article

articles_changed = Signal()
logger = logging.getLogger(__name__)

# Ids per announcement inside announcing_together(): a batch of the search and
# linking tasks (search.tasks, linking.tasks), and what screening stores at once.
GROUP_SIZE = 500


class _Group:
    def __init__(self, size: int):
        self.size = size
        self.ids: list[int] = []

    def add(self, article_ids: list[int]) -> None:
        self.ids.extend(article_ids)
        if len(self.ids) >= self.size:
            self.send()

    def send(self) -> None:
        ids, self.ids = list(dict.fromkeys(self.ids)), []
        if ids:
            send_changed(ids)


_group: ContextVar[_Group | None] = ContextVar("articles_announcing_together", default=None)


@contextmanager
def announcing_together(*, size: int | None = None) -> Iterator[None]:
    """Collect what announce_changed() is told inside, and send it every ``size`` ids
    (GROUP_SIZE unless given) and at the end.

    Each id is still collected only once its own transaction commits, so a
    rolled-back write is never sent; what was collected is sent even when the
    block ends in an error (those writes are committed). Entered inside a
    transaction, the last announcement goes after its commit, behind the others.
    """
    if _group.get() is not None:  # already collecting: the outer block sends
        yield
        return
    group = _Group(size or GROUP_SIZE)
    token = _group.set(group)
    try:
        yield
    finally:
        _group.reset(token)
        transaction.on_commit(group.send)


def announce_changed(article_ids: Iterable[int], *, using: str | None = None, alone: bool = False) -> None:
    """Send articles_changed once, after the current transaction commits (at once outside one).

    A rolled-back transaction announces nothing, so receivers never see a
    write that did not happen; ids are sent once each, in the order given.
    alone: sent on their own after the commit even inside announcing_together(),
    for what readers must stop seeing at once, not pages later with the group.
    """
    ids = list(dict.fromkeys(article_ids))
    if ids:
        group = None if alone else _group.get()
        transaction.on_commit(partial(group.add, ids) if group else partial(send_changed, ids), using=using)


def send_changed(article_ids: list[int]) -> None:
    """Deliver an announcement (tests/conftest.py's `announcements` fixture captures it here).

    Robust: the write is committed by now, so a receiver that fails (the search
    index on a busy database) is logged; it neither fails a stored save or import
    nor stops the other receivers.
    """
    for receiver, error in articles_changed.send_robust(sender=Article, article_ids=article_ids):
        if isinstance(error, Exception):
            logger.error("articles_changed receiver %r failed", receiver, exc_info=error)

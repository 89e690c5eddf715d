"""Signals the articles app sends, so that it never imports the apps that react.

``articles_changed`` is sent after articles were created or their content
changed and the change is committed. Every writer announces it the same way,
with ``announce_changed()``: the importer for each page, the desk for each
edit. Receivers (the search index, tags and links, the page cache) get
``article_ids``, a list of primary keys; each app connects its own in its
``AppConfig.ready()``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.dispatch import Signal

from articles.models import Article

articles_changed = Signal()
logger = logging.getLogger(__name__)


def announce_changed(article_ids: Iterable[int], *, using: str | None = None) -> None:
    """Send articles_changed once, after the current transaction commits (at once outside one).

    A rolled-back transaction announces nothing, so receivers never see a
    write that did not happen; ids are sent once each, in the order given.
    """
    ids = list(dict.fromkeys(article_ids))
    if ids:
        transaction.on_commit(partial(send_changed, ids), using=using)


def send_changed(article_ids: list[int]) -> None:
    """Deliver an announcement (tests/conftest.py's `announcements` fixture captures it here).

    Robust: the write is committed by now, so a receiver that fails (the search
    index on a busy database) is logged; it neither fails a stored save or import
    nor stops the other receivers.
    """
    for receiver, error in articles_changed.send_robust(sender=Article, article_ids=article_ids):
        if isinstance(error, Exception):
            logger.error("articles_changed receiver %r failed", receiver, exc_info=error)

"""Re-screening the archive after the word list changed: background work (settings.TASKS).

A list change touches every article (a word newly banned may stand in any of
them), which is too much for the admin's request; a worker does it in batches.
"""

from __future__ import annotations

from django.tasks import TaskResult, task

from screening.services import articles_screen, stale_article_ids


@task
def rescreen_stale() -> int:
    """Store fresh hits for every article screened with an older list; returns how many."""
    # Several changes in a row enqueue several tasks; the first does the work, the rest find none.
    return articles_screen(article_ids=stale_article_ids())


def enqueue_rescreen() -> TaskResult:
    return rescreen_stale.enqueue()

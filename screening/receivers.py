"""Reactions: an article saved is screened again; a word list change re-screens the archive.

Screening an article costs about a millisecond (benchmark: `make bench
BENCH=screening`), so the articles_changed receiver does it at once, after the
commit, instead of queueing it: the desk's list filter is right as soon as a
save returns. 签发 does not rely on it: the gate screens the text as it stands.
"""

from __future__ import annotations

from screening.services import articles_screen, word_list_changed


def screen_changed_articles(sender, article_ids, **kwargs) -> None:
    articles_screen(article_ids=article_ids)


def sensitive_word_changed(sender, **kwargs) -> None:
    # The admin's saves, list edits and deletes; the importer's bulk writes call word_list_changed itself.
    word_list_changed()

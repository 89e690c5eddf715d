"""Stored warnings as an English reader reads them, for tests that look for words in them."""

from __future__ import annotations

from django.utils.translation import override

from articles.warnings import warning_text


def english(warnings) -> list[str]:
    with override("en"):
        return [warning_text(w) for w in warnings]

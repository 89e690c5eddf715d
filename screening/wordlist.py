"""The word list's automaton, built once per generation and kept per process.

Building costs ~100 ms for 10,000 words; a check costs well under a
millisecond per thousand characters. So every process keeps the automaton it
built, and before each use reads the list's generation (one primary-key read)
to see whether another process changed the list since.
"""

from __future__ import annotations

import threading
import uuid

from screening.matching import Entry, Matcher
from screening.models import SensitiveWord, WordList

_lock = threading.Lock()
_built: tuple[str, Matcher] | None = None


def current_generation() -> str:
    return WordList.objects.filter(pk=1).values_list("generation", flat=True).first() or ""


def new_generation() -> str:
    """Mark the list changed (in the caller's transaction, so it lands with the change)."""
    generation = uuid.uuid4().hex
    WordList.objects.update_or_create(pk=1, defaults={"generation": generation})
    return generation


def current_matcher() -> tuple[str, Matcher]:
    """The automaton of the list as stored now, and its generation."""
    global _built
    # The generation is read before the words: words newer than it can only
    # make this process rebuild once more, never keep a stale automaton.
    generation = current_generation()
    built = _built
    if built is not None and built[0] == generation:
        return built
    with _lock:
        if _built is None or _built[0] != generation:
            rows = SensitiveWord.objects.filter(active=True).values_list("word", "category", "severity")
            _built = (generation, Matcher(Entry(*row) for row in rows.iterator(chunk_size=5000)))
        return _built

"""The word matcher: one Aho–Corasick automaton over the whole list (pyahocorasick).

Django-free, so the benchmark and tests can build one from plain tuples. A
check walks each text once, whatever the number of words, and reports every
occurrence, overlapping and nested ones too (法轮 inside 法轮功 is two hits).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import ahocorasick

from text.bodytext import CAPTION, text_to_blocks

NOTICE = "notice"
BANNED = "banned"

# Letters match in either case. Offsets must stay those of the text, so a text
# whose lower case is longer (İ becomes two characters) folds A–Z only; the
# translate() that does that is 50 times slower than lower(), hence not always.
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_FOLD)


@dataclass(frozen=True)
class Entry:
    word: str
    category: str
    severity: str  # NOTICE or BANNED


@dataclass(frozen=True)
class Hit:
    """One occurrence: text[start:end] == word in the named field.

    field is kicker, title, subtitle, body or caption; for body and caption,
    block is the index of the block in text.bodytext.text_to_blocks(body) and
    the offsets are in that block's text.
    """

    word: str
    category: str
    severity: str
    field: str
    start: int
    end: int
    block: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Passage:
    field: str
    text: str
    block: int | None = None


def article_passages(*, kicker: str, title: str, subtitle: str, body: str) -> list[Passage]:
    """What is screened: the headline stack, then each body block (captions named as such)."""
    passages = [Passage(name, text) for name, text in (("kicker", kicker), ("title", title), ("subtitle", subtitle)) if text]
    for index, block in enumerate(text_to_blocks(body)):
        passages.append(Passage(CAPTION if block.kind == CAPTION else "body", block.text, index))
    return passages


class Matcher:
    def __init__(self, entries: Iterable[Entry]):
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for entry in entries:
            key = fold(entry.word.strip())
            if key:
                automaton.add_word(key, (len(key), entry))
        self.size = len(automaton)
        if self.size:
            automaton.make_automaton()
        self._automaton = automaton

    def find(self, passages: Iterable[Passage]) -> list[Hit]:
        if not self.size:
            return []
        hits = []
        for passage in passages:
            found = [
                Hit(entry.word, entry.category, entry.severity, passage.field, last + 1 - length, last + 1, passage.block)
                for last, (length, entry) in self._automaton.iter(fold(passage.text))
            ]
            # The automaton reports by end; readers (and the highlighting) go by start, longest first.
            hits += sorted(found, key=lambda hit: (hit.start, -hit.end))
        return hits

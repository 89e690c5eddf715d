"""The word matcher: one Aho–Corasick automaton over the whole list (pyahocorasick).

Django-free, so the benchmark and tests can build one from plain tuples. A
check walks each text once, whatever the number of words, and reports every
occurrence, overlapping and nested ones too (法轮 inside 法轮功 is two hits).
A word also matches its traditional (or, listed traditional, its simplified)
spelling: historical pages and wire copy from Hong Kong or Taiwan print
法輪功, and the automaton takes the variants at build time, so a check costs
nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

import ahocorasick

from text import scripts
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
    """One occurrence of a listed word: text[start:end] of the named field, as printed
    there (vpn for VPN, 法輪功 for 法轮功).

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
        # Not dataclasses.asdict: its deep copy was a third of screening an imported page.
        return {name: getattr(self, name) for name in _HIT_FIELDS}


_HIT_FIELDS = tuple(f.name for f in fields(Hit))


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


def _units(text: str) -> str:
    """The folded text's UTF-16 code units, each as two latin-1 characters (see Matcher)."""
    return fold(text).encode("utf-16-be", "surrogatepass").decode("latin-1")


def _char_index(text: str) -> list[int]:
    """For each code unit of text (and its end), the index of the character it belongs to."""
    index = []
    for position, char in enumerate(text):
        index += [position, position] if ord(char) > 0xFFFF else [position]
    return [*index, len(text)]


def spellings(word: str) -> set[str]:
    """The word and its other scripts' spellings of the same length (a hit's offsets are the text's)."""
    return {v for v in scripts.spellings(word) if len(v) == len(word)}


class Matcher:
    """Finds every listed word in passages of text.

    The automaton reads text spelled as bytes, not characters: pyahocorasick
    finds a node's next state by searching the node's children, and the root of
    a Chinese list has one child per distinct first character (some 2,500 for
    10,000 words), so every character of a text paid for a long search. As the
    bytes of its UTF-16 code units, no node has more than 256 children and most
    a handful: twice the steps, each far cheaper (8 times faster on the
    benchmark). A match must start on an even byte, or it straddles two characters.
    """

    def __init__(self, entries: Iterable[Entry]):
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        listed = [entry for entry in entries if entry.word.strip()]
        # Other spellings first, so a word listed in both scripts keeps its own entry for each.
        keys = [(_units(spelling), entry) for entry in listed for spelling in spellings(entry.word.strip()) - {entry.word.strip()}]
        keys += [(_units(entry.word.strip()), entry) for entry in listed]
        for key, entry in keys:
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
            units = _units(passage.text)
            # A character beyond the BMP (𠮷) is two code units: then offsets are mapped back.
            chars = _char_index(passage.text) if len(units) != 2 * len(passage.text) else None
            found = []
            for last, (length, entry) in self._automaton.iter(units):
                start = last + 1 - length
                if start % 2:
                    continue
                start, end = start // 2, (last + 1) // 2
                if chars:
                    start, end = chars[start], chars[end]
                found.append(Hit(entry.word, entry.category, entry.severity, passage.field, start, end, passage.block))
            # The automaton reports by end; readers (and the highlighting) go by start, longest first.
            hits += sorted(found, key=lambda hit: (hit.start, -hit.end))
        return hits

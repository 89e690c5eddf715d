"""Reading a page whatever its script: the parser reads a folded copy, the records get the page's own characters.

Papers print the same conventions in either script (本报讯 and 本報訊, 编者按
and 編者按, 下转 and 下轉), so the parser reads the page folded to simplified
characters, one character for one (text.scripts.fold_to_simplified), and
each rule names its words once. Every offset into the folded copy is the
same offset into the page, so spans stay exact; the strings the records
carry are given back in the page's own characters by an ``Unfolder``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from text.scripts import fold_to_simplified

from .records import ArticleRecord, BylineRecord, PageRecord
from .warnings import WarningDict

__all__ = ["Unfolder", "fold_to_simplified", "unfold_record"]

# Longest string looked for with spaces between its characters: a name, a
# dateline, a headline line; longer ones are found piece by piece.
MAX_SPACED = 40


class Unfolder:
    """Strings read from the folded page, back in the page's characters.

    A string is found in the folded copy, nearest after the article's start,
    and copied from the page at the same offsets; one the parser joined from
    several places (a headline's lines, a paragraph cut at a column end) is
    found piece by piece. Finding beats a character table: 发 may stand for
    發 or 髮 and 后 for 後 or 后 on one page, and where the string lies says
    which.
    """

    def __init__(self, original: str, folded: str):
        self.original = original
        self.folded = folded

    def restore(self, text: str, *, near: int = 0, end: int | None = None) -> str:
        """text in the page's characters, found within [near, end) (an
        article's span) before anywhere on the page (the page's outlet a
        byline shares may come from its header)."""
        if not text:
            return text
        end = len(self.folded) if end is None else end
        at = self.folded.find(text, near, end)
        if at >= 0:
            return self.original[at: at + len(text)]
        if len(text) <= MAX_SPACED and (spaced := self._spaced(text, near, end)) is not None:
            return spaced
        return self._by_pieces(text, near, end)

    def _spaced(self, text: str, near: int, end: int) -> str | None:
        """A short string the page sets with spaces between its characters
        (a byline pads a two-character name: 記者　于　明), which the parser
        read without them: the same characters, read where they stand."""
        chars = [c for c in text if not c.isspace()]
        if len(chars) < 2:
            return None
        pattern = r"\s*".join(re.escape(c) for c in chars)
        found = re.compile(pattern).search(self.folded, near, end)
        if found is None:
            return None
        page = [i for i in range(found.start(), found.end()) if not self.folded[i].isspace()]
        out, k = [], 0
        for c in text:  # the parser's own spacing, the page's characters
            if c.isspace():
                out.append(c)
            else:
                out.append(self.original[page[k]])
                k += 1
        return "".join(out)

    def _by_pieces(self, text: str, near: int, end: int) -> str:
        folded, out, k, cursor = self.folded, [], 0, near
        while k < len(text):
            if folded.find(text[k]) < 0:  # not from the page (第 of a 第N版 the parser completes): as it is
                out.append(text[k])
                k += 1
                continue
            at, low = self._find(text[k:], cursor, near, end), len(text) - k
            if at < 0:
                # The longest piece from k that the span (else the page) holds:
                # if a piece is there, so is each shorter one.
                low, high = 1, low - 1
                while low < high:
                    middle = (low + high + 1) // 2
                    if self._find(text[k: k + middle], cursor, near, end) >= 0:
                        low = middle
                    else:
                        high = middle - 1
                at = self._find(text[k: k + low], cursor, near, end)
            out.append(self.original[at: at + low])
            cursor, k = at + low, k + low
        return "".join(out)

    def _find(self, piece: str, cursor: int, near: int, end: int) -> int:
        """Where the piece is in the folded page: first after the cursor within
        the span, else anywhere in the span, else anywhere; -1 if nowhere."""
        folded = self.folded
        for at in (folded.find(piece, cursor, end), folded.find(piece, near, end)):
            if at >= 0:
                return at
        return folded.find(piece)


def unfold_record(record: PageRecord, unfolder: Unfolder) -> None:
    """Give every printed string of the record back in the page's characters;
    roles stay the key's words (记者 whatever the script)."""
    restore = unfolder.restore
    record.outlet = restore(record.outlet)
    record.page_label = restore(record.page_label)
    record.page_name = restore(record.page_name)
    record.warnings = [_unfolded_warning(w, restore) for w in record.warnings]
    for article in record.articles:
        _unfold_article(article, unfolder)


def _unfold_article(article: ArticleRecord, unfolder: Unfolder) -> None:
    near, end = article.span

    def restore(text: str) -> str:
        return unfolder.restore(text, near=near, end=end)

    for name in ("column", "kicker", "title", "subtitle", "dateline", "continued_from", "continues_to"):
        setattr(article, name, restore(getattr(article, name)))
    article.blocks = [replace(block, text=restore(block.text)) for block in article.blocks]
    article.bylines = [
        BylineRecord(name=restore(person.name), role=person.role, outlet=restore(person.outlet)) for person in article.bylines
    ]
    article.warnings = [_unfolded_warning(w, restore) for w in article.warnings]


def _unfolded_warning(warning: WarningDict, restore: Callable[[str], str]) -> WarningDict:
    params = {k: restore(v) if isinstance(v, str) else v for k, v in warning["params"].items()}
    return {**warning, "params": params}

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
# How far after the last piece the next one of a joined string is looked
# for first, and how long a piece found there must be to be taken (a
# shorter one may lie there by chance).
WINDOW = 64
MIN_NEAR_PIECE = 4


class Unfolder:
    """Strings read from the folded page, back in the page's characters.

    A string is found in the folded copy, nearest after the article's start,
    and copied from the page at the same offsets; one the parser joined from
    several places (a headline's lines, a paragraph cut at a column end) is
    found piece by piece. Finding beats a character table: 发 may stand for
    發 or 髮 and 后 for 後 or 后 on one page, and where the string lies says
    which.
    """

    def __init__(self, original: str, folded: str, *, byline_lines: tuple[tuple[int, int], ...] = ()):
        self.original = original
        self.folded = folded
        self.reached = 0
        # (start, end) of the lines read as bylines: a name is looked for there
        # first (将于明日 in a headline is not the byline's 于明).
        self.byline_lines = byline_lines

    def restore_name(self, name: str, *, near: int = 0, end: int | None = None) -> str:
        """A byline's name in the page's characters, from a byline line of the span if one holds it."""
        end = len(self.folded) if end is None else end
        for start, stop in self.byline_lines:
            if near <= start < end:
                if (at := self.folded.find(name, start, stop)) >= 0:
                    return self.original[at: at + len(name)]
                if len(name) <= MAX_SPACED and (spaced := self._spaced(name, start, stop)) is not None:
                    return spaced
        return self.restore(name, near=near, end=end)

    def restore(self, text: str, *, near: int = 0, end: int | None = None, after: int | None = None) -> str:
        """text in the page's characters, found within [near, end) (an
        article's span), from after (where the string before it ended) first,
        before anywhere on the page (the page's outlet a byline shares may
        come from its header). self.reached: where the string ends."""
        end = len(self.folded) if end is None else end
        after = near if after is None else after
        self.reached = after
        if not text:
            return text
        at = self.folded.find(text, after, end)
        if at < 0 and after > near:
            at = self.folded.find(text, near, end)
        if at >= 0:
            self.reached = at + len(text)
            return self.original[at: self.reached]
        if len(text) <= MAX_SPACED and (spaced := self._spaced(text, near, end)) is not None:
            return spaced
        return self._by_pieces(text, near, end, after)

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
        self.reached = found.end()
        out, k = [], 0
        for c in text:  # the parser's own spacing, the page's characters
            if c.isspace():
                out.append(c)
            else:
                out.append(self.original[page[k]])
                k += 1
        return "".join(out)

    def _by_pieces(self, text: str, near: int, end: int, after: int) -> str:
        folded, out, k, cursor = self.folded, [], 0, after
        while k < len(text):
            if folded.find(text[k]) < 0:  # not from the page (第 of a 第N版 the parser completes): as it is
                out.append(text[k])
                k += 1
                continue
            # Lines joined into one paragraph: the next piece starts just after
            # the last, so it is looked for there before in the whole span,
            # which keeps restoring a page linear in its length.
            at, low = self._longest(text, k, lambda piece: folded.find(piece, cursor, min(end, cursor + WINDOW + len(piece))))
            if low < min(MIN_NEAR_PIECE, len(text) - k):
                at, low = self._longest(text, k, lambda piece: self._find(piece, cursor, near, end))
            out.append(self.original[at: at + low])
            cursor, k = at + low, k + low
        self.reached = cursor
        return "".join(out)

    @staticmethod
    def _longest(text: str, k: int, find: Callable[[str], int]) -> tuple[int, int]:
        """Where the longest piece of text from k is found, and its length (0 if none):
        if a piece is found, so is each shorter one. The lengths tried double
        before they are halved, so a short piece of a long paragraph costs
        what it is long, not what the paragraph is."""
        rest = len(text) - k
        if (at := find(text[k:])) >= 0:
            return at, rest
        low, found, high = 0, -1, 1
        while high < rest and (place := find(text[k: k + high])) >= 0:
            low, found, high = high, place, high * 2
        high = min(high, rest) - 1  # the first length not found, less one
        while low < high:
            middle = (low + high + 1) // 2
            if (place := find(text[k: k + middle])) >= 0:
                low, found = middle, place
            else:
                high = middle - 1
        return found, low

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
    # The blocks in printed order: each looked for from where the one before ended.
    blocks, after = [], near
    for block in article.blocks:
        blocks.append(replace(block, text=unfolder.restore(block.text, near=near, end=end, after=after)))
        after = unfolder.reached
    article.blocks = blocks
    article.bylines = [
        BylineRecord(name=unfolder.restore_name(person.name, near=near, end=end), role=person.role, outlet=restore(person.outlet)) for person in article.bylines
    ]
    article.warnings = [_unfolded_warning(w, restore) for w in article.warnings]


def _unfolded_warning(warning: WarningDict, restore: Callable[[str], str]) -> WarningDict:
    params = {k: restore(v) if isinstance(v, str) else v for k, v in warning["params"].items()}
    return {**warning, "params": params}

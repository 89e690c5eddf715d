"""Printed-page rendering: what PDF/OCR text does to a clean page.

``printed(page)`` returns the text of ``<NN>.printed.txt``. It is
deterministic: the random generator is seeded with the page id
(``random.Random(page.id)``); ``printed(page, seed=…)`` draws the same
transforms again under another seed (``reseed.py``: fresh renderings of the
dev pages for ``evaluate_parser --seeds N``). The transforms, in this order:

1. Page header lines at the top, from ``page.header`` where the source
   gives them: the date, 星期, 第X版, 版名 and 责任编辑. The generator
   picks one of three layouts (one line separated by spaces; one line each;
   date+星期 on one line, 版 and 版名 on the next). Nothing is invented: a
   field the source lacks is left out.
2. Byline moved to the end: an article's byline lines printed above the
   body are, with probability 1/2, printed after its last block instead.
3. Paragraphs cut at column ends: each body paragraph of 60+ characters
   is, with probability 0.3, cut in two at a point inside a sentence (the
   character before the cut is not 。！？; cut between 30 % and 70 % of
   its length); the halves are separate blocks, i.e. a blank line inside
   a sentence.
4. A caption dropped between the halves of a sentence: an article's
   first caption is, with probability 0.6, taken out of its place and put
   between the halves of a paragraph of 60+ characters cut as in 3.
5. Blank-line noise: between two blocks the blank line is missing with
   probability 0.15 and doubled with probability 0.1.

The answer key is the clean page's key with ``rendering: printed``: no
transform changes the text of a title, a caption, a credit or the body
(body_start/body_end drop whitespace, so a cut changes nothing).
"""
from __future__ import annotations

import random

from model import Article, Block, Page
from render import heading_lines

CUT_MIN = 60
_SENTENCE_END = "。！？!?"


def header_lines(page: Page, rng: random.Random) -> list[str]:
    h = page.header
    date, weekday, banci = h.get("date", ""), h.get("weekday", ""), h.get("banci", "")
    name, editor = h.get("page_name", ""), h.get("editor", "")
    fields = [x for x in (date, weekday, banci, name, editor) if x]
    if not fields:
        return []
    layout = rng.randrange(3)
    if layout == 0:
        return ["　".join(fields)]
    if layout == 1:
        return fields
    first = "　".join(x for x in (date, weekday) if x)
    second = "　".join(x for x in (banci, name) if x)
    return [x for x in (first, second, editor) if x]


def _cut_point(text: str, rng: random.Random) -> int | None:
    n = len(text)
    candidates = [i for i in range(int(n * 0.3), int(n * 0.7) + 1)
                  if text[i - 1] not in _SENTENCE_END and not text[i - 1].isspace()
                  and not text[i].isspace()]
    return rng.choice(candidates) if candidates else None


def _article_chunks(a: Article, rng: random.Random) -> list[str]:
    head = [x for x in heading_lines(a) if x not in a.byline_lines]
    move_byline = bool(a.byline_lines) and rng.random() < 0.5
    if not move_byline:
        head = heading_lines(a)
    blocks = list(a.blocks)
    caption = None
    captions = [b for b in blocks if b.kind == "caption"]
    long_paras = [i for i, b in enumerate(blocks) if b.kind == "para" and len(b.text) >= CUT_MIN]
    if captions and long_paras and rng.random() < 0.6:
        caption = captions[0]
        blocks.remove(caption)
        target = rng.choice([i for i, b in enumerate(blocks) if b.kind == "para" and len(b.text) >= CUT_MIN])
    else:
        target = None
    chunks = ["\n".join(head)] if head else []
    for i, b in enumerate(blocks):
        if b.kind == "para" and len(b.text) >= CUT_MIN and (i == target or rng.random() < 0.3):
            cut = _cut_point(b.text, rng)
            if cut is not None:
                chunks.append(b.text[:cut])
                if i == target:
                    chunks.append(caption.text)
                    caption = None
                chunks.append(b.text[cut:])
                continue
        chunks.append(b.text)
    if caption is not None:  # no cut point found: leave it where it was printed last
        chunks.append(caption.text)
    if move_byline:
        chunks.append("\n".join(a.byline_lines))
    return chunks


def printed(page: Page, seed: str | None = None) -> str:
    rng = random.Random(page.id if seed is None else seed)
    lines = header_lines(page, rng)
    chunks: list[str] = []
    if page.text is not None:
        chunks = [c for c in page.text.strip("\n").split("\n\n")]
    else:
        for a in page.articles:
            chunks.extend(_article_chunks(a, rng))
    out = "\n".join(lines) + ("\n\n" if lines else "")
    for i, c in enumerate(chunks):
        if i:
            r = rng.random()
            out += "\n" if r < 0.15 else ("\n\n\n" if r < 0.25 else "\n\n")
        out += c
    return out + "\n"


def printed_key(page: Page) -> dict:
    return page.answer_key("printed")

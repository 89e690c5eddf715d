"""Synthetic newspaper pages made by recombining the articles of the seed pages.

Each page takes a few seed articles (their exact printed text, headline,
byline, captions and all), gives every title a page-unique suffix and numbers
so that no two pages hash alike, and joins them as a page would be printed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from articles.parsing import decode_page, parse_page, read_page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_article_texts() -> list[str]:
    texts = []
    for path in sorted(SEEDS.rglob("*.txt")):
        page = parse_page(read_page(path))
        texts.extend(page.text[a.span[0]: a.span[1]] for a in page.articles if a.title)
    return texts


def synthetic_pages(count: int, *, per_page: int = 6, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """Yield (file name, UTF-8 bytes) lazily, so memory does not grow with count."""
    rng = random.Random(seed)
    texts = seed_article_texts()
    for n in range(count):
        chosen = rng.sample(texts, per_page)
        page = "\n\n".join(_vary(text, n, k) for k, text in enumerate(chosen))
        yield f"synthetic_{n:06d}.txt", page.encode("utf-8")


def parse_bytes(name: str, data: bytes):
    return parse_page(decode_page(name, data))


def _vary(text: str, page: int, k: int) -> str:
    # Change the first digit run so each copy is distinct text, as a different day's story would be.
    for i, ch in enumerate(text):
        if ch.isdigit():
            return text[:i] + str((int(ch) + page + k) % 10) + text[i + 1:]
    return text

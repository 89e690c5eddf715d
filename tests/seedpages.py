"""Shared access to the seed pages in ``seeds/`` for the parser tests.

Parsing is pure and the seed files do not change during a run, so each page
is parsed once and shared; tests must treat the records as read-only.
"""

from __future__ import annotations

import functools
from pathlib import Path

from articles.parsing import ArticleRecord, PageRecord, parse_page, read_page

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = REPO_ROOT / "seeds"
SEED_PREFIXES = ("000", "001", "002", "003", "004")


def seed_path(name_prefix: str) -> Path:
    """The one seed file whose name starts with name_prefix (e.g. "000")."""
    matches = sorted(SEED_DIR.glob(f"{name_prefix}*.txt"))
    assert len(matches) == 1, f"expected one seed page starting {name_prefix!r}, found {matches}"
    return matches[0]


def seed_text(name_prefix: str) -> str:
    return seed_path(name_prefix).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def parsed(name_prefix: str) -> PageRecord:
    return parse_page(read_page(seed_path(name_prefix)))


def all_pages() -> list[PageRecord]:
    return [parsed(prefix) for prefix in SEED_PREFIXES]


def article(page: PageRecord, title_fragment: str) -> ArticleRecord:
    """The one article on the page whose title contains title_fragment."""
    found = [a for a in page.articles if title_fragment in a.title]
    assert len(found) == 1, (
        f"expected one article titled *{title_fragment}* on {page.file_name}, "
        f"found {[a.title for a in found]}"
    )
    return found[0]


def nth(page: PageRecord, position: int) -> ArticleRecord:
    """The article at a 1-based position on the page."""
    found = [a for a in page.articles if a.position == position]
    assert len(found) == 1, f"no single article at position {position} on {page.file_name}"
    return found[0]


def paragraphs_containing(art: ArticleRecord, fragment: str) -> list[str]:
    return [p for p in art.paragraphs if fragment in p]

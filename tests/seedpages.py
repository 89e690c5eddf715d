"""Shared access to the seed pages in ``seeds/`` for the parser tests.

The seeds are laid out by edition, ``seeds/<publication>/<YYYY-MM-DD>/<NN>-<版名>.txt``
(see seeds/README); tests still name them by their old prefixes 000 … 004.
Parsing is pure and the seed files do not change during a run, so each page
is parsed once and shared; tests must treat the records as read-only.
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

from articles.parsing import ArticleRecord, PageRecord, parse_page, read_page

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = REPO_ROOT / "seeds"
SEED_KEY_DIR = REPO_ROOT / "corpus" / "seeds"
# prefix -> path under seeds/ (and, as the importer names it, SourcePage.file_name)
SEEDS = {
    "000": "qingdao-ribao/2023-10-11/01-要闻.txt",
    "001": "qingdao-wanbao/2022-09-05/01-城区.txt",
    "002": "qingdao-ribao/2024-08-06/01-要闻.txt",
    "003": "qingdao-ribao/2025-02-28/02-要闻.txt",
    "004": "dazhong-ribao/2020-05-30/01-青岛新闻.txt",
}
SEED_PREFIXES = tuple(SEEDS)


def seed_and_dev_pages() -> list[Path]:
    """Every seed page, and the parser corpus's dev pages when corpus/pages is built (never its test pages)."""
    corpus = REPO_ROOT / "corpus"
    split = json.loads((corpus / "split.json").read_text(encoding="utf-8"))["pages"]
    dev = [corpus / "pages" / f"{page}.txt" for page, part in sorted(split.items()) if part == "dev"]
    return sorted(SEED_DIR.rglob("*.txt")) + [path for path in dev if path.exists()]


def seed_path(name_prefix: str) -> Path:
    """The seed file of a prefix ("000" … "004")."""
    path = SEED_DIR / SEEDS[name_prefix]
    assert path.is_file(), f"seed page {name_prefix!r} missing: {path}"
    return path


def seed_name(name_prefix: str) -> str:
    """The SourcePage.file_name the importer gives the seed (its PUB/DATE/NN path)."""
    return SEEDS[name_prefix]


def seed_key_path(name_prefix: str) -> Path:
    """The seed's answer key in corpus/seeds/."""
    return SEED_KEY_DIR / Path(SEEDS[name_prefix]).with_suffix(".json")


def copy_seed(name_prefix: str, folder: Path) -> Path:
    """A copy of the seed under folder, in its PUB/DATE/NN layout (so it keeps its edition)."""
    target = Path(folder) / SEEDS[name_prefix]
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(seed_path(name_prefix), target))


def flat_copy(name_prefix: str, folder: Path, name: str | None = None) -> Path:
    """A copy of the seed directly in folder, named ``<prefix>.txt``: a page with no edition facts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(seed_path(name_prefix), folder / (name or f"{name_prefix}.txt")))


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

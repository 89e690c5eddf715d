"""Finding the corpus pages, their answer keys and their split.

A corpus directory (``corpus/``) holds:

- ``pages/<paper>/<date>/<NN>[.printed].json`` answer keys, each beside the
  page text ``<NN>[.printed].txt``; the page id is the path under ``pages/``
  without the extension (``renmin/2024-05-06/01.printed``), the paper is the
  first path part;
- ``split.json``: ``{"test_only_papers": [...], "pages": {id: "dev"|"test"}}``;
- ``seeds/<publication>/<YYYY-MM-DD>/<NN>-<版名>.json``: the answer keys of the
  committed seed pages, whose text is the same path under ``../seeds/`` (the
  repository's ``seeds/``) with ``.txt``. Seeds are paper ``qingdao`` and
  always dev; their id is ``seeds/<path without extension>``.

Honest evaluation leans to "test": a page that ``split.json`` does not name,
a page of a test-only paper, or any page when ``split.json`` is missing, is
a test page (and a warning says so).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DEV = "dev"
TEST = "test"
SEED_PAPER = "qingdao"
ARTICLE_KEYS = (
    "column", "kicker", "title", "subtitle", "reporters", "dateline", "dateline_date",
    "body_start", "body_end", "subheads", "captions", "continued_from", "continues_to",
)


@dataclass
class CorpusPage:
    id: str
    paper: str  # slug
    split: str  # DEV or TEST
    text_path: Path
    key_path: Path
    key: dict = field(repr=False, default_factory=dict)


def load_key(path: Path) -> dict:
    """An answer key; articles get every key the README promises ("" / [] when absent)."""
    key = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = key.get("articles")
    if not isinstance(articles, list):
        raise ValueError(f"{path}: answer key has no 'articles' list")
    for article in articles:
        for name in ARTICLE_KEYS:
            article.setdefault(name, [] if name in ("reporters", "subheads", "captions") else "")
    return key


def _read_split(corpus: Path, warnings: list[str]) -> tuple[set[str], dict[str, str]]:
    path = corpus / "split.json"
    if not path.exists():
        return set(), {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return set(data.get("test_only_papers", [])), dict(data.get("pages", {}))


def find_pages(corpus: Path | str, *, split: str = "all", paper: str | None = None) -> tuple[list[CorpusPage], list[str]]:
    """The corpus pages in (split, paper, id) order, filtered; and warnings about the split."""
    corpus = Path(corpus)
    warnings: list[str] = []
    pages: list[CorpusPage] = []

    seeds_text = corpus.parent / "seeds"
    for key_path in sorted((corpus / "seeds").rglob("*.json")):
        stem = key_path.relative_to(corpus / "seeds").with_suffix("")
        pages.append(CorpusPage(f"seeds/{stem.as_posix()}", SEED_PAPER, DEV, seeds_text / stem.with_suffix(".txt"), key_path))

    pages_dir = corpus / "pages"
    if pages_dir.is_dir():
        test_only, named = _read_split(corpus, warnings)
        if not (corpus / "split.json").exists():
            warnings.append("no split.json: every page under pages/ counts as a test page")
        for key_path in sorted(pages_dir.glob("*/*/*.json")):
            page_id = key_path.relative_to(pages_dir).with_suffix("").as_posix()
            slug = page_id.split("/", 1)[0]
            side = named.get(page_id)
            if slug in test_only:
                if side == DEV:
                    warnings.append(f"{page_id}: split.json says dev but {slug} is test-only; counted as test")
                side = TEST
            elif side not in (DEV, TEST):
                if (corpus / "split.json").exists():
                    warnings.append(f"{page_id}: not in split.json; counted as test")
                side = TEST
            pages.append(CorpusPage(page_id, slug, side, key_path.with_suffix(".txt"), key_path))

    if split != "all":
        pages = [p for p in pages if p.split == split]
    if paper:
        pages = [p for p in pages if p.paper == paper]
    for page in pages:
        page.key = load_key(page.key_path)
    pages.sort(key=lambda p: (p.split, p.paper, p.id))
    return pages, warnings

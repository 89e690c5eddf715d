#!/usr/bin/env python3
"""Build corpus/pages/ from fetched snapshots (stdlib only).

    python corpus/tools/build.py [--mirror /work/.mirror] [--only renmin,shenbao] [--strict]

Runs every module in corpus/tools/sources/ (a module exposes
``SOURCE = {"repo": "owner/name", "licence": "..."}`` and
``build(mirror: Path) -> list[Page]``), writes for each page

    corpus/pages/<paper>/<date>/<NN>.txt  + .json            (clean, render.py)
    corpus/pages/<paper>/<date>/<NN>.printed.txt + .json     (about half the pages, render_printed.py)

and regenerates corpus/SOURCES.md and corpus/split.json. A module whose
snapshot is missing is reported and skipped (``--strict`` makes that an
error); SOURCES.md and split.json then keep the rows of the pages that
were built before (the previous split.json is read back), so a partial
build never drops pages from the committed lists.

The seed pages are not copied here: their committed keys in corpus/seeds/
are read by articles/evaluation beside seeds/*.txt, as paper ``qingdao``.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import shutil
import sys
import traceback
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
CORPUS = TOOLS.parent
ROOT = CORPUS.parent
sys.path.insert(0, str(TOOLS))

from mirror import MissingSource  # noqa: E402
from model import Page  # noqa: E402
from render import clean  # noqa: E402
from render_printed import printed, printed_key  # noqa: E402

# Papers whose pages are all test pages. Edit here (corpus-b reports theirs to the lead).
TEST_ONLY_PAPERS = ["jiefang", "xinmin"]
# Papers split by date: the dates named are test, every other date is dev
# (not the every-third-date rule). 申报 was test-only until its dev dates
# were added: the dates it had then stay test, the later additions are dev.
TEST_DATES: dict[str, set[str]] = {
    "shenbao": {"1930-03-06", "1930-03-12", "1947-03-06", "1947-03-12",  # yeoksayeou/baokan
                "1948-03-28", "1948-09-20", "1949-04-22", "1949-04-27",  # Shanghai Library sample
                "1949-05-10", "1949-05-12", "1949-05-14", "1949-05-25"},
}
# Papers whose pages are always dev (the seed pages, tuned on already).
DEV_ONLY_PAPERS = ["qingdao"]
# Editions that must never be in the corpus (README "Split").
RESERVED = {
    ("renmin", "2025-01-15"), ("renmin", "2026-03-05"),
    ("dushikuaibao", "2026-03-29"),
    ("shenbao", "1930-03-05"), ("shenbao", "1947-03-05"),
}
MIN_TEST_FRACTION = 1 / 3


def wants_printed(page_id: str) -> bool:
    """About half the pages get a printed rendering, chosen by the page id."""
    return hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0


def load_modules(only: set[str] | None, sources: Path = TOOLS / "sources"):
    for path in sorted(sources.glob("*.py")):
        if path.name.startswith("_") or (only and path.stem not in only):
            continue
        spec = importlib.util.spec_from_file_location(f"sources.{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        yield path.stem, mod


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_page(pages_dir: Path, page: Page) -> list[str]:
    if (page.paper_slug, page.edition_date) in RESERVED:
        raise ValueError(f"{page.id}: reserved edition, never in the corpus")
    out = pages_dir / page.paper_slug / page.edition_date
    out.mkdir(parents=True, exist_ok=True)
    nn = f"{page.page_number:02d}"
    text = clean(page)
    if "#" in text.replace("＃", ""):
        print(f"  warning: {page.id} has a '#' in its text (check it is the source's)", file=sys.stderr)
    (out / f"{nn}.txt").write_text(text, encoding="utf-8")
    write_json(out / f"{nn}.json", page.answer_key("clean"))
    ids = [page.id]
    if wants_printed(page.id):
        (out / f"{nn}.printed.txt").write_text(printed(page), encoding="utf-8")
        write_json(out / f"{nn}.printed.json", printed_key(page))
        ids.append(page.id + ".printed")
    return ids


def split(ids: list[str], previous: dict[str, str] | None = None) -> dict:
    """Rule (README "Split"): test-only papers are test; dev-only papers are dev;
    a page the previous split.json named keeps its split (``previous``: page id
    -> split), so adding pages never moves a page tuned on into test or a test
    page into dev; a page added to a paper the previous split already had is
    dev, unless the paper is split by date (TEST_DATES: the dates named test,
    the rest dev). For every other paper (a new one, or every paper when there
    is no previous split) the pages of every third edition date in date order
    (3rd, 6th, …) are test; if fewer than a third of all pages are then test,
    the latest dev date of such a paper with the most dev pages is made test,
    repeatedly, until a third is reached. A printed page has its clean page's split."""
    previous = previous or {}
    kept = {i.removesuffix(".printed"): previous[i] for i in ids if i in previous}
    known_papers = {i.split("/")[0] for i in previous}
    clean_ids = sorted({i.removesuffix(".printed") for i in ids})
    by_paper: dict[str, dict[str, list[str]]] = {}
    for pid in clean_ids:
        paper, date, _ = pid.split("/")
        by_paper.setdefault(paper, {}).setdefault(date, []).append(pid)
    test_dates: set[tuple[str, str]] = set()
    ruled: set[str] = set()  # papers whose dates the every-third rule splits
    for paper, dates in by_paper.items():
        if paper in TEST_ONLY_PAPERS:
            test_dates.update((paper, d) for d in dates)
        elif paper in TEST_DATES:
            test_dates.update((paper, d) for d in dates if d in TEST_DATES[paper])
        elif paper not in DEV_ONLY_PAPERS and paper not in known_papers:
            ruled.add(paper)
            test_dates.update((paper, d) for i, d in enumerate(sorted(dates)) if i % 3 == 2)

    def side(pid: str) -> str:
        clean_id = pid.removesuffix(".printed")
        paper, date, _ = clean_id.split("/")
        if paper in TEST_ONLY_PAPERS or paper in DEV_ONLY_PAPERS:
            return "test" if paper in TEST_ONLY_PAPERS else "dev"
        if clean_id in kept:
            return kept[clean_id]
        return "test" if (paper, date) in test_dates else "dev"

    while sum(side(i) == "test" for i in ids) < MIN_TEST_FRACTION * len(ids):
        dev = {p: [d for d in ds if (p, d) not in test_dates] for p, ds in by_paper.items() if p in ruled}
        dev = {p: ds for p, ds in dev.items() if ds}
        if not dev:
            break
        paper = max(dev, key=lambda p: (sum(len(by_paper[p][d]) for d in dev[p]), p))
        test_dates.add((paper, max(dev[paper])))
    pages = {i: side(i) for i in sorted(ids)}
    return {"test_only_papers": list(TEST_ONLY_PAPERS), "pages": pages}


def previous_split() -> dict[str, str]:
    path = CORPUS / "split.json"
    return json.loads(path.read_text(encoding="utf-8")).get("pages", {}) if path.exists() else {}


def write_sources(rows: list[dict]) -> None:
    lines = ["# Sources of the corpus pages", "",
             "Generated by `corpus/tools/build.py`; one row per page. The page text is",
             "built from these snapshots into the git-ignored `corpus/pages/`, never committed.", "",
             "| id | paper | repo | path(s) | commit | licence | rendering |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in sorted(rows, key=lambda r: r["id"]):
        paths = "<br>".join(f"`{p}`" for p in r["paths"])
        lines.append(f"| {r['id']} | {r['paper']} | {r['repo']} | {paths} | {r['commit']} | {r['licence']} | {r['rendering']} |")
    (CORPUS / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def previous_rows() -> list[dict]:
    path = CORPUS / "sources_rows.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--pages", type=Path, default=CORPUS / "pages")
    ap.add_argument("--only", default="", help="comma-separated module names")
    ap.add_argument("--strict", action="store_true", help="a missing snapshot is an error")
    args = ap.parse_args(argv)
    only = set(filter(None, args.only.split(","))) or None

    rows: list[dict] = []
    built_papers: set[str] = set()
    failed = False
    for name, mod in load_modules(only):
        src = getattr(mod, "SOURCE", {})
        try:
            pages = mod.build(args.mirror)
        except MissingSource as e:
            print(f"{name}: skipped: {e}", file=sys.stderr)
            failed = failed or args.strict
            continue
        except Exception:
            traceback.print_exc()
            print(f"{name}: failed", file=sys.stderr)
            failed = True
            continue
        # clear a paper's pages once per run: two modules may build one paper
        # (shenbao: yeoksayeou/baokan and the Shanghai Library sample)
        for slug in {p.paper_slug for p in pages} - built_papers:
            shutil.rmtree(args.pages / slug, ignore_errors=True)
            built_papers.add(slug)
        n = 0
        for page in pages:
            for pid in write_page(args.pages, page):
                n += 1
                rows.append({"id": pid, "paper": page.paper_slug, "repo": page.repo or src.get("repo", ""),
                             "paths": page.paths, "commit": page.commit,
                             "licence": page.licence or src.get("licence", ""),
                             "rendering": "printed" if pid.endswith(".printed") else "clean"})
        print(f"{name}: {len(pages)} pages, {n} files with printed renderings")
    # keep the rows of papers (and sources of a paper) not rebuilt this time (a partial build)
    rebuilt = {(r["paper"], r["repo"]) for r in rows}
    rows.extend(r for r in previous_rows() if (r["paper"], r["repo"]) not in rebuilt)
    write_json(CORPUS / "sources_rows.json", sorted(rows, key=lambda r: r["id"]))
    write_sources(rows)
    sp = split([r["id"] for r in rows], previous_split())
    write_json(CORPUS / "split.json", sp)
    n_test = sum(1 for v in sp["pages"].values() if v == "test")
    print(f"split: {len(sp['pages'])} pages, {n_test} test ({n_test / max(1, len(sp['pages'])):.0%})")
    if n_test < MIN_TEST_FRACTION * len(sp["pages"]):
        # pages named before keep their split and added ones are dev: more test pages must come from a new paper or a test-only one
        print("warning: fewer than a third of the pages are test (corpus/README \"Split\")", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

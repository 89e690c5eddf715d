"""Printed renderings of dev pages under fresh seeds (stdlib only).

The shipped ``<NN>.printed.txt`` is one draw of ``render_printed``'s
transforms (seed = the page id), and a parser tuned on the dev pages has
seen that draw. ``write_reseeded`` draws them again under N other seeds
(``<page id>#<k>``, k = 1…N) for every clean page it is given, so that
``manage.py evaluate_parser --split dev --seeds N`` scores the parser on
cuts, moved bylines, dropped captions and blank-line noise it was never
tuned on. The caller names the pages (the dev pages of split.json); the
pages are rebuilt from the snapshots by the source modules, as build.py
does, and written under ``out`` with the layout of ``corpus/pages/``:

    <out>/pages/<paper>/<date>/<NN>.seed<k>.txt + .json   (the key: the page's printed key)
    <out>/split.json                                        (every page written: dev)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
# The sibling tools import each other by name; the path is put back after, so
# a process that loads this file (manage.py evaluate_parser) keeps its own.
sys.path.insert(0, str(TOOLS))
try:
    from build import load_modules, write_json  # noqa: E402
    from mirror import MissingSource  # noqa: E402
    from render_printed import printed, printed_key  # noqa: E402
finally:
    while str(TOOLS) in sys.path:  # build.py puts it there too
        sys.path.remove(str(TOOLS))


def write_reseeded(*, mirror: Path, page_ids: set[str], seeds: int, out: Path) -> tuple[list[str], list[str]]:
    """Write N fresh renderings of each named clean page; returns (ids written, warnings)."""
    written: list[str] = []
    found: set[str] = set()
    for _, mod in load_modules(None, TOOLS / "sources"):
        try:
            pages = mod.build(mirror)
        except MissingSource:  # said below if a named page was among its pages
            continue
        for page in pages:
            if page.id not in page_ids:
                continue
            found.add(page.id)
            folder = out / "pages" / page.paper_slug / page.edition_date
            folder.mkdir(parents=True, exist_ok=True)
            for k in range(1, seeds + 1):
                stem = f"{page.page_number:02d}.seed{k}"
                (folder / f"{stem}.txt").write_text(printed(page, seed=f"{page.id}#{k}"), encoding="utf-8")
                key = printed_key(page)
                key["page"] = f"{page.id}.seed{k}"
                write_json(folder / f"{stem}.json", key)
                written.append(key["page"])
    warnings = [f"{pid}: not rebuilt (its snapshot is missing)" for pid in sorted(page_ids - found)]
    (out / "split.json").write_text(json.dumps({"test_only_papers": [], "pages": dict.fromkeys(written, "dev")}), encoding="utf-8")
    return written, warnings

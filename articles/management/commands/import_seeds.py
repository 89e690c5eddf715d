"""Import newspaper page files (default: seeds/) into the database."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.services.editions import EditionOptions
from articles.services.importing import DUPLICATE, REFUSED, ImportReport, PageImportResult, collect_paths, pages_import


class Command(BaseCommand):
    help = (
        "Import page text files or folders of them (default: seeds/, laid out PUBLICATION/YYYY-MM-DD/NN-版名.txt). "
        "Each page is imported atomically."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders; default: the seeds/ folder")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument("--publish", action="store_true", help="publish the imported articles")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print a machine-readable report on stdout")
        parser.add_argument("--publication", default="", help="publication slug or name for pages whose masthead and folder do not say")
        parser.add_argument("--date", default="", help="edition date YYYY-MM-DD for pages that do not say")
        parser.add_argument("--page", default="", help="版次 (3, 第三版, A03) for a single page file that does not say")

    def handle(self, *args, paths, dry_run, publish, as_json, publication, date, page, **options):
        skipped: list[Path] = []
        files = collect_paths(paths or [Path(settings.BASE_DIR) / "seeds"], skipped=skipped)
        progress = self.stderr if as_json else self.stdout
        for path in skipped:
            progress.write(f"skipped (not a *.txt page): {path}")
        if not files:
            raise CommandError("no files to import")
        if page and len(files) > 1:
            raise CommandError("--page names the 版次 of one page file; give one file")
        counter = iter(range(1, len(files) + 1))

        def show(result: PageImportResult) -> None:
            n = next(counter)
            if result.status == REFUSED:
                progress.write(self.style.ERROR(f"[{n}/{len(files)}] {result.file_name}: refused: {result.error}"))
            elif result.status == DUPLICATE:
                progress.write(self.style.WARNING(f"[{n}/{len(files)}] {result.file_name}: {DUPLICATE}: {result.error}"))
            else:
                edition = f" ({result.edition})" if result.edition else ""
                progress.write(f"[{n}/{len(files)}] {result.file_name}: {result.status}, {result.articles} articles{edition}")

        report = pages_import(
            paths=files, publish=publish, dry_run=dry_run, on_result=show,
            edition_options=EditionOptions(publication=publication, date=date, page=page),
        )
        if as_json:
            self.stdout.write(_json_report(report, dry_run=dry_run, skipped=skipped))
        else:
            self.stdout.write(_summary_table(report, dry_run=dry_run))
        if report.refused:
            raise CommandError(f"{len(report.refused)} of {len(files)} file(s) refused")


def _summary_table(report: ImportReport, *, dry_run: bool) -> str:
    rows = [("file", "status", "articles", "new reporters", "warnings")]
    for r in report.results:
        rows.append((r.file_name, r.status, str(r.articles), str(r.reporters_created), str(len(r.warnings))))
    pages = len(report.results) - len(report.refused)
    rows.append(
        ("total", f"{pages} imported, {len(report.refused)} refused", str(report.total("articles")),
         f"{report.total('reporters_created')} new", str(sum(len(r.warnings) for r in report.results)))
    )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(len(lines) - 1, "  ".join("-" * w for w in widths))
    if dry_run:
        lines.append("dry run: nothing was written")
    return "\n".join(lines)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _json_report(report: ImportReport, *, dry_run: bool, skipped: list[Path] = ()) -> str:
    pages = [
        {
            "file": r.file_name,
            "status": r.status,
            "edition": r.edition,
            "error": r.error,
            "articles": r.articles,
            "articles_created": r.articles_created,
            "articles_updated": r.articles_updated,
            "articles_unchanged": r.articles_unchanged,
            "articles_protected": r.articles_protected,
            "articles_removed": r.articles_removed,
            "articles_suppressed": r.articles_suppressed,
            "reporters_created": r.reporters_created,
            "warnings": r.warnings,
        }
        for r in report.results
    ]
    totals = {
        "pages": len(report.results) - len(report.refused),
        "refused": len(report.refused),
        "articles": report.total("articles"),
        "reporters_created": report.total("reporters_created"),
        "warnings": sum(len(r.warnings) for r in report.results),
    }
    return json.dumps({"dry_run": dry_run, "pages": pages, "skipped": [str(p) for p in skipped], "totals": totals}, ensure_ascii=False, indent=2)

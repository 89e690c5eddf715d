"""Import newspaper page files (default: seeds/) into the database."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.tasks import TaskResult, TaskResultStatus
from django.tasks.signals import task_enqueued
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles.services.editions import EditionOptions
from articles.services.importing import (
    CREATED, DUPLICATE, REFUSED, UNCHANGED, UPDATED, ImportReport, PageImportResult, collect_paths, pages_import,
)
from articles.warnings import warning_export


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
        parser.add_argument(
            "--wait", action="store_true",
            help="wait until the background tasks the import enqueued (linking, search) have run",
        )
        parser.add_argument(
            "--wait-timeout", type=float, default=None, metavar="SECONDS",
            help="with --wait: stop waiting after this long and report how many tasks are left",
        )

    def handle(self, *args, paths, dry_run, publish, as_json, publication, date, page, wait, wait_timeout, **options):
        skipped: list[Path] = []
        files = collect_paths(paths or [Path(settings.BASE_DIR) / "seeds"], skipped=skipped)
        progress = self.stderr if as_json else self.stdout
        for path in skipped:
            progress.write(_("skipped (not a *.txt page): %(path)s") % {"path": path})
        if not files:
            raise CommandError(_("no files to import"))
        if page and len(files) > 1:
            raise CommandError(_("--page names the page number of one page file; give one file"))
        counter = iter(range(1, len(files) + 1))

        def show(result: PageImportResult) -> None:
            line = {"n": next(counter), "total": len(files), "file": result.file_name}
            if result.status == REFUSED:
                progress.write(self.style.ERROR(_("[%(n)d/%(total)d] %(file)s: refused: %(error)s") % {**line, "error": result.error}))
            elif result.status == DUPLICATE:
                progress.write(self.style.WARNING(_("[%(n)d/%(total)d] %(file)s: duplicate: %(error)s") % {**line, "error": result.error}))
            else:
                edition = f" ({result.edition})" if result.edition else ""
                progress.write(
                    _("[%(n)d/%(total)d] %(file)s: %(status)s, %(articles)d articles") % {
                        **line, "status": _status_label(result.status), "articles": result.articles,
                    } + edition
                )

        # The apps above us (linking, search) hand work to background tasks
        # when the import announces its articles; count them as they are enqueued.
        enqueued: list[TaskResult] = []

        def count(sender, task_result, **kwargs) -> None:
            enqueued.append(task_result)

        task_enqueued.connect(count, weak=False, dispatch_uid="import_seeds.count")
        try:
            with _stopped_cleanly():
                report = pages_import(
                    paths=files, publish=publish, dry_run=dry_run, on_result=show,
                    edition_options=EditionOptions(publication=publication, date=date, page=page),
                )
        finally:
            task_enqueued.disconnect(dispatch_uid="import_seeds.count")
        left = _wait(enqueued, timeout=wait_timeout, progress=progress) if wait else None
        tasks = _task_counts(enqueued, left=left)
        if as_json:
            self.stdout.write(_json_report(report, dry_run=dry_run, skipped=skipped, tasks=tasks))
        else:
            self.stdout.write(_summary_table(report, dry_run=dry_run))
            self.stdout.write(_tasks_line(tasks))
        if report.refused:
            raise CommandError(_("%(refused)d of %(total)d file(s) refused") % {"refused": len(report.refused), "total": len(files)})
        if tasks["failed"]:
            raise CommandError(_("%(failed)d of %(enqueued)d background task(s) failed") % tasks)


@contextmanager
def _stopped_cleanly():
    """SIGTERM (a deploy, systemd, `kill`) as SystemExit while importing: it unwinds
    the page being written (rolled back) and pages_import's announcement of the pages
    already committed, which would otherwise never be indexed, linked or screened."""
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


POLL_SECONDS = 0.5
_sleep = time.sleep  # tests run the worker here instead


def _wait(results: list[TaskResult], *, timeout: float | None, progress) -> list[TaskResult]:
    """Wait until every task has finished (or timeout seconds passed); returns those still unfinished.

    Workers take tasks oldest first, so only the oldest unfinished one is
    asked about each round: one query per poll, whatever the number of tasks.
    """
    pending = [r for r in results if not r.is_finished]
    deadline = None if timeout is None else time.monotonic() + timeout
    shown = 0.0
    while pending:
        pending[0].refresh()
        if pending[0].is_finished:
            pending.pop(0)
            continue
        if deadline is not None and time.monotonic() >= deadline:
            break
        if time.monotonic() - shown >= 10:
            progress.write(_("waiting for %(left)d of %(total)d background task(s)…") % {"left": len(pending), "total": len(results)})
            shown = time.monotonic()
        _sleep(POLL_SECONDS)
    for result in pending:  # a later one may have finished before the first
        result.refresh()
    return [r for r in pending if not r.is_finished]


def _task_counts(results: list[TaskResult], *, left: list[TaskResult] | None) -> dict:
    unfinished = {id(r) for r in left} if left is not None else set()
    return {
        "enqueued": len(results),
        "waited": left is not None,
        "left": None if left is None else len(left),
        "failed": sum(1 for r in results if id(r) not in unfinished and r.status == TaskResultStatus.FAILED),
    }


def _tasks_line(tasks: dict) -> str:
    line = _("%(enqueued)d background task(s) enqueued (linking, search)") % tasks
    if not tasks["enqueued"]:
        return line
    if not tasks["waited"]:
        return line + _("; a worker runs them (manage.py db_worker), --wait waits for them")
    if tasks["left"]:
        return line + _("; %(left)d still queued or running") % tasks
    return line + _("; all done") + (_(", %(failed)d failed") % tasks if tasks["failed"] else "")


def _status_label(status: str) -> str:
    """A page's import status in the operator's language; --json keeps the codes."""
    labels = {
        CREATED: pgettext("import status", "created"), UPDATED: pgettext("import status", "updated"),
        UNCHANGED: pgettext("import status", "unchanged"), REFUSED: pgettext("import status", "refused"),
        DUPLICATE: pgettext("import status", "duplicate"),
    }
    return labels.get(status, status)


def _summary_table(report: ImportReport, *, dry_run: bool) -> str:
    # A context of their own: the desk's "status" and "articles" are other words.
    rows = [(
        pgettext("import report", "file"), pgettext("import report", "status"), pgettext("import report", "articles"),
        pgettext("import report", "new reporters"), pgettext("import report", "warnings"),
    )]
    for r in report.results:
        rows.append((r.file_name, _status_label(r.status), str(r.articles), str(r.reporters_created), str(len(r.warnings))))
    pages = len(report.results) - len(report.refused)
    rows.append(
        (pgettext("import report", "total"), _("%(pages)d imported, %(refused)d refused") % {"pages": pages, "refused": len(report.refused)},
         str(report.total("articles")), _("%(count)d new") % {"count": report.total("reporters_created")},
         str(sum(len(r.warnings) for r in report.results)))
    )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(len(lines) - 1, "  ".join("-" * w for w in widths))
    if dry_run:
        lines.append(_("dry run: nothing was written"))
    return "\n".join(lines)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _json_report(report: ImportReport, *, dry_run: bool, skipped: list[Path] = (), tasks: dict | None = None) -> str:
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
            "warnings": [warning_export(w) for w in r.warnings],
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
    return json.dumps(
        {"dry_run": dry_run, "pages": pages, "skipped": [str(p) for p in skipped], "totals": totals, "tasks": tasks or {}},
        ensure_ascii=False, indent=2,
    )

"""Persist parsed pages: one atomic transaction per page, never a duplicate.

``page_import`` writes one PageRecord; ``pages_import`` reads, parses and
writes many files, refusing bad ones without stopping the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from articles.bodytext import blocks_to_text
from articles.models import Article, Byline, Column, Reporter, SourcePage
from articles.parsing import PageRecord, PageRejected, parse_page, read_page
from articles.parsing.records import ArticleRecord
from articles.services.fingerprints import article_content, fingerprint, import_key, record_content
from articles.services.naming import reporter_create, unique_slug
from articles.signals import articles_changed
from articles.slugs import pinyin_slug
from articles.textstats import char_count

CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"


@dataclass
class PageImportResult:
    file_name: str
    status: str
    articles_created: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_protected: int = 0  # edited by an editor since import: left as the editor made them
    articles_removed: int = 0
    reporters_created: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    changed_ids: list[int] = field(default_factory=list)  # articles created or rewritten

    @property
    def articles(self) -> int:
        return self.articles_created + self.articles_updated + self.articles_unchanged + self.articles_protected


@dataclass
class ImportReport:
    results: list[PageImportResult] = field(default_factory=list)

    @property
    def refused(self) -> list[PageImportResult]:
        return [r for r in self.results if r.status == REFUSED]

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.results)


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the visible files inside folders, in name order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def pages_import(
    *,
    paths: Iterable[Path],
    publish: bool = False,
    dry_run: bool = False,
    on_result: Callable[[PageImportResult], None] | None = None,
) -> ImportReport:
    report = ImportReport()
    known_columns = frozenset(Column.objects.values_list("name", flat=True))
    for path in paths:
        try:
            record = parse_page(read_page(path), known_columns=known_columns)
        except PageRejected as exc:
            result = PageImportResult(file_name=exc.file_name, status=REFUSED, error=exc.reason)
        else:
            result = page_import(page=record, publish=publish, dry_run=dry_run)
            if result.changed_ids and not dry_run:
                # After the page's transaction: listeners index and tag what is stored.
                # Robust, since the page is committed: a failing listener is logged, not an import failure.
                articles_changed.send_robust(sender=Article, article_ids=result.changed_ids)
        report.results.append(result)
        if on_result:
            on_result(result)
    return report


@transaction.atomic
def page_import(*, page: PageRecord, publish: bool = False, dry_run: bool = False) -> PageImportResult:
    """Create or update the page and its articles; with dry_run, report and roll back."""
    result = PageImportResult(file_name=page.file_name, status=UPDATED, warnings=list(page.warnings))
    source = SourcePage.objects.select_for_update().filter(file_name=page.file_name).first()
    if source is not None and source.sha256 == page.sha256:
        result.status = UNCHANGED
        result.articles_unchanged = source.articles.count()
        return result
    if source is None:
        source = SourcePage(file_name=page.file_name)
        result.status = CREATED
    source.sha256 = page.sha256
    source.raw_text = page.text
    source.encoding = page.encoding
    source.outlet = page.outlet
    source.edition_date = page.edition_date or None
    source.page_label = page.page_label
    source.parse_warnings = page.warnings
    source.imported_at = timezone.now()
    source.full_clean()
    source.save()

    writer = _ArticleWriter(source=source, page=page, publish=publish, result=result)
    existing = {
        a.import_key: a
        for a in source.articles.select_related("column").prefetch_related("bylines__reporter")
    }
    for record in page.articles:
        writer.write(record, existing.pop(import_key(record), None))
    for stale in existing.values():
        writer.retire(stale)
    for record in page.articles:
        result.warnings.extend(f"#{record.position} {record.title or '(no headline)'}: {w}" for w in record.warnings)
    if dry_run:
        transaction.set_rollback(True)
    return result


class _ArticleWriter:
    """Writes the articles of one page, sharing look-ups of reporters and columns."""

    def __init__(self, *, source: SourcePage, page: PageRecord, publish: bool, result: PageImportResult):
        self.source = source
        self.page = page
        self.publish = publish
        self.result = result

    def write(self, record: ArticleRecord, article: Article | None) -> None:
        content = record_content(record)
        new_hash = fingerprint(content)
        if article is not None:
            if article.import_hash == new_hash:
                self._place(article, record)
                self.result.articles_unchanged += 1
                return
            if fingerprint(article_content(article)) != article.import_hash:
                self._place(article, record)
                article.warnings = [*article.warnings, "the page was re-imported with changes; the editor's version was kept"]
                article.version += 1  # so a desk form opened before this cannot save over it
                article.save(update_fields=["warnings", "version", "updated_at"])
                self.result.articles_protected += 1
                return
            # A new version, so an editor who opened the old one gets a conflict
            # instead of saving over the re-import (see editorial.saving).
            article.version += 1
            self.result.articles_updated += 1
        else:
            article = Article(source_page=self.source, status=Article.Status.IMPORTED)
            self.result.articles_created += 1
        self._fill(article, record, new_hash)
        article.full_clean()
        article.save()
        self._write_bylines(article, record)
        self.result.changed_ids.append(article.pk)

    def retire(self, article: Article) -> None:
        """An article the new parse no longer finds: drop it unless people already rely on it."""
        pristine = fingerprint(article_content(article)) == article.import_hash
        if pristine and article.status not in Article.PUBLIC_STATUSES:
            article.delete()
            self.result.articles_removed += 1
        else:
            self.result.warnings.append(f"{article.title}: no longer found on the page; kept because it is edited or published")

    def _place(self, article: Article, record: ArticleRecord) -> None:
        if (article.position, article.span_start, article.span_end) != (record.position, *record.span):
            article.position, (article.span_start, article.span_end) = record.position, record.span
            article.version += 1
            article.save(update_fields=["position", "span_start", "span_end", "version", "updated_at"])

    def _fill(self, article: Article, record: ArticleRecord, new_hash: str) -> None:
        article.position = record.position
        article.span_start, article.span_end = record.span
        article.column = self._column(record.column)
        article.kicker = record.kicker
        article.title = record.title
        article.subtitle = record.subtitle
        article.body = blocks_to_text(record.blocks)
        article.dateline = record.dateline
        article.dateline_date = _dateline_date(record, self.page.edition_date)
        article.continued_from = record.continued_from
        article.continues_to = record.continues_to
        article.warnings = record.warnings
        article.import_key = import_key(record)
        article.import_hash = new_hash
        article.char_count = char_count("\n".join(record.paragraphs + record.subheads))
        article.slug = pinyin_slug(record.title or record.body[:30])
        if self.publish and article.status not in Article.PUBLIC_STATUSES:
            article.status = Article.Status.PUBLISHED
            article.published_at = timezone.now()

    def _write_bylines(self, article: Article, record: ArticleRecord) -> None:
        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, reporter=self._reporter(person.name, person.outlet), role=person.role, position=i)
            for i, person in enumerate(record.bylines, start=1)
        )

    def _reporter(self, name: str, outlet: str) -> Reporter:
        reporter = Reporter.objects.filter(name=name, outlet=outlet).first()
        if reporter is None:
            reporter = reporter_create(name=name, outlet=outlet)
            self.result.reporters_created += 1
        return reporter

    def _column(self, name: str) -> Column | None:
        if not name:
            return None
        column = Column.objects.filter(name=name).first()
        if column is None:
            column = Column(name=name, slug=unique_slug(Column, name))
            column.full_clean()
            column.save()
        return column


def _dateline_date(record: ArticleRecord, edition_date: str) -> str:
    """ISO date when the year is known from the page, else --MM-DD (ISO 8601 without year)."""
    if not (record.dateline_month and record.dateline_day):
        return ""
    if edition_date:
        return f"{edition_date[:4]}-{record.dateline_month:02d}-{record.dateline_day:02d}"
    return f"--{record.dateline_month:02d}-{record.dateline_day:02d}"

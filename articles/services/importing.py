"""Persist parsed pages: one atomic transaction per page, never a duplicate.

``page_import`` writes one PageRecord; ``pages_import`` reads, parses and
writes many files, refusing bad ones without stopping the others.

On re-import each parsed article is matched one-to-one to the stored article
it is, by text, headline and place (``_identify``); articles editors deleted or
merged leave a tombstone (``tombstone_create``) so they are not brought back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticleTombstone, Byline, Column, Reporter, Section, SourcePage
from articles.parsing import PageRecord, PageRejected, parse_page, read_page
from articles.parsing.records import ArticleRecord
from articles.parsing.warnings import WarningDict, about, warning
from articles.prepared import Prepared
from articles.services import editions, jumps, scans, zones
from articles.services.fingerprints import (
    article_content,
    containment,
    fingerprint,
    import_key,
    match_score,
    record_content,
    shingles,
)
from articles.services.naming import unique_slugs
from articles.signals import announce_changed, announcing_together
from text.bodytext import blocks_to_text
from text.slugs import pinyin_slug
from text.textstats import body_char_count

CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"
DUPLICATE = "duplicate"  # the same file content is already imported under another name

DETACHED = warning("detached")
# How much of a removed article's text must lie in the article before it for it to count as merged into it.
MERGED = 0.8

# Set while the importer itself deletes an article the page no longer prints:
# that is not an editor removing it, so no tombstone (the page may bring it back).
_retiring: ContextVar[bool] = ContextVar("importer_retiring", default=False)


@dataclass
class PageImportResult:
    file_name: str
    status: str
    articles_created: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_protected: int = 0  # edited by an editor since import: left as the editor made them
    articles_removed: int = 0
    articles_suppressed: int = 0  # editors deleted or merged them away: not brought back
    reporters_created: int = 0
    warnings: list[WarningDict] = field(default_factory=list)  # codes (articles.warnings renders them)
    error: str = ""
    changed_ids: list[int] = field(default_factory=list)  # articles created or rewritten
    edition: str = ""  # e.g. 青岛日报 2024-07-26 第1版 要闻; "" without an issue

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


PAGE_SUFFIX = ".txt"


def collect_paths(paths: Iterable[str | Path], *, skipped: list[Path] | None = None) -> list[Path]:
    """Files as given, and the page files (*.txt) anywhere inside folders, in path order.

    A page's picture and PDF (NN.jpg, NN.pdf beside NN.txt) come with the page;
    other visible files inside folders (README, JSON, other images) are not pages:
    they are appended to ``skipped``; hidden files and folders are ignored.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if any(part.startswith(".") for part in relative) or not child.is_file():
                continue
            if child.suffix.lower() == PAGE_SUFFIX:
                found.append(child)
            elif scans.is_page_scan(child):
                continue  # imported with its page (pages_import)
            elif skipped is not None:
                skipped.append(child)
    return found


def pages_import(
    *,
    paths: Iterable[Path],
    publish: bool = False,
    dry_run: bool = False,
    on_result: Callable[[PageImportResult], None] | None = None,
    edition_options: editions.EditionOptions = editions.EditionOptions(),
) -> ImportReport:
    report = ImportReport()
    known_columns = frozenset(Column.objects.values_list("name", flat=True))
    # The pages' changed articles are announced in batches: a page at a time,
    # search would index each page's few articles inline, and linking would
    # enqueue a task per page.
    with announcing_together():
        for path in paths:
            result = _path_import(path, publish=publish, dry_run=dry_run, known_columns=known_columns,
                                  edition_options=edition_options)
            report.results.append(result)
            if on_result:
                on_result(result)
    return report


def _path_import(
    path: Path, *, publish: bool, dry_run: bool, known_columns: frozenset[str], edition_options: editions.EditionOptions
) -> PageImportResult:
    try:
        record = parse_page(read_page(path), known_columns=known_columns)
    except PageRejected as exc:
        result = PageImportResult(file_name=exc.file_name, status=REFUSED, error=exc.reason)
    else:
        # Edition facts: masthead, then PUB/DATE/NN.txt folders, then the options.
        edition = editions.page_edition(record, path=path, options=edition_options)
        record.file_name = edition.file_name or record.file_name
        try:
            result = page_import(page=record, publish=publish, dry_run=dry_run, edition=edition)
        except editions.EditionConflict as exc:
            result = PageImportResult(file_name=record.file_name, status=REFUSED, error=str(exc))
        else:
            if not dry_run and result.status in (CREATED, UPDATED, UNCHANGED):
                _attach_scans(path=Path(path), file_name=record.file_name)
    return result


def _attach_scans(*, path: Path, file_name: str) -> None:
    """The page's picture and PDF lying next to its text file (NN.jpg, NN.pdf), onto the page."""
    if scans.page_scan_files(path):
        source = SourcePage.objects.filter(file_name=file_name).first()
        if source is not None:
            changed = scans.page_scans_attach(source=source, path=path)
            zones.page_zones_fill(source=source, path=path, changed=changed)  # hot zones from the PDF's text


@transaction.atomic
def page_import(
    *, page: PageRecord, publish: bool = False, dry_run: bool = False, edition: editions.EditionFacts | None = None
) -> PageImportResult:
    """Create or update the page and its articles; with dry_run, report and roll back."""
    edition = edition or editions.page_edition(page)
    result = PageImportResult(file_name=page.file_name, status=UPDATED, warnings=[*page.warnings, *edition.warnings])
    source = SourcePage.objects.select_for_update().filter(file_name=page.file_name).first() or editions.moved_page(page)
    if source is not None and source.sha256 == page.sha256 and source.file_name == page.file_name \
            and not editions.edition_differs(source, edition):
        result.status = UNCHANGED
        result.articles_unchanged = source.articles.count()
        return result
    twins = SourcePage.objects.filter(sha256=page.sha256).exclude(file_name=page.file_name)
    if source is not None:  # a page moved into the edition layout is itself, not its twin
        twins = twins.exclude(pk=source.pk)
    twin = twins.values_list("file_name", flat=True).first()
    if twin is not None:
        # The same bytes under another name (a re-sent or renamed file): importing
        # them again would print every article of the page twice.
        result.status = DUPLICATE
        result.error = _("same text as %(file)s, already imported; not imported again") % {"file": twin}
        return result
    old_text = source.raw_text if source is not None else ""
    old_date = source.edition_date if source is not None else None
    old_edition = _edition_facts(source) if source is not None else None
    if source is None:
        source = SourcePage(file_name=page.file_name)
        result.status = CREATED
    source.file_name = page.file_name
    source.sha256 = page.sha256
    source.raw_text = page.text
    source.encoding = page.encoding
    source.outlet = page.outlet
    source.edition_date = page.edition_date or None
    source.page_label = page.page_label
    source.parse_warnings = page.warnings
    source.credits = "\n".join(page.credits)
    source.imported_at = timezone.now()
    editions.edition_apply(source, edition)  # issue, 版次, 版名 (articles.services.editions)
    # No other page has this file name: it was looked up (and locked) above, so
    # a unique check would ask again; the constraints (版次 in its issue) are checked.
    source.full_clean(validate_unique=False)
    source.save()
    result.edition = editions.edition_label(source)
    if old_edition is not None and source.edition_date != old_date:  # undated → dated too
        _follow_edition_date(source, changed=result.changed_ids)
    if old_edition is not None and _edition_facts(source) != old_edition:
        # Its stories are now of another 版, issue or paper: whatever lists them
        # by edition (search's facets, the e-paper's pages) must hear of them all.
        result.changed_ids.extend(source.articles.values_list("pk", flat=True))

    existing = [] if result.status == CREATED else _page_articles(source)  # a page new to the database has none yet
    tombstones = _TOMBSTONES(page=source.pk) if result.status == UPDATED else []
    _fill_outlets(page, outlet=source.outlet)
    writer = _ArticleWriter(source=source, page=page, publish=publish, result=result)
    for entry in _layout(page=page, old_text=old_text, existing=existing, tombstones=tombstones, writer=writer):
        entry.apply(writer)
    writer.flush()
    # 转版: join this page's continued stories with the other pages of its issue. A page
    # of no issue joins its own parts only: with none (its stored articles as just written,
    # and the new ones), there is nothing to read.
    hidden: list[int] = []
    if source.issue_id is not None or any(jumps.is_jump_part(a) for a in [*existing, *page.articles]):
        result.warnings.extend(jumps.join_issue(source, publish=publish, changed=result.changed_ids, hidden=hidden))
    for record in page.articles:
        result.warnings.extend(about(w, position=record.position, title=record.title) for w in record.warnings)
    if dry_run:
        transaction.set_rollback(True)  # and so nothing is announced
    else:
        # After the page's transaction commits: listeners index and tag what is stored.
        # A public story joined to its first part as a later part (转版) is shown
        # only inside that part now: announced alone, so search stops counting it
        # as a hit of its own at once, not when the batch of pages is sent.
        announce_changed([pk for pk in result.changed_ids if pk in hidden], alone=True)
        announce_changed([pk for pk in result.changed_ids if pk not in hidden])
    return result


_SLUG_RE = re.compile(r"[a-z0-9-]+")


def _fill_outlets(page: PageRecord, *, outlet: str) -> None:
    """A byline that names no paper, on a page whose own lines name none
    either, is the paper's that printed it (the page's outlet, else its
    publication's name, as edition_apply gave): the reporter is one row
    whether or not the page happened to name its paper."""
    if not outlet or _SLUG_RE.fullmatch(outlet):  # a paper first met as a folder's slug has no name yet
        return
    for record in page.articles:
        if any(not person.outlet for person in record.bylines):
            record.bylines = [person if person.outlet else replace(person, outlet=outlet) for person in record.bylines]


# Read for every re-imported page: compiled to SQL once per connection (articles.prepared).
_ARTICLES = Prepared(
    lambda page: Article.objects.filter(source_page=page).select_related("column")
    .prefetch_related("bylines__reporter").order_by("position", "span_start", "pk"),
    "page",
)
_TOMBSTONES = Prepared(lambda page: ArticleTombstone.objects.filter(source_page=page), "page")


def _known_reporters(names: set[str]) -> dict[tuple[str, str], Reporter]:
    """The reporters of these names by (name, outlet), and the reporters that names merged
    into another on the desk now mean (an alias): one query."""
    stored = Reporter.objects.filter(name__in=names).order_by().annotate(known_name=F("name"), known_outlet=F("outlet"))
    merged = Reporter.objects.filter(aliases__name__in=names).order_by().annotate(
        known_name=F("aliases__name"), known_outlet=F("aliases__outlet"),
    )
    found: dict[tuple[str, str], Reporter] = {}
    for reporter in stored.union(merged, all=True):
        key = reporter.known_name, reporter.known_outlet
        if key not in found or (reporter.name, reporter.outlet) == key:  # a stored row before an alias of its name
            found[key] = reporter
    return found


def _page_articles(source: SourcePage) -> list[Article]:
    articles = _ARTICLES(page=source.pk)
    for article in articles:  # as source.articles would: no query for article.source_page
        Article.source_page.field.set_cached_value(article, source)
    return articles


def _follow_edition_date(source: SourcePage, *, changed: list[int]) -> None:
    """A page given another date: its published stories are that edition's now. Every list,
    the archive and the feeds select and order by published_at, which stands for the edition's time."""
    moment = editions.publication_time(source.edition_date)
    if moment is None:  # the page lost its date: the stories keep the time they had
        return
    moved = source.articles.filter(published_at__isnull=False).exclude(published_at=moment)
    ids = list(moved.values_list("pk", flat=True))
    # update() leaves auto_now alone: updated_at is what the API's ETag and /changes read.
    Article.objects.filter(pk__in=ids).update(published_at=moment, updated_at=timezone.now())
    changed.extend(ids)


def _edition_facts(source: SourcePage) -> tuple:
    return source.issue_id, source.number, source.name, source.edition_date


# --- identity: which stored article each parsed one is ---------------------------


def _identify(
    *, page: PageRecord, old_text: str, articles: list[Article], tombstones: list[ArticleTombstone]
) -> list[Article | ArticleTombstone | None]:
    """For each parsed record, the stored article it is, the tombstone of one editors
    removed, or None for an article new to the page.

    One-to-one: the best-scoring pairs are taken first and each stored article or
    tombstone is used at most once, so two articles under one headline stay two.
    Stored articles are compared by the page text they were imported from (their
    span of the previous version), which editors' changes to the article do not touch."""
    if not articles and not tombstones:
        return [None] * len(page.articles)  # a new page: nothing to compare its records with
    new = [(r.title, shingles(page.text[r.span[0] : r.span[1]]), r.position) for r in page.articles]
    old = [(a.title, shingles(old_text[a.span_start : a.span_end]), a.position) for a in articles]
    old += [(t.title, shingles(t.source_text), t.position) for t in tombstones]
    candidates: list[Article | ArticleTombstone] = [*articles, *tombstones]
    scored = []
    for i, (title, text, position) in enumerate(new):
        for j, (old_title, old_shingles, old_position) in enumerate(old):
            score = match_score(
                title_a=title, text_a=text, position_a=position,
                title_b=old_title, text_b=old_shingles, position_b=old_position,
            )
            if score is not None:
                scored.append((-score, i, j))  # ties: earlier records, then stored articles before tombstones
    matches: list[Article | ArticleTombstone | None] = [None] * len(new)
    used: set[int] = set()
    for _, i, j in sorted(scored):
        if matches[i] is None and j not in used:
            matches[i] = candidates[j]
            used.add(j)
    return matches


def _followers(existing: list[Article]) -> tuple[list[Article], dict[int, list[Article]]]:
    """Articles made on the desk (split-off parts; no import fingerprint), grouped
    under the imported article printed before them, whose text they came from.
    The first list holds those that no imported article precedes."""
    leading: list[Article] = []
    after: dict[int, list[Article]] = {}
    anchor: Article | None = None
    for article in existing:
        if article.import_hash:
            anchor = article
        elif anchor is None:
            leading.append(article)
        else:
            after.setdefault(anchor.pk, []).append(article)
    return leading, after


def _share_span(span: tuple[int, int], old_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Divide a record's new span among the articles that shared its old one (an
    article and the parts split off it), in proportion, so they still partition it."""
    start, end = span
    old_start, old_end = old_spans[0][0], old_spans[-1][1]
    cuts = [start]
    for old_cut, _ in old_spans[1:]:
        share = (old_cut - old_start) / (old_end - old_start) if old_end > old_start else 1.0
        cuts.append(min(end, max(cuts[-1], start + round((end - start) * share))))
    cuts.append(end)
    return list(zip(cuts, cuts[1:]))


@dataclass
class _Entry:
    """One step of writing the page: an article in its final place, or a record not written."""

    article: Article | None
    span: list[int]
    record: ArticleRecord | None = None
    tombstone: ArticleTombstone | None = None
    detached: bool = False
    position: int = 0

    def apply(self, writer: _ArticleWriter) -> None:
        if self.tombstone is not None:
            writer.suppress(self.record, self.tombstone)
        elif self.record is not None:
            writer.write(self.record, self.article, position=self.position, span=tuple(self.span))
        else:
            writer.place(self.article, position=self.position, span=tuple(self.span), detached=self.detached)


def _layout(
    *, page: PageRecord, old_text: str, existing: list[Article], tombstones: list[ArticleTombstone], writer: _ArticleWriter
) -> list[_Entry]:
    """The page as it will be: records in printed order, each with the stored article
    it is and the parts split off that article; then the kept articles the page no
    longer prints, with an empty span at its end. Positions run 1..n."""
    imported = [a for a in existing if a.import_hash]
    matches = _identify(page=page, old_text=old_text, articles=imported, tombstones=tombstones)
    leading, followers = _followers(existing)
    entries = [_Entry(article=a, span=[0, 0]) for a in leading]
    for record, match in zip(page.articles, matches, strict=True):
        if isinstance(match, ArticleTombstone):
            _absorb_merged(entries, record=record, tombstone=match, old_text=old_text)
            entries.append(_Entry(article=None, span=list(record.span), record=record, tombstone=match))
            continue
        group = [match, *followers.get(match.pk, [])] if match is not None else [None]
        spans = _share_span(record.span, [(a.span_start, a.span_end) for a in group] if match else [record.span])
        entries.append(_Entry(article=match, span=list(spans[0]), record=record))
        entries.extend(_Entry(article=a, span=list(sp)) for a, sp in zip(group[1:], spans[1:]))
    matched = {m.pk for m in matches if isinstance(m, Article)}
    end = len(page.text)
    for article in imported:
        if article.pk not in matched:
            # Parts split off it go with it, even when the importer drops the article itself.
            kept = [article] if writer.retire(article) else []
            entries.extend(_Entry(article=a, span=[end, end], detached=True) for a in [*kept, *followers.get(article.pk, [])])
    position = 0
    for entry in entries:
        if entry.tombstone is None:
            position += 1
            entry.position = position
    return entries


def _absorb_merged(entries: list[_Entry], *, record: ArticleRecord, tombstone: ArticleTombstone, old_text: str) -> None:
    """A removed article whose text the article before it holds was merged into it:
    that article's span grows over the removed one's, as the merge left it."""
    # Skip records removed just before (one article may absorb several in turn).
    before = next((e for e in reversed(entries) if e.tombstone is None), None)
    if before is None or before.article is None or before.detached:
        return
    held = shingles(old_text[before.article.span_start : before.article.span_end])
    if containment(shingles(tombstone.source_text), held) >= MERGED:
        before.span[1] = record.span[1]


class _ArticleWriter:
    """Writes the articles of one page in a number of statements that does not grow
    with the page: write() and place() note what to write, flush() writes it.

    An article public before or after is saved on its own: the page cache hears of
    it through its save signals at once, not when the import's batch is announced.
    The others (drafts, taken-down ones, and new ones even when published) are
    written in bulk, without signals: readers saw none of them on a page of
    their own, and the page's announcement after the commit tells every
    listener, the page cache included (a draft 转版 part shows inside its
    public first part, whose pages are refreshed then).
    """

    def __init__(self, *, source: SourcePage, page: PageRecord, publish: bool, result: PageImportResult):
        self.source = source
        self.page = page
        self.publish = publish
        self.result = result
        # The page's reporters and columns in two queries, not one per byline and per article.
        names = {person.name for record in page.articles for person in record.bylines}
        self.reporters = _known_reporters(names)
        self.columns = {c.name: c for c in Column.objects.filter(name__in={r.column for r in page.articles if r.column})}
        named = list(Section.objects.filter(name=source.name)[:2]) if source.name else []
        self.page_section = named[0] if len(named) == 1 else None  # two of that name: the editors choose
        self.new: list[tuple[Article, ArticleRecord]] = []  # inserted by flush
        self.rewritten: list[tuple[Article, ArticleRecord]] = []  # stored articles given the record's content
        self.touched: dict[int, tuple[Article, set[str]]] = {}  # stored articles with some fields changed

    def write(self, record: ArticleRecord, article: Article | None, *, position: int, span: tuple[int, int]) -> None:
        content = record_content(record)
        new_hash = fingerprint(content)
        if article is not None:
            if article.import_hash == new_hash:
                self.place(article, position=position, span=span)
                self.result.articles_unchanged += 1
                return
            if fingerprint(article_content(article)) != article.import_hash:
                self.place(article, position=position, span=span)
                article.warnings = [*article.warnings, warning("editor_version_kept")]
                article.version += 1  # so a desk form opened before this cannot save over it
                self._touch(article, {"warnings"})
                self.result.articles_protected += 1
                return
            # A new version, so an editor who opened the old one gets a conflict
            # instead of saving over the re-import (see editorial.saving).
            article.version += 1
            self.result.articles_updated += 1
        else:
            # Filed under the section named like its page (版名 要闻: section 要闻) until an editor says otherwise.
            article = Article(source_page=self.source, status=Article.Status.IMPORTED, section=self.page_section)
            self.result.articles_created += 1
        was_public = article.is_public
        self._fill(article, record, new_hash, position=position, span=span)
        # The page, its section and the column were saved or read in this transaction:
        # checking that they exist would cost queries per article.
        article.full_clean(exclude=["source_page", "column", "section"])
        if article.pk is None:
            self.new.append((article, record))
            return
        self.result.changed_ids.append(article.pk)
        if was_public or article.is_public:
            self._columns_create()
            article.save()
            article.bylines.all().delete()
            self._reporters_create([record])
            Byline.objects.bulk_create(self._bylines(article, record))
        else:
            self.rewritten.append((article, record))

    def flush(self) -> None:
        """Write what write() and place() noted: new reporters and columns first, then the
        new articles in one INSERT, the rewritten ones in one UPDATE, their bylines in one
        DELETE and one INSERT, and the articles that only moved or were flagged.

        No save signals: the page's announcement (articles_changed, after the
        commit) is what tells search, linking, screening and the page cache."""
        written = [*self.new, *self.rewritten]
        self._columns_create()
        self._reporters_create([record for _, record in written])
        if self.new:
            Article.objects.bulk_create([article for article, _ in self.new])
            self.result.changed_ids.extend(article.pk for article, _ in self.new)
        now = timezone.now()
        if self.rewritten:
            rewritten = [article for article, _ in self.rewritten]
            for article in rewritten:
                article.updated_at = now  # bulk_update leaves auto_now alone
            Article.objects.bulk_update(rewritten, [*_FILLED, "version", "updated_at"])
            # Byline signals tell only the page cache, which the announcement tells anyway.
            Byline.objects.filter(article__in=rewritten)._raw_delete(Byline.objects.db)
        Byline.objects.bulk_create([byline for article, record in written for byline in self._bylines(article, record)])
        by_fields: dict[tuple[str, ...], list[Article]] = {}
        for article, fields in self.touched.values():
            article.updated_at = now
            by_fields.setdefault(tuple(sorted(fields)), []).append(article)
        for fields, articles in by_fields.items():
            Article.objects.bulk_update(articles, [*fields, "version", "updated_at"])
        self.new, self.rewritten, self.touched = [], [], {}

    def retire(self, article: Article) -> bool:
        """An article the new parse no longer finds: drop it unless people already rely on it.
        Returns whether it was kept."""
        pristine = fingerprint(article_content(article)) == article.import_hash
        if pristine and not article.is_public:
            token = _retiring.set(True)
            try:
                article.delete()
            finally:
                _retiring.reset(token)
            self.result.articles_removed += 1
            return False
        self.result.warnings.append(about(warning("kept_not_found"), position=article.position, title=article.title))
        return True

    def suppress(self, record: ArticleRecord, tombstone: ArticleTombstone) -> None:
        """A record editors removed before: not written; its tombstone follows the page's new text."""
        tombstone.source_text = self.page.text[record.span[0] : record.span[1]]
        tombstone.position = record.position
        tombstone.full_clean()
        tombstone.save()
        self.result.articles_suppressed += 1
        self.result.warnings.append(about(warning("suppressed"), position=record.position, title=record.title))

    def place(self, article: Article, *, position: int, span: tuple[int, int], detached: bool = False) -> None:
        fields = set()
        if (article.position, article.span_start, article.span_end) != (position, *span):
            article.position, (article.span_start, article.span_end) = position, span
            fields |= {"position", "span_start", "span_end"}
        if detached and DETACHED not in article.warnings:
            article.warnings = [*article.warnings, DETACHED]
            fields.add("warnings")
        if fields:
            article.version += 1
            self._touch(article, fields)

    def _touch(self, article: Article, fields: set[str]) -> None:
        if article.is_public:
            article.save(update_fields=[*fields, "version", "updated_at"])
        else:
            self.touched.setdefault(article.pk, (article, set()))[1].update(fields)

    def _fill(self, article: Article, record: ArticleRecord, new_hash: str, *, position: int, span: tuple[int, int]) -> None:
        article.position = position
        article.span_start, article.span_end = span
        article.column = self._column(record.column)
        article.kicker = record.kicker
        article.title = record.title
        article.subtitle = record.subtitle
        article.body = blocks_to_text(record.blocks)
        article.dateline = record.dateline
        article.dateline_date = editions.dateline_iso(record.dateline_month, record.dateline_day, self.source.edition_date)
        article.continued_from = record.continued_from
        article.continues_to = record.continues_to
        jump = jumps.expected_warning(article, before=article.warnings) if jumps.is_jump_part(record) else None
        article.warnings = [*record.warnings, jump] if jump else record.warnings
        article.import_key = import_key(record)
        article.import_hash = new_hash
        article.char_count = body_char_count(record.blocks)
        article.slug = pinyin_slug(record.title or record.body[:30])
        # A story printed in parts (转版) is published by jumps.join_issue once whole.
        if self.publish and not article.is_public and not jumps.is_jump_part(record):
            article.status = Article.Status.PUBLISHED
            article.published_at = editions.publication_time(self.source.edition_date) or timezone.now()

    def _bylines(self, article: Article, record: ArticleRecord) -> list[Byline]:
        return [
            Byline(article=article, reporter=self.reporters[person.name, person.outlet], role=person.role, position=i)
            for i, person in enumerate(record.bylines, start=1)
        ]

    def _reporters_create(self, records: list[ArticleRecord]) -> None:
        """The records' reporters not stored yet, in one INSERT (one more per outlet a new name has twice)."""
        missing = dict.fromkeys((p.name, p.outlet) for r in records for p in r.bylines if (p.name, p.outlet) not in self.reporters)
        while missing:
            batch: dict[str, str] = {}  # one of each name at a time: unique_slugs gives each text one slug
            for name, outlet in missing:
                batch.setdefault(name, outlet)
            slugs = unique_slugs(Reporter, batch)
            # Name and outlet were looked up above, the slugs just now: validation asks nothing again.
            created = [Reporter(name=name, outlet=outlet, slug=slugs[name]) for name, outlet in batch.items()]
            for reporter in created:
                reporter.full_clean(validate_unique=False, validate_constraints=False)
                del missing[reporter.name, reporter.outlet]
            for reporter in Reporter.objects.bulk_create(created):
                self.reporters[reporter.name, reporter.outlet] = reporter
            self.result.reporters_created += len(created)

    def _column(self, name: str) -> Column | None:
        """The column of that name; a new one is inserted by flush (before the articles)."""
        if not name:
            return None
        column = self.columns.get(name)
        if column is None:
            column = self.columns[name] = Column(name=name)
        return column

    def _columns_create(self) -> None:
        new = [column for column in self.columns.values() if column.pk is None]
        if not new:
            return
        slugs = unique_slugs(Column, [column.name for column in new])
        for column in new:
            column.slug = slugs[column.name]
            column.full_clean(validate_unique=False)  # its name was looked up above, its slug just now
        Column.objects.bulk_create(new)


# The fields _fill gives a stored article, which flush writes.
_FILLED = [
    "position", "span_start", "span_end", "column", "kicker", "title", "subtitle", "body", "dateline", "dateline_date",
    "continued_from", "continues_to", "warnings", "import_key", "import_hash", "char_count", "slug", "status", "published_at",
]


# --- tombstones: what editors removed stays removed ------------------------------


def on_article_deleted(sender: type[Article], instance: Article, **kwargs: object) -> None:
    """post_delete of Article. An imported article deleted by anyone but the importer
    (the admin, or a merge on the desk) leaves a tombstone on its page."""
    if instance.import_hash and not _retiring.get():
        tombstone_create(article=instance)


def tombstone_create(*, article: Article) -> ArticleTombstone:
    raw = SourcePage.objects.filter(pk=article.source_page_id).values_list("raw_text", flat=True).first() or ""
    tombstone = ArticleTombstone(
        source_page_id=article.source_page_id,
        title=article.title,
        source_text=raw[article.span_start : article.span_end],
        position=article.position,
        article_pk=article.pk,
    )
    tombstone.full_clean()
    tombstone.save()
    return tombstone

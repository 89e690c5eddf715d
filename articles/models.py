"""Newsroom data: source pages, the articles parsed from them, and who wrote them.

Models stay thin: fields, ordering, indexes, URLs. Work that takes time
(parsing, pinyin, counting) lives in articles.services and the pure helper
modules, so save() is always cheap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from text.slugs import pinyin_slug


class SectionManager(models.Manager["Section"]):
    # Natural keys let fixtures/sections.json be loaded again without duplicates.
    def get_by_natural_key(self, slug: str) -> Section:
        return self.get(slug=slug)


@functools.lru_cache(maxsize=4096)
def _reversed(viewname: str, script_prefix: str, urlconf: str, **kwargs: object) -> str:
    return reverse(viewname, urlconf=urlconf, kwargs=kwargs)


def reverse_cached(viewname: str, **kwargs: object) -> str:
    """reverse(viewname, kwargs=kwargs), remembered per script prefix (/hant/) and URL
    configuration: reverse() costs about 50 µs an address (it tries each pattern's
    regex on its result), and the same sections, reporters and printed pages are
    linked from page after page. A NoReverseMatch is raised again, never remembered."""
    return _reversed(viewname, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, **kwargs)


class Section(models.Model):
    """A part of the paper (要闻, 经济 › 财经 …), chosen by editors."""

    name = models.CharField(_("name"), max_length=50)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent section"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SectionManager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def get_absolute_url(self) -> str:
        return reverse_cached("public:section", slug=self.slug)

    def with_descendants(self, among: Iterable[Section] | None = None) -> list[Section]:
        """The section and every section below it, at any depth: one query, none when
        given every section (among), as a page that has read them for its menu is."""
        children: dict[int | None, list[Section]] = {}
        for candidate in Section.objects.all() if among is None else among:
            children.setdefault(candidate.parent_id, []).append(candidate)
        found, frontier = [self], [self]
        while frontier:
            frontier = [child for parent in frontier for child in children.get(parent.pk, [])]
            found += frontier
        return found


class Column(models.Model):
    """A recurring column banner printed above articles (栏目, e.g. 强信心·稳经济·促发展)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_cached("public:column", slug=self.slug)


class Publication(models.Model):
    """A newspaper (报名), e.g. 青岛日报: the publisher of issues."""

    name = models.CharField(_("paper name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Issue(models.Model):
    """One day's paper of one publication (期): the pages printed on an edition date."""

    publication = models.ForeignKey(Publication, verbose_name=_("publication"), on_delete=models.PROTECT, related_name="issues")
    edition_date = models.DateField(_("edition date"))

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-edition_date", "publication"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "edition_date"], name="issue_unique_publication_date"),
        ]
        indexes = [
            # The home page's issue is the newest of any publication: walked back
            # from the newest day, not every issue tested and sorted.
            models.Index(fields=["edition_date"], name="issue_edition_date"),
        ]

    def __str__(self) -> str:
        return f"{self.publication} {self.edition_date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse_cached("public:issue", publication=self.publication.slug, day=self.edition_date.isoformat())


def page_scan_path(page: SourcePage, filename: str) -> str:
    """pages/<the page file's name, suffix from the upload>: qingdao-ribao/2024-08-06/01-要闻.txt → pages/qingdao-ribao/2024-08-06/01-要闻.jpg."""
    return str(PurePosixPath("pages", page.file_name).with_suffix(PurePosixPath(filename).suffix.lower()))


class SourcePage(models.Model):
    """One printed page (版) of an issue, kept verbatim as imported so every article can be traced back.

    ``issue``, ``number`` (版次) and ``name`` (版名) come from
    articles.services.editions; a page imported without edition facts has none.
    """

    file_name = models.CharField(_("file name"), max_length=255, unique=True)
    # Indexed: the importer looks a new file up by it, so the same page under another name is not imported twice.
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    raw_text = models.TextField(_("source text"))
    encoding = models.CharField(_("encoding"), max_length=32, default="utf-8")
    outlet = models.CharField(_("outlet"), max_length=100, blank=True)
    edition_date = models.DateField(_("edition date"), null=True, blank=True)
    page_label = models.CharField(_("page label"), max_length=50, blank=True)  # as printed or derived: 第一版, A01
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), null=True, blank=True, on_delete=models.PROTECT, related_name="pages"
    )
    number = models.PositiveSmallIntegerField(_("page number"), null=True, blank=True)
    name = models.CharField(_("page name"), max_length=50, blank=True)
    # The printed page as a picture and as a PDF, imported from NN.jpg/NN.png and
    # NN.pdf next to NN.txt (articles.services.scans); the e-paper shows them.
    image = models.FileField(_("page image"), upload_to=page_scan_path, blank=True)
    pdf = models.FileField(_("page PDF"), upload_to=page_scan_path, blank=True)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    parse_warnings = models.JSONField(_("parse warnings"), default=list, blank=True)
    # The page's staff lines as printed (本版编辑：某某  美编：某某, 本版摄影 某某), one a line:
    # read from the page text on every import, like the text itself.
    credits = models.TextField(_("page credits"), blank=True)

    class Meta:
        verbose_name = _("source page")
        verbose_name_plural = _("source pages")
        ordering = ["file_name"]
        constraints = [
            # One file per printed page of an issue.
            models.UniqueConstraint(
                fields=["issue", "number"], name="sourcepage_unique_issue_number",
                condition=models.Q(issue__isnull=False, number__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.file_name

    @property
    def number_label(self) -> str:
        """版次 as the e-paper shows and addresses it: 第02版's "02"."""
        return f"{self.number:02d}" if self.number else ""

    def get_absolute_url(self) -> str:
        """The page in its issue (/qingdao-ribao/2024-08-06/02/), else by id; load issue__publication with it."""
        if self.issue_id is not None and self.number:
            issue = self.issue
            return reverse_cached("public:edition_page", publication=issue.publication.slug,
                                  day=issue.edition_date.isoformat(), number=self.number_label)
        return reverse_cached("public:source_page", ref=self.pk)


class ReporterQuerySet(models.QuerySet["Reporter"]):
    def namesakes(self) -> ReporterQuerySet:
        """Reporters whose name another reporter has too: two people, or one person
        whose bylines named the paper on one page and not on another (editors merge those)."""
        shared = Reporter.objects.values("name").annotate(rows=models.Count("pk")).filter(rows__gt=1).values("name")
        return self.filter(name__in=shared)

    def merged_into(self, slug: str) -> Reporter | None:
        """The reporter that a merged reporter's old slug now belongs to (its address redirects)."""
        return self.filter(aliases__slug=slug).first()


class Reporter(models.Model):
    """A person named in bylines. The same name at two outlets is two people."""

    name = models.CharField(_("full name"), max_length=50)
    outlet = models.CharField(_("outlet"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    # The desk account of this person, so a reporter can edit their own drafts.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user account"), null=True, blank=True, on_delete=models.SET_NULL, related_name="reporter"
    )

    objects = ReporterQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")
        ordering = ["name", "outlet"]
        constraints = [
            models.UniqueConstraint(fields=["name", "outlet"], name="reporter_unique_name_outlet"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.outlet}）" if self.outlet else self.name

    def get_absolute_url(self) -> str:
        return reverse_cached("public:reporter", slug=self.slug)


class ReporterAlias(models.Model):
    """A name, outlet and address a reporter had before editors merged it into another:
    a later import credits that byline to the merged reporter, and the old address redirects."""

    reporter = models.ForeignKey(Reporter, verbose_name=_("reporter"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("full name"), max_length=50)
    outlet = models.CharField(_("outlet"), max_length=100, blank=True)
    slug = models.SlugField(_("old slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("merged reporter")
        verbose_name_plural = _("merged reporters")
        # Looked up by name on every import. Not unique: a name merged twice keeps both old
        # addresses, and a merge points every alias of its names at the reporter it keeps.
        indexes = [models.Index(fields=["name", "outlet"], name="reporteralias_name_outlet")]

    def __str__(self) -> str:
        return f"{self.name}（{self.outlet}） → {self.reporter}" if self.outlet else f"{self.name} → {self.reporter}"


class ArticleQuerySet(models.QuerySet["Article"]):
    """The reads every layer repeats, by name: Article.objects.published().in_section(s).newest_first()."""

    def published(self) -> ArticleQuerySet:
        """What readers may see: published articles, corrected ones included;
        the later part of a story continued from another page (转版) is shown
        only inside the first part, never as a story of its own."""
        return self.filter(Article.published_q())

    def in_section(self, section: Section) -> ArticleQuerySet:
        """Filed under the section or any section below it."""
        return self.filter(section__in=section.with_descendants())

    def in_column(self, column: Column) -> ArticleQuerySet:
        return self.filter(column=column)

    def by_reporter(self, reporter: Reporter) -> ArticleQuerySet:
        """Bylined by the reporter (once each, however many bylines they have)."""
        return self.filter(bylines__reporter=reporter).distinct()

    def tagged(self, tag) -> ArticleQuerySet:
        return self.filter(tags=tag)

    def on_page(self, source_page: SourcePage) -> ArticleQuerySet:
        """The articles of one printed page, in printed order."""
        return self.filter(source_page=source_page).order_by("position")

    def published_between(self, start: date, end: date) -> ArticleQuerySet:
        """Published on local days start <= day < end."""
        tz = timezone.get_current_timezone()
        since = timezone.make_aware(datetime.combine(start, time.min), tz)
        until = timezone.make_aware(datetime.combine(end, time.min), tz)
        return self.filter(published_at__gte=since, published_at__lt=until)

    def newest_first(self) -> ArticleQuerySet:
        # The stories of one edition share its time: among them, the order they
        # were imported in, which is the printed order (版 by 版, lead first).
        return self.order_by("-published_at", "pk")

    def for_listing(self) -> ArticleQuerySet:
        """With what an article list shows: column, bylines and the edition's date (two extra queries)."""
        # Only the column is joined: with a second LEFT JOIN SQLite's planner
        # stops walking the (status, published_at) index and sorts every row.
        return self.select_related("column").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("reporter")),
            # The edition's date is the date shown and linked (Article.url_date).
            models.Prefetch("source_page", queryset=SourcePage.objects.only("pk", "edition_date")),
        )


# ISO date, or ISO 8601 "--MM-DD" when the page does not give the year.
_dateline_date_validator = RegexValidator(
    r"^(\d{4}|-)-\d{2}-\d{2}$", _("Enter YYYY-MM-DD or --MM-DD.")
)


def _zone_validator(value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or set(value) != {"x", "y", "w", "h"}:
        raise ValidationError(_("A zone is a box {x, y, w, h}."))
    if not all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in value.values()):
        raise ValidationError(_("A zone's x, y, w and h are fractions of the page, from 0 to 1."))
    if value["x"] + value["w"] > 1 or value["y"] + value["h"] > 1:
        raise ValidationError(_("The zone runs off the page."))


_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what the address's <slug:slug> takes
_DETAIL_TAIL = "2000/01/02/3-slug/"


@functools.lru_cache(maxsize=32)
def _detail_prefix(script_prefix: str, urlconf: str) -> str | None:
    """What every article address starts with, under this script prefix (/hant/) and URL
    configuration; None if it does not end in year/month/day/pk-slug/.

    A page lists dozens of articles, and reverse() costs about 50 µs an address
    (it tries each pattern's regex on its result), a tenth of a listing's time;
    reversed once, an address is a string's concatenation.
    """
    address = reverse("public:detail", kwargs={"year": "2000", "month": "01", "day": "02", "pk": 3, "slug": "slug"})
    return address.removesuffix(_DETAIL_TAIL) if address.endswith(_DETAIL_TAIL) else None


class Article(models.Model):
    """One article found on a source page; editors may change it after import."""

    class Status(models.TextChoices):
        # The life of a story; the legal moves between these live in
        # editorial.services (one function per transition).
        IMPORTED = "imported", _("Imported, awaiting review")
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        SPIKED = "spiked", _("Spiked")
        CORRECTED = "corrected", _("Corrected")

    # Published, and published with a correction note: the only states readers see.
    # Read it through Article.objects.published(), published_q() or is_public.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CORRECTED)

    # Provenance: where on which page the parser found it.
    source_page = models.ForeignKey(
        SourcePage, verbose_name=_("source page"), on_delete=models.PROTECT, related_name="articles"
    )
    position = models.PositiveIntegerField(_("position on the page"))
    span_start = models.PositiveIntegerField(_("span start"))
    span_end = models.PositiveIntegerField(_("span end"))

    # Headline stack as printed: column banner, kicker (引题), title (主题), subtitle (副题).
    column = models.ForeignKey(
        Column, verbose_name=_("column"), null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    kicker = models.CharField(_("kicker"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)  # photo news may print no headline
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    body = models.TextField(_("body"), blank=True)  # format: text.bodytext
    dateline = models.CharField(_("dateline"), max_length=100, blank=True)
    dateline_date = models.CharField(
        _("dateline date"), max_length=10, blank=True, validators=[_dateline_date_validator]
    )
    # Where it is printed on its page's image, in fractions of the page:
    # {"x", "y", "w", "h"} from the top left corner; None when not marked.
    zone = models.JSONField(_("zone on the page"), null=True, blank=True, validators=[_zone_validator])
    # Found by the importer in the page PDF (articles.services.zones), which finds it again
    # when the PDF changes; False for a zone an editor drew or corrected, never redone.
    zone_from_pdf = models.BooleanField(_("zone found in the PDF"), default=False, editable=False)
    continued_from = models.CharField(_("continued from"), max_length=50, blank=True)
    continues_to = models.CharField(_("continues to"), max_length=50, blank=True)
    # 转版: the later part of a story printed on two pages points at the part
    # it continues (articles.services.jumps). Readers see one article, the
    # first part, with both bodies; the later part is never listed on its own.
    continuation_of = models.ForeignKey(
        "self", verbose_name=_("continuation of"), null=True, blank=True, on_delete=models.SET_NULL, related_name="continuations",
        db_index=False,  # indexed where set only: see Meta.indexes
    )

    section = models.ForeignKey(
        Section, verbose_name=_("section"), null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    tags = TaggableManager(_("tags"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    correction = models.TextField(_("correction"), blank=True)  # shown to readers on a corrected article
    # Optimistic locking: every editorial save bumps it, and a save made from
    # an older version is refused instead of overwriting the newer one.
    version = models.PositiveIntegerField(_("version"), default=1)

    slug = models.SlugField(_("slug"), max_length=80, blank=True)  # filled by services / clean()
    char_count = models.PositiveIntegerField(_("character count"), default=0)
    warnings = models.JSONField(_("import warnings"), default=list, blank=True)

    # Re-import bookkeeping (articles.services.importing): import_key is a
    # readable label of the parsed article (headline, or opening of untitled
    # photo news); identity across re-imports is decided by content and place,
    # not by it. import_hash is the fingerprint of what the importer last wrote,
    # so an article whose content no longer matches it has been edited by a
    # person and is not overwritten; it is empty for articles made on the desk.
    import_key = models.CharField(_("import key"), max_length=255, blank=True)
    import_hash = models.CharField(_("import fingerprint"), max_length=64, blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-created_at", "position"]
        indexes = [
            # The public site lists published articles newest first.
            models.Index(fields=["status", "published_at"], name="article_status_published"),
            # Section pages and the home page's per-section lists: newest first within one section.
            models.Index(fields=["section", "status", "published_at"], name="article_section_status_pub"),
            # The same two for what readers see (published() says continuation_of IS NULL):
            # with that column in no index, counting a section's or the archive's public
            # articles for a listing's page count read every row (50 ms for a section of
            # 10,000 on SQLite); these answer it from the index alone. The section's carries
            # the id too, so a section page's newest ids are read from it alone: PostgreSQL,
            # seeing rows of a section scattered over the table, walked the status index
            # instead, reading every section's rows (20 ms for a section's 50th page).
            models.Index(fields=["status", "published_at"], name="article_public_status_pub",
                         condition=models.Q(continuation_of__isnull=True)),
            models.Index(fields=["section", "status", "published_at", "id"], name="article_public_section_pub_id",
                         condition=models.Q(continuation_of__isnull=True)),
            # The API's ETag (the newest change), and its changes since a time.
            models.Index(fields=["updated_at"], name="article_updated_at"),
            # A story's later parts (转版), found from its first part. Only the few
            # parts that are set are indexed: with every row in it, SQLite (without
            # ANALYZE) answered published()'s "continuation_of IS NULL" from this
            # index, reading nearly every article and sorting them, instead of
            # walking the index of the list's order (60 ms instead of 1 at 100,000).
            models.Index(fields=["continuation_of"], name="article_continuation_of",
                         condition=models.Q(continuation_of__isnull=False)),
        ]
        permissions = [
            ("submit_article", "可以提交稿件审核"),
            ("review_article", "可以审核稿件（退回或通过）"),
            ("publish_article", "可以发布、定时发布、撤稿和更正稿件"),
            ("spike_article", "可以枪毙稿件"),
        ]

    def __str__(self) -> str:
        return self.display_title

    @staticmethod
    def published_q(prefix: str = "") -> models.Q:
        """The readers' filter, also across a relation: published_q("target") for target__status.
        A later part of a story printed in two (转版) is read inside its first part, never alone."""
        field = f"{prefix}__" if prefix else ""
        return models.Q(**{f"{field}status__in": Article.PUBLIC_STATUSES, f"{field}continuation_of__isnull": True})

    @property
    def is_public(self) -> bool:
        """Readers can see it (published or corrected)."""
        return self.status in self.PUBLIC_STATUSES

    @property
    def display_title(self) -> str:
        """The headline, or for untitled photo news the opening of its text."""
        if self.title:
            return self.title
        opening = self.body.lstrip("■# ").split("\n", 1)[0]
        return opening[:30] or (_("article %(id)s") % {"id": self.pk or ""}).strip()

    @property
    def edition_date(self) -> date | None:
        """The date of the issue it is printed in, when its page is loaded and has one.

        The edition's date is what readers are told, whatever published_at says
        (an editor may have set it by hand). Where the page is not loaded,
        published_at stands in: the importer and the desk publish an edition's
        articles at its time (articles.services.editions.publication_time), so
        lists load the page's date with their articles (for_listing) only to be sure.
        """
        if not Article._meta.get_field("source_page").is_cached(self):
            return None
        return self.source_page.edition_date

    @property
    def published_on(self) -> datetime | None:
        """When readers are told it was published: its edition's time, else published_at."""
        from articles.services.editions import publication_time  # services import models

        return publication_time(self.edition_date) or self.published_at

    @property
    def url_date(self) -> date:
        """The date readers see and the URL carries: the edition's date, else the local
        publishing date, else the local creation date."""
        if self.edition_date is not None:
            return self.edition_date
        moment = self.published_at or self.created_at or timezone.now()
        return timezone.localdate(moment)

    @property
    def parts(self) -> list[Article]:
        """This article and the parts continued on later pages (转版), in printed order."""
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        if self.pk is None or not (self.continues_to or "continuations" in prefetched):
            return [self]  # only a part that jumps (下转) has continuations: no query
        rows = prefetched["continuations"] if "continuations" in prefetched else (
            self.continuations.select_related("source_page__issue__publication")
            .defer("source_page__raw_text", "source_page__parse_warnings")
        )
        later = sorted(
            rows,
            key=lambda a: (a.source_page.number or 0, a.source_page.page_label, a.position),
        )
        return [self, *later]

    @property
    def full_body(self) -> str:
        """The body readers see: this part's, then each continuation's (format: text.bodytext)."""
        return "\n\n".join(part.body for part in self.parts if part.body)

    def get_absolute_url(self) -> str:
        day = self.url_date
        parts = {"year": f"{day.year:04d}", "month": f"{day.month:02d}", "day": f"{day.day:02d}",
                 "pk": self.pk, "slug": self.slug or "article"}
        prefix = _detail_prefix(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        if prefix is None or self.pk is None or not _SLUG.fullmatch(parts["slug"]):
            return reverse("public:detail", kwargs=parts)  # NoReverseMatch for what no address takes
        return prefix + "{year}/{month}/{day}/{pk}-{slug}/".format(**parts)

    def clean(self) -> None:
        # Cheap enough for forms; the importer sets slug itself.
        if not self.slug:
            self.slug = pinyin_slug(self.title or self.body[:30])


class ArticleTombstone(models.Model):
    """An imported article that editors deleted or merged into another: what it was
    printed as, so a re-import of its page recognises it and does not bring it back."""

    source_page = models.ForeignKey(
        SourcePage, verbose_name=_("source page"), on_delete=models.CASCADE, related_name="tombstones"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    # The page text it was imported from; kept current as later versions of the page are imported.
    source_text = models.TextField(_("source text"), blank=True)
    position = models.PositiveIntegerField(_("position on the page"))
    # The deleted article's id (no foreign key: the row is gone), so clients
    # that had it are told it is removed (api: changes since a time).
    article_pk = models.PositiveBigIntegerField(_("article id"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("deleted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deleted imported article")
        verbose_name_plural = _("deleted imported articles")
        ordering = ["source_page", "position"]

    def __str__(self) -> str:
        return self.title or self.source_text[:30]


class Byline(models.Model):
    """A reporter's credit on an article, in printed order."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="bylines")
    reporter = models.ForeignKey(Reporter, verbose_name=_("reporter"), on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField(_("role"), max_length=20, blank=True, default="记者")  # 记者, 通讯员, 实习生, 摄影 …
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="byline_unique_article_position"),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.reporter.name}".strip()

"""Newsroom data: source pages, the articles parsed from them, and who wrote them.

Models stay thin: fields, ordering, indexes, URLs. Work that takes time
(parsing, pinyin, counting) lives in articles.services and the pure helper
modules, so save() is always cheap.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from text.slugs import pinyin_slug


class SectionManager(models.Manager["Section"]):
    # Natural keys let fixtures/sections.json be loaded again without duplicates.
    def get_by_natural_key(self, slug: str) -> Section:
        return self.get(slug=slug)


class Section(models.Model):
    """A part of the paper (要闻, 经济 › 财经 …), chosen by editors."""

    name = models.CharField("名称", max_length=50)
    slug = models.SlugField("别名", max_length=60, unique=True)
    parent = models.ForeignKey(
        "self", verbose_name="上级栏目", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField("排序", default=0)

    objects = SectionManager()

    class Meta:
        verbose_name = "版块"
        verbose_name_plural = "版块"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def get_absolute_url(self) -> str:
        return reverse("public:section", kwargs={"slug": self.slug})

    def with_descendants(self) -> list[Section]:
        """The section and every section below it, at any depth (one query)."""
        children: dict[int | None, list[Section]] = {}
        for candidate in Section.objects.all():
            children.setdefault(candidate.parent_id, []).append(candidate)
        found, frontier = [self], [self]
        while frontier:
            frontier = [child for parent in frontier for child in children.get(parent.pk, [])]
            found += frontier
        return found


class Column(models.Model):
    """A recurring column banner printed above articles (栏目, e.g. 强信心·稳经济·促发展)."""

    name = models.CharField("名称", max_length=100, unique=True)
    slug = models.SlugField("别名", max_length=80, unique=True)

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:column", kwargs={"slug": self.slug})


class Publication(models.Model):
    """A newspaper (报名), e.g. 青岛日报: the publisher of issues."""

    name = models.CharField("报名", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=50, blank=True)
    slug = models.SlugField("别名", max_length=80, unique=True)

    class Meta:
        verbose_name = "报纸"
        verbose_name_plural = "报纸"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Issue(models.Model):
    """One day's paper of one publication (期): the pages printed on an edition date."""

    publication = models.ForeignKey(Publication, verbose_name="报纸", on_delete=models.PROTECT, related_name="issues")
    edition_date = models.DateField("出版日期")

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "期"
        ordering = ["-edition_date", "publication"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "edition_date"], name="issue_unique_publication_date"),
        ]

    def __str__(self) -> str:
        return f"{self.publication} {self.edition_date:%Y-%m-%d}"


class SourcePage(models.Model):
    """One printed page (版) of an issue, kept verbatim as imported so every article can be traced back.

    ``issue``, ``number`` (版次) and ``name`` (版名) come from
    articles.services.editions; a page imported without edition facts has none.
    """

    file_name = models.CharField("文件名", max_length=255, unique=True)
    # Indexed: the importer looks a new file up by it, so the same page under another name is not imported twice.
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    raw_text = models.TextField("原文")
    encoding = models.CharField("编码", max_length=32, default="utf-8")
    outlet = models.CharField("媒体", max_length=100, blank=True)
    edition_date = models.DateField("出版日期", null=True, blank=True)
    page_label = models.CharField("版次", max_length=50, blank=True)  # as printed or derived: 第一版, A01
    issue = models.ForeignKey(
        Issue, verbose_name="期", null=True, blank=True, on_delete=models.PROTECT, related_name="pages"
    )
    number = models.PositiveSmallIntegerField("版次号", null=True, blank=True)
    name = models.CharField("版名", max_length=50, blank=True)
    imported_at = models.DateTimeField("导入时间", default=timezone.now)
    parse_warnings = models.JSONField("解析警告", default=list, blank=True)

    class Meta:
        verbose_name = "原始版面"
        verbose_name_plural = "原始版面"
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

    def get_absolute_url(self) -> str:
        return reverse("public:source_page", kwargs={"ref": self.pk})


class Reporter(models.Model):
    """A person named in bylines. The same name at two outlets is two people."""

    name = models.CharField("姓名", max_length=50)
    outlet = models.CharField("媒体", max_length=100, blank=True)
    slug = models.SlugField("别名", max_length=80, unique=True)
    # The desk account of this person, so a reporter can edit their own drafts.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="账号", null=True, blank=True, on_delete=models.SET_NULL, related_name="reporter"
    )

    class Meta:
        verbose_name = "记者"
        verbose_name_plural = "记者"
        ordering = ["name", "outlet"]
        constraints = [
            models.UniqueConstraint(fields=["name", "outlet"], name="reporter_unique_name_outlet"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.outlet}）" if self.outlet else self.name

    def get_absolute_url(self) -> str:
        return reverse("public:reporter", kwargs={"slug": self.slug})


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
        return self.order_by("-published_at", "-pk")

    def for_listing(self) -> ArticleQuerySet:
        """With what an article list shows: column and bylines (one extra query)."""
        # Only the column is joined: with a second LEFT JOIN SQLite's planner
        # stops walking the (status, published_at) index and sorts every row.
        return self.select_related("column").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("reporter"))
        )


# ISO date, or ISO 8601 "--MM-DD" when the page does not give the year.
_dateline_date_validator = RegexValidator(
    r"^(\d{4}|-)-\d{2}-\d{2}$", "请填写 YYYY-MM-DD 或 --MM-DD。"
)


class Article(models.Model):
    """One article found on a source page; editors may change it after import."""

    class Status(models.TextChoices):
        # The life of a story; the legal moves between these live in
        # editorial.services (one function per transition).
        IMPORTED = "imported", "待审核（导入）"
        DRAFT = "draft", "草稿"
        IN_REVIEW = "in_review", "审核中"
        APPROVED = "approved", "已通过"
        SCHEDULED = "scheduled", "定时发布"
        PUBLISHED = "published", "已发布"
        UNPUBLISHED = "unpublished", "已撤稿"
        SPIKED = "spiked", "已枪毙"
        CORRECTED = "corrected", "已更正"

    # Published, and published with a correction note: the only states readers see.
    # Read it through Article.objects.published(), published_q() or is_public.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CORRECTED)

    # Provenance: where on which page the parser found it.
    source_page = models.ForeignKey(
        SourcePage, verbose_name="原始版面", on_delete=models.PROTECT, related_name="articles"
    )
    position = models.PositiveIntegerField("版面顺序")
    span_start = models.PositiveIntegerField("起始位置")
    span_end = models.PositiveIntegerField("结束位置")

    # Headline stack as printed: column banner, kicker (引题), title (主题), subtitle (副题).
    column = models.ForeignKey(
        Column, verbose_name="栏目", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    kicker = models.CharField("引题", max_length=200, blank=True)
    title = models.CharField("主题", max_length=200, blank=True)  # photo news may print no headline
    subtitle = models.CharField("副题", max_length=300, blank=True)
    body = models.TextField("正文", blank=True)  # format: text.bodytext
    dateline = models.CharField("电头", max_length=100, blank=True)
    dateline_date = models.CharField(
        "电头日期", max_length=10, blank=True, validators=[_dateline_date_validator]
    )
    continued_from = models.CharField("上接", max_length=50, blank=True)
    continues_to = models.CharField("下转", max_length=50, blank=True)
    # 转版: the later part of a story printed on two pages points at the part
    # it continues (articles.services.jumps). Readers see one article, the
    # first part, with both bodies; the later part is never listed on its own.
    continuation_of = models.ForeignKey(
        "self", verbose_name="转版接续", null=True, blank=True, on_delete=models.SET_NULL, related_name="continuations",
        db_index=False,  # indexed where set only: see Meta.indexes
    )

    section = models.ForeignKey(
        Section, verbose_name="版块", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    tags = TaggableManager("标签", blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    scheduled_at = models.DateTimeField("定时发布时间", null=True, blank=True)
    correction = models.TextField("更正说明", blank=True)  # shown to readers on a corrected article
    # Optimistic locking: every editorial save bumps it, and a save made from
    # an older version is refused instead of overwriting the newer one.
    version = models.PositiveIntegerField("版本", default=1)

    slug = models.SlugField("别名", max_length=80, blank=True)  # filled by services / clean()
    char_count = models.PositiveIntegerField("字数", default=0)
    warnings = models.JSONField("导入警告", default=list, blank=True)

    # Re-import bookkeeping (articles.services.importing): import_key is a
    # readable label of the parsed article (headline, or opening of untitled
    # photo news); identity across re-imports is decided by content and place,
    # not by it. import_hash is the fingerprint of what the importer last wrote,
    # so an article whose content no longer matches it has been edited by a
    # person and is not overwritten; it is empty for articles made on the desk.
    import_key = models.CharField("导入键", max_length=255, blank=True)
    import_hash = models.CharField("导入指纹", max_length=64, blank=True)

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        ordering = ["-created_at", "position"]
        indexes = [
            # The public site lists published articles newest first.
            models.Index(fields=["status", "published_at"], name="article_status_published"),
            # Section pages and the home page's per-section lists: newest first within one section.
            models.Index(fields=["section", "status", "published_at"], name="article_section_status_pub"),
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
        return opening[:30] or f"稿件 {self.pk or ''}".strip()

    @property
    def url_date(self) -> date:
        """Date in the URL: local publishing date, else local creation date. An
        article of a dated issue is published at its edition's time
        (articles.services.editions.publication_time), so this is the edition date."""
        moment = self.published_at or self.created_at or timezone.now()
        return timezone.localdate(moment)

    @property
    def parts(self) -> list[Article]:
        """This article and the parts continued on later pages (转版), in printed order."""
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        if self.pk is None or not (self.continues_to or "continuations" in prefetched):
            return [self]  # only a part that jumps (下转) has continuations: no query
        rows = prefetched["continuations"] if "continuations" in prefetched else (
            self.continuations.select_related("source_page").defer("source_page__raw_text", "source_page__parse_warnings")
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
        return reverse(
            "public:detail",
            kwargs={
                "year": f"{day.year:04d}",
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "pk": self.pk,
                "slug": self.slug or "article",
            },
        )

    def clean(self) -> None:
        # Cheap enough for forms; the importer sets slug itself.
        if not self.slug:
            self.slug = pinyin_slug(self.title or self.body[:30])


class ArticleTombstone(models.Model):
    """An imported article that editors deleted or merged into another: what it was
    printed as, so a re-import of its page recognises it and does not bring it back."""

    source_page = models.ForeignKey(
        SourcePage, verbose_name="原始版面", on_delete=models.CASCADE, related_name="tombstones"
    )
    title = models.CharField("主题", max_length=200, blank=True)
    # The page text it was imported from; kept current as later versions of the page are imported.
    source_text = models.TextField("原文", blank=True)
    position = models.PositiveIntegerField("版面顺序")
    # The deleted article's id (no foreign key: the row is gone), so clients
    # that had it are told it is removed (api: changes since a time).
    article_pk = models.PositiveBigIntegerField("稿件编号", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("删除时间", auto_now_add=True)

    class Meta:
        verbose_name = "已删除的导入稿件"
        verbose_name_plural = "已删除的导入稿件"
        ordering = ["source_page", "position"]

    def __str__(self) -> str:
        return self.title or self.source_text[:30]


class Byline(models.Model):
    """A reporter's credit on an article, in printed order."""

    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="bylines")
    reporter = models.ForeignKey(Reporter, verbose_name="记者", on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField("身份", max_length=20, blank=True, default="记者")  # 记者, 通讯员, 实习生, 摄影 …
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "署名"
        verbose_name_plural = "署名"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="byline_unique_article_position"),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.reporter.name}".strip()

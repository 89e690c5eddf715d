"""The editors' desk. List pages join or prefetch what they show so that the
number of queries does not grow with the number of rows."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from articles.models import Article, Byline, Column, Reporter, Section, SourcePage


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "position"]
    list_editable = ["position"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]


@admin.register(Column)
class ColumnAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_total"]
    search_fields = ["name", "slug"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Column]:
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="稿件数", ordering="article_total")
    def article_total(self, obj: Column) -> int:
        return obj.article_total


@admin.register(SourcePage)
class SourcePageAdmin(admin.ModelAdmin):
    list_display = ["file_name", "outlet", "edition_date", "page_label", "encoding", "article_total", "imported_at"]
    list_filter = ["outlet", "edition_date", "encoding"]
    search_fields = ["file_name", "outlet", "page_label"]
    date_hierarchy = "imported_at"
    # A source page is evidence of what was printed: editors read it, the importer writes it.
    readonly_fields = [
        "file_name", "sha256", "encoding", "outlet", "edition_date", "page_label", "imported_at", "parse_warnings", "raw_text",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[SourcePage]:
        # defer: raw_text is large and the list never shows it.
        return super().get_queryset(request).defer("raw_text").annotate(article_total=Count("articles"))

    @admin.display(description="稿件数", ordering="article_total")
    def article_total(self, obj: SourcePage) -> int:
        return obj.article_total


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet", "slug", "byline_total"]
    list_filter = ["outlet"]
    search_fields = ["name", "outlet", "slug"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Reporter]:
        return super().get_queryset(request).annotate(byline_total=Count("bylines"))

    @admin.display(description="署名数", ordering="byline_total")
    def byline_total(self, obj: Reporter) -> int:
        return obj.byline_total


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["reporter"]  # a select of every reporter would grow without bound
    ordering = ["position"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "column", "section", "status", "published_at", "char_count", "source_page", "position"]
    list_filter = ["status", "section", "column", "source_page"]
    list_select_related = ["column", "section", "source_page"]
    search_fields = ["title", "kicker", "subtitle", "body", "bylines__reporter__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["column"]
    inlines = [BylineInline]
    readonly_fields = [
        "source_page", "position", "span_start", "span_end", "import_key", "import_hash", "warnings",
        "char_count", "created_at", "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["column", "kicker", "title", "subtitle", "dateline", "dateline_date", "body"]}),
        ("版面接续", {"fields": ["continued_from", "continues_to"]}),
        ("发布", {"fields": ["status", "published_at", "section", "tags", "slug"]}),
        (
            "来源",
            {
                "classes": ["collapse"],
                "fields": [
                    "source_page", "position", "span_start", "span_end", "char_count", "warnings",
                    "import_key", "import_hash", "created_at", "updated_at",
                ],
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # source_page.raw_text is the whole page; the list only needs its name.
        return super().get_queryset(request).defer("source_page__raw_text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Articles come from imported pages (source_page is required and read-only here).
        return False

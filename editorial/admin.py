"""The editors' desk. List and change pages join or prefetch what they show so
that the number of queries does not grow with the number of rows, bylines or tags.

Article changes go through editorial.services: workflow moves are actions (and
buttons on the review page), a saved form is refused when someone else saved
the article since it was opened (optimistic locking), and every save leaves a
django-reversion revision that the desk's history page can diff and restore.
"""

from __future__ import annotations

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from taggit.models import Tag

from articles.models import Article, Byline, Column, Issue, Publication, Reporter, ReporterAlias, Section, SourcePage
from articles.services.reporters import reporters_merge
from articles.warnings import warnings_text
from editorial import services
from editorial.errors import EditConflict, WorkflowError
from editorial.levels import levels_for
from editorial.models import Note, ProofMark, SignOff, Transition
from editorial.rules import can_edit, pending_level
from editorial.saving import conflict, ensure_baseline
from editorial.widgets import KnownChoicesAutocompleteSelect
from editorial.workflow import APPROVE
from linking.admin import RelatedLinkInline
from screening.admin import ScreeningFilter
from search.selectors import search_filter


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

    @admin.display(description=_("Article count"), ordering="article_total")
    def article_total(self, obj: Column) -> int:
        return obj.article_total


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name", "short_name", "slug"]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["publication", "edition_date"]
    list_filter = ["publication"]
    date_hierarchy = "edition_date"
    list_select_related = ["publication"]


@admin.register(SourcePage)
class SourcePageAdmin(admin.ModelAdmin):
    list_display = ["file_name", "issue", "number", "name", "outlet", "page_label", "encoding", "article_total", "imported_at"]
    list_filter = ["issue__publication", "edition_date", "encoding"]
    list_select_related = ["issue__publication"]
    search_fields = ["file_name", "outlet", "page_label"]
    date_hierarchy = "imported_at"
    # A source page is evidence of what was printed: editors read it, the importer writes it.
    readonly_fields = [
        "file_name", "sha256", "encoding", "outlet", "issue", "edition_date", "number", "page_label", "name",
        "credits", "imported_at", "parse_warning_lines", "raw_text",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[SourcePage]:
        # defer: raw_text is large and the list never shows it.
        return super().get_queryset(request).defer("raw_text").annotate(article_total=Count("articles"))

    @admin.display(description=_("Article count"), ordering="article_total")
    def article_total(self, obj: SourcePage) -> int:
        return obj.article_total

    @admin.display(description=SourcePage._meta.get_field("parse_warnings").verbose_name)
    def parse_warning_lines(self, obj: SourcePage) -> str:
        return "\n".join(warnings_text(obj.parse_warnings))  # one a line, in the desk's language


class ReporterActionForm(ActionForm):
    account = forms.ModelChoiceField(
        get_user_model().objects.filter(is_staff=True, is_active=True), label=_("Desk account"), required=False,
    )


class NamesakeFilter(admin.SimpleListFilter):
    """Where a merge is likely wanted: the same name on more than one reporter."""

    title = _("name")
    parameter_name = "namesakes"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", _("Shared with another reporter"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Reporter]) -> QuerySet[Reporter]:
        return queryset.namesakes() if self.value() == "yes" else queryset


class ReporterAliasInline(admin.TabularInline):
    """The names merged into this reporter: what later imports of them are credited to."""

    model = ReporterAlias
    extra = 0
    fields = ["name", "outlet", "slug"]


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet", "slug", "user", "byline_total"]
    list_filter = [NamesakeFilter, "outlet"]
    list_select_related = ["user"]
    search_fields = ["name", "outlet", "slug", "aliases__name"]
    action_form = ReporterActionForm
    actions = ["link_account", "merge_into_most_credited"]
    inlines = [ReporterAliasInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Reporter]:
        return super().get_queryset(request).annotate(byline_total=Count("bylines"))

    @admin.action(description=_("Link to the desk account chosen above"), permissions=["change"])
    def link_account(self, request: HttpRequest, queryset: QuerySet[Reporter]) -> None:
        """One step from a desk account to 我的稿件: the reporter's bylines become the account's stories."""
        account = get_user_model().objects.filter(pk=request.POST.get("account") or None).first()
        try:
            reporter = services.reporter_link_account(reporters=list(queryset), account=account, user=request.user)
        except WorkflowError as exc:
            self.message_user(request, exc.message, messages.ERROR)
        else:
            self.message_user(request, gettext("%(reporter)s is linked to the desk account %(account)s.") % {
                "reporter": reporter, "account": account,
            })

    @admin.action(description=_("Merge into the most credited of them"), permissions=["change", "delete"])
    def merge_into_most_credited(self, request: HttpRequest, queryset: QuerySet[Reporter]) -> None:
        """One person printed two ways (with and without the paper's name, say): one reporter."""
        chosen = list(queryset.order_by("-byline_total", "-outlet", "pk"))
        if len(chosen) < 2:
            self.message_user(request, gettext("Choose at least two reporters."), messages.WARNING)
            return
        try:
            into = reporters_merge(into=chosen[0], others=chosen[1:])
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        merged = len(chosen) - 1
        self.message_user(request, ngettext(
            "Merged %(count)d reporter into %(reporter)s.", "Merged %(count)d reporters into %(reporter)s.", merged,
        ) % {"count": merged, "reporter": into})

    @admin.display(description=_("Byline count"), ordering="byline_total")
    def byline_total(self, obj: Reporter) -> int:
        return obj.byline_total


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["reporter"]  # a select of every reporter would grow without bound
    ordering = ["position"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Byline]:
        return super().get_queryset(request).select_related("reporter")

    def get_formset(self, request: HttpRequest, obj: Article | None = None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        widget = formset.form.base_fields["reporter"].widget.widget
        # The rows' selected reporters, labelled in one query rather than one per row.
        known = Reporter.objects.filter(bylines__article=obj) if obj else Reporter.objects.none()
        formset.form.base_fields["reporter"].widget.widget = KnownChoicesAutocompleteSelect(
            widget.field, widget.admin_site, attrs=widget.attrs, choices=widget.choices, using=widget.db
        )
        formset.form.base_fields["reporter"].widget.widget.known = {str(r.pk): str(r) for r in known}
        return formset


class NoteInline(admin.TabularInline):
    """Desk notes: added here or on the review page, never edited or deleted, never public."""

    model = Note
    extra = 1
    view_on_site = False  # as TransitionInline: a note's URL is the desk's, never the site's
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Note]:
        return super().get_queryset(request).select_related("author")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class TransitionInline(admin.TabularInline):
    """The workflow log, read-only: transitions are made by actions and on the review page."""

    model = Transition
    # A step's URL is the desk's review page, not the site: the admin's "View on
    # site" link would name it wrongly, and the article's page is already here.
    view_on_site = False
    extra = 0
    fields = ["created_at", "from_status", "to_status", "user", "note"]
    readonly_fields = fields
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Transition]:
        return super().get_queryset(request).select_related("user")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class _RecordInline(admin.TabularInline):
    """A desk record the services write (sign-offs, marks): read here, made on the review page."""

    extra = 0
    view_on_site = False  # as TransitionInline: their URL is the desk's, never the site's
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class SignOffInline(_RecordInline):
    model = SignOff
    fields = ["level_name", "user", "signed_at", "note", "voided_at", "void_reason"]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[SignOff]:
        return super().get_queryset(request).select_related("user")

    @admin.display(description=_("review level"))
    def level_name(self, obj: SignOff) -> str:
        return str(obj)


class ProofMarkInline(_RecordInline):
    model = ProofMark
    fields = ["passage", "start", "end", "query", "author", "created_at", "resolved_at"]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProofMark]:
        return super().get_queryset(request).select_related("author")


class ArticleForm(forms.ModelForm):
    # The version the editor opened; a save from an older one is refused (optimistic locking).
    seen_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Article
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_version")
        if seen is not None and self.instance.pk:
            stored = Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if stored != seen:
                raise ValidationError(conflict(article_id=self.instance.pk, seen_version=seen).html())
        return cleaned


class MineFilter(admin.SimpleListFilter):
    """我的稿件: the stories carrying the user's byline, in any state. On by default for a
    reporter (an account linked to a Reporter, without review rights), so the desk opens on their copy."""

    title = _("My stories")
    parameter_name = "mine"

    def __init__(self, request, params, model, model_admin):
        user = request.user
        self._user = user
        self._default = "yes" if (
            not user.has_perm("articles.review_article") and Reporter.objects.filter(user_id=user.pk).exists()
        ) else None
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [("yes", _("Mine")), ("all", _("Everyone's"))]

    def value(self):
        return super().value() or self._default

    def choices(self, changelist):
        # No "All" entry: without the parameter a reporter gets the default, so "all" is explicit.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup or (self.value() is None and lookup == "all"),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=Byline.objects.filter(reporter__user=self._user).values("article_id"))
        return queryset


class HasWarningsFilter(admin.SimpleListFilter):
    title = _("import warnings")
    parameter_name = "warnings"

    def lookups(self, request, model_admin):
        return [("yes", _("With warnings")), ("no", _("Without warnings"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(warnings=[])
        if self.value() == "no":
            return queryset.filter(warnings=[])
        return queryset


class SourcePageFilter(admin.SimpleListFilter):
    # The stock related filter would load every page's whole raw text to list their names.
    title = _("source page")
    parameter_name = "source_page"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in SourcePage.objects.values_list("pk", "file_name")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        # A hand-edited URL: "²" is no id for int(), and SQLite cannot compare past 64 bits.
        if not (value.isascii() and value.isdigit() and int(value) < 2**63):
            raise IncorrectLookupParameters(value)
        return queryset.filter(source_page_id=value)


TAGS_LISTED = 2


class ArticleActionForm(ActionForm):
    section = forms.ModelChoiceField(Section.objects.all(), label=_("Section"), required=False)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separated by commas"))


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    action_form = ArticleActionForm
    # Condensed so the title keeps one readable column at 1280 px: where it was
    # printed in one cell, section and column in one, at most two tags.
    list_display = [
        "headline", "status", "review_stage", "reporters", "printed", "filed_under", "tag_list", "published_day",
        "char_count", "warning_count",
    ]
    list_filter = [
        MineFilter, "status", "section", "column", "bylines__reporter", SourcePageFilter, "published_at",
        "source_page__edition_date", HasWarningsFilter, ScreeningFilter,
    ]
    list_select_related = ["column", "section", "source_page"]
    search_fields = ["title"]  # shows the search box; get_search_results does the searching
    date_hierarchy = "published_at"
    autocomplete_fields = ["column"]
    inlines = [BylineInline, RelatedLinkInline, NoteInline, SignOffInline, ProofMarkInline, TransitionInline]

    class Media:
        css = {"all": ["editorial/desk.css"]}  # the conflict diff; the site's CSP forbids inline styles
    actions = ["assign_section", "add_tags", "submit", "approve", "publish"]
    readonly_fields = [
        "desk_links", "status", "published_at", "scheduled_at", "correction", "version",
        "source_page", "position", "span_start", "span_end", "import_key", "import_hash", "warning_lines",
        "char_count", "created_at", "updated_at", "continuation_of",
    ]
    fieldsets = [
        (None, {"fields": ["desk_links", "column", "kicker", "title", "subtitle", "dateline", "dateline_date", "body"]}),
        (_("Continuation"), {"fields": ["continued_from", "continues_to", "continuation_of"]}),
        (
            _("Publication"),
            {"fields": ["status", "published_at", "scheduled_at", "correction", "section", "tags", "slug", "version", "seen_version"]},
        ),
        (
            _("Source"),
            {
                "classes": ["collapse"],
                "fields": [
                    "source_page", "position", "span_start", "span_end", "char_count", "warning_lines",
                    "import_key", "import_hash", "created_at", "updated_at",
                ],
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # source_page.raw_text is the whole page; the desk lists only its name.
        return (
            super().get_queryset(request)
            .select_related("column", "section", "source_page")
            .defer("source_page__raw_text")
            .prefetch_related(
                Prefetch("bylines", Byline.objects.select_related("reporter")), "tags",
                Prefetch("signoffs", SignOff.objects.filter(voided_at=None)),
            )
        )

    def get_search_results(self, request: HttpRequest, queryset: QuerySet[Article], search_term: str):
        # Chinese text has no spaces between words; the search app segments it (jieba) and owns the index.
        if not search_term.strip():
            return queryset, False
        return search_filter(queryset, search_term), False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        tag_admin = self.admin_site._registry.get(Tag)
        if db_field.name == "tags" and tag_admin and tag_admin.get_search_fields(request):
            # Autocomplete against the tag admin (linking app) instead of typing names from memory.
            return forms.ModelMultipleChoiceField(
                Tag.objects.all(), required=False, label=db_field.verbose_name,
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Articles come from imported pages (source_page is required and read-only here).
        return False

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        # Per article, the workflow decides: a reporter edits only their own drafts, nobody a spiked story.
        return super().has_change_permission(request, obj) and (obj is None or can_edit(request.user, obj))

    def has_submit_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.submit_article")

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.review_article")

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.publish_article")

    @admin.display(description=_("Headline"), ordering="title")
    def headline(self, obj: Article) -> str:
        return obj.display_title

    @admin.display(description=_("Reporters"))
    def reporters(self, obj: Article) -> str:
        return "、".join(b.reporter.name for b in obj.bylines.all())

    @admin.display(description=_("Printed"), ordering="source_page")
    def printed(self, obj: Article) -> str:
        """Page and place on it (第02版 · 3), the page's file name when it has no number."""
        page = obj.source_page
        where = gettext("Page %(number)02d") % {"number": page.number} if page.number else (page.page_label or page.file_name)
        return f"{where} · {obj.position}"

    @admin.display(description=Article._meta.get_field("published_at").verbose_name, ordering="published_at")
    def published_day(self, obj: Article) -> str:
        """The day only: the time of day takes a column's width and an editor rarely sorts by it."""
        return date_format(timezone.localtime(obj.published_at), "Y-m-d") if obj.published_at else "—"

    @admin.display(description=_("Section / column"))
    def filed_under(self, obj: Article) -> str:
        return " / ".join(str(x) for x in (obj.section, obj.column) if x is not None) or "—"

    @admin.display(description=_("Review"))
    def review_stage(self, obj: Article) -> str:
        """The level the article waits for, so each level finds its queue in the list."""
        if obj.status not in APPROVE.sources:
            return "—"
        pending = pending_level(obj)
        return gettext("awaiting %(level)s") % {"level": levels_for(obj)[pending]} if pending is not None else "—"

    @admin.display(description=_("Tags"))
    def tag_list(self, obj: Article) -> str:
        names = [t.name for t in obj.tags.all()]
        shown = "、".join(names[:TAGS_LISTED])
        more = len(names) - TAGS_LISTED
        return gettext("%(tags)s and %(more)d more") % {"tags": shown, "more": more} if more > 0 else shown

    @admin.display(description=Article._meta.get_field("warnings").verbose_name)
    def warning_lines(self, obj: Article) -> str:
        return "\n".join(warnings_text(obj.warnings))  # one a line, in the desk's language

    @admin.display(description=_("Warnings"))
    def warning_count(self, obj: Article) -> int | str:
        """How many import warnings ask for a look; a dash, not a green tick, when none."""
        return len(obj.warnings) or "—"

    @admin.display(description=_("Desk"))
    def desk_links(self, obj: Article) -> str:
        links = [
            (reverse("editorial:review", args=[obj.pk]), gettext("Review beside the printed page")),
            (reverse("editorial:history", args=[obj.pk]), gettext("Revision history")),
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def changeform_view(self, request: HttpRequest, object_id=None, form_url="", extra_context=None) -> HttpResponse:
        if request.method == "POST" and object_id:
            article = self.get_object(request, unquote(object_id))
            if article is not None:
                ensure_baseline(article)  # its own revision, before the one this save opens
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict as exc:
            # Someone saved between this form's check and its save: nothing of this save was kept.
            self.message_user(request, exc.html(), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def save_model(self, request: HttpRequest, obj: Article, form: ArticleForm, change: bool) -> None:
        changed = [str(form.fields[name].label) for name in form.changed_data if name != "seen_version"]
        services.article_store(
            article=obj, user=request.user, seen_version=form.cleaned_data["seen_version"],
            comment=gettext("Edited in the admin: %(fields)s") % {"fields": "、".join(changed)} if changed else gettext("Saved in the admin"),
        )

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # The bylines inline saves after the article: a changed byline is a text edit too.
        if change and any(fs.model is Byline and fs.has_changed() for fs in formsets):
            services.article_bylines_changed(article=form.instance, user=request.user)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        if formset.model is not Note:
            return super().save_formset(request, form, formset, change)
        for note in formset.save(commit=False):
            services.note_add(article=form.instance, user=request.user, text=note.text)
        return None

    def _report(self, request: HttpRequest, result: services.BulkResult, done: str) -> None:
        if result.done:
            self.message_user(request, gettext("%(done)s: %(count)d articles.") % {"done": done, "count": len(result.done)})
        if result.refused:
            self.message_user(request, gettext("Not done: %(reasons)s") % {"reasons": "；".join(result.refused)}, messages.WARNING)

    @admin.action(description=_("Set the section (choose it above)"), permissions=["change"])
    def assign_section(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        section = request.POST.get("section") and Section.objects.filter(pk=request.POST["section"]).first()
        result = services.articles_assign_section(articles=queryset, user=request.user, section=section or None)
        self._report(request, result, gettext("Section set to “%(section)s”") % {"section": section or gettext("none")})

    @admin.action(description=_("Add tags (type them above)"), permissions=["change"])
    def add_tags(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        names = [n.strip() for n in request.POST.get("tags", "").replace("，", ",").split(",") if n.strip()]
        if not names:
            self.message_user(request, gettext("Type the tags to add in the “Tags” box first."), messages.WARNING)
            return
        self._report(request, services.articles_add_tags(articles=queryset, user=request.user, tags=names), gettext("Tags added"))

    @admin.action(description=_("Submit for review"), permissions=["submit"])
    def submit(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._report(request, services.articles_move(articles=queryset, user=request.user, move_name="submit"), gettext("Submitted for review"))

    @admin.action(description=_("Sign the next review level"), permissions=["review"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._report(request, services.articles_move(articles=queryset, user=request.user, move_name="approve"), gettext("Signed"))

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._report(request, services.articles_move(articles=queryset, user=request.user, move_name="publish"), gettext("Published"))

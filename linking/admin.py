"""The desk for tags, entities, related links and near-duplicates."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from linking.models import Alias, Entity, EntitySuggestion, NearDuplicate, OldTagSlug, RelatedLink
from linking.services import duplicates, entities, related, tags

# Ours replaces taggit's: renames must record old slugs, merges go through the service.
admin.site.unregister(Tag)


class OldTagSlugInline(admin.TabularInline):
    model = OldTagSlug
    extra = 0
    readonly_fields = ["slug"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # old slugs are recorded by renames and merges


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]  # other admins use this for autocomplete
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OldTagSlugInline]
    actions = ["merge_into_most_used"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("taggit_taggeditem_items"))

    @admin.display(description=_("number of articles"), ordering="article_count")
    def article_count(self, tag: Tag) -> int:
        return tag.article_count

    def save_model(self, request, obj, form, change):
        if change:
            tags.tag_rename(tag=obj, name=obj.name, slug=obj.slug)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Merge into the most used of them"))
    def merge_into_most_used(self, request, queryset):
        chosen = list(queryset.order_by("-article_count", "pk"))
        if len(chosen) < 2:
            self.message_user(request, _("Choose at least two tags."), messages.WARNING)
            return
        into = tags.tags_merge(into=chosen[0], others=chosen[1:])
        merged = len(chosen) - 1
        self.message_user(
            request,
            ngettext("Merged %(count)d tag into “%(name)s”.", "Merged %(count)d tags into “%(name)s”.", merged)
            % {"count": merged, "name": into.name},
        )


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline]


@admin.register(EntitySuggestion)
class EntitySuggestionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    readonly_fields = ["articles", "entity", "created_at"]
    actions = ["accept", "reject"]

    @admin.action(description=_("Accept as entities"))
    def accept(self, request, queryset):
        for suggestion in queryset.exclude(status=EntitySuggestion.Status.ACCEPTED):
            entities.suggestion_accept(suggestion=suggestion)
        self.message_user(request, _("The selected suggestions were accepted."))

    @admin.action(description=_("Reject"))
    def reject(self, request, queryset):
        for suggestion in queryset:
            entities.suggestion_reject(suggestion=suggestion)
        self.message_user(request, _("The selected suggestions were rejected."))


@admin.register(RelatedLink)
class RelatedLinkAdmin(admin.ModelAdmin):
    list_display = ["source", "target", "status", "score", "reasons_text", "by_hand"]
    list_filter = ["status", "by_hand"]
    search_fields = ["source__title", "target__title"]
    list_select_related = ["source", "target"]
    raw_id_fields = ["source", "target"]
    readonly_fields = ["score", "reasons", "by_hand", "updated_at"]
    actions = ["accept", "pin", "reject"]

    def save_model(self, request, obj, form, change):
        if change:
            related.link_decide(link=obj, status=obj.status)
        else:
            # A link an editor adds is theirs: it is kept whatever the scores say.
            obj.pk = related.link_add(source=obj.source, target=obj.target, status=obj.status).pk

    @admin.action(description=_("Accept"))
    def accept(self, request, queryset):
        self._decide(request, queryset, RelatedLink.Status.ACCEPTED)

    @admin.action(description=_("Pin"))
    def pin(self, request, queryset):
        self._decide(request, queryset, RelatedLink.Status.PINNED)

    @admin.action(description=_("Reject"))
    def reject(self, request, queryset):
        self._decide(request, queryset, RelatedLink.Status.REJECTED)

    @admin.display(description=_("reasons"))
    def reasons_text(self, link: RelatedLink) -> str:
        return link.reason

    def _decide(self, request, queryset, status):
        links = list(queryset)
        for link in links:
            related.link_decide(link=link, status=status)
        self.message_user(
            request,
            ngettext("Updated %(count)d related article.", "Updated %(count)d related articles.", len(links))
            % {"count": len(links)},
        )


class RelatedLinkInline(admin.TabularInline):
    """An article's related links, best first, on its change page. Read-only here:
    decisions go through RelatedLinkAdmin (its change link), which calls the service."""

    model = RelatedLink
    fk_name = "source"
    extra = 0
    fields = ["target", "status", "score", "reasons_text"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    verbose_name_plural = _("related articles (“Change” to accept, pin or reject)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target").order_by("status", "-score")

    @admin.display(description=_("reasons"))
    def reasons_text(self, link: RelatedLink) -> str:
        return link.reason

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(NearDuplicate)
class NearDuplicateAdmin(admin.ModelAdmin):
    list_display = ["article", "duplicate_of", "distance", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["article", "duplicate_of"]
    raw_id_fields = ["article", "duplicate_of"]
    readonly_fields = ["distance", "created_at"]
    actions = ["confirm", "dismiss"]

    @admin.action(description=_("Confirm as duplicate"))
    def confirm(self, request, queryset):
        for duplicate in queryset:
            duplicates.duplicate_review(duplicate=duplicate, status=NearDuplicate.Status.CONFIRMED)

    @admin.action(description=_("Not a duplicate"))
    def dismiss(self, request, queryset):
        for duplicate in queryset:
            duplicates.duplicate_review(duplicate=duplicate, status=NearDuplicate.Status.DISMISSED)

"""The word list in the admin (edited word by word, or imported from a file), the override log,
and the article list's filter on stored hits."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy as _

from screening.forms import WordFileForm
from screening.models import ScreeningOverride, SensitiveWord
from screening.services import words_import


class ScreeningFilter(admin.SimpleListFilter):
    # For the desk's article list (editorial.admin): on the hits stored at each save, so the list never screens text.
    title = _("sensitive words")
    parameter_name = "screening"

    def lookups(self, request, model_admin):
        return [("banned", _("has banned words")), ("notice", _("has words to check")), ("none", _("none found"))]

    def queryset(self, request, queryset):
        if self.value() == "banned":
            return queryset.filter(screening__banned_count__gt=0)
        if self.value() == "notice":
            return queryset.filter(screening__notice_count__gt=0)
        if self.value() == "none":
            return queryset.filter(screening__banned_count=0, screening__notice_count=0)
        return queryset


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ["word", "category", "severity", "active", "updated_at"]
    list_editable = ["severity", "active"]
    list_filter = ["severity", "active", "category"]
    search_fields = ["word", "category", "note"]
    change_list_template = "screening/sensitiveword_changelist.html"

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="screening_sensitiveword_import"),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = WordFileForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = words_import(lines=form.cleaned_data["file"])
            self.message_user(request, gettext("Imported: %(created)d new, %(updated)d updated.") % {
                "created": result.created, "updated": result.updated,
            })
            if result.skipped:
                self.message_user(
                    request, gettext("Lines not understood: %(lines)s") % {"lines": "；".join(result.skipped[:20])},
                    messages.WARNING,
                )
            return HttpResponseRedirect(reverse("admin:screening_sensitiveword_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import sensitive words"),
            "opts": self.model._meta,
            "form": form,
        }
        return TemplateResponse(request, "screening/import.html", context)


@admin.register(ScreeningOverride)
class ScreeningOverrideAdmin(admin.ModelAdmin):
    """The log of overrides: read only, they are made on the review page."""

    list_display = ["article", "words", "user", "note", "created_at"]
    list_select_related = ["article", "user"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

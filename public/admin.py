from django.contrib import admin

from public.models import ReaderReport


@admin.register(ReaderReport)
class ReaderReportAdmin(admin.ModelAdmin):
    """The desk's inbox of readers' 纠错 reports: read, then marked handled."""

    list_display = ["article", "excerpt", "contact", "created_at", "handled"]
    list_filter = ["handled", "created_at"]
    list_editable = ["handled"]
    list_select_related = ["article"]
    readonly_fields = ["article", "text", "contact", "created_at"]
    search_fields = ["text", "article__title"]

    @admin.display(description=ReaderReport._meta.get_field("text").verbose_name)
    def excerpt(self, report: ReaderReport) -> str:
        return report.text[:60]

    def has_add_permission(self, request) -> bool:
        return False  # reports come from readers

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The desk: workflow, review beside the source page, revisions, notes."""

    name = "editorial"
    verbose_name = "编辑部"

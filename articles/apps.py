from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The core: articles and their pages, the importer and exports. It imports no other app of ours."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件"

from django.apps import AppConfig


class LinkingConfig(AppConfig):
    """Tags, entities, related-article suggestions and near-duplicates."""

    name = "linking"
    verbose_name = "关联"

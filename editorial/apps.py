from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The desk: workflow, review beside the source page, revisions, notes."""

    name = "editorial"
    verbose_name = _("Desk")

    def ready(self) -> None:
        import reversion

        from articles.models import Article, Byline

        # Registered here, not by an admin class, so services keep revisions
        # even where the admin is never loaded (commands, tests). Tags are left
        # out: taggit stores them through a generic table reversion cannot follow.
        reversion.register(Article, follow=["bylines"], exclude=["tags"])
        reversion.register(Byline)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    """敏感词: the word list, each article's hits, and the check before 签发."""

    name = "screening"
    verbose_name = _("Sensitive words")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from articles.signals import articles_changed
        from screening.models import SensitiveWord
        from screening.receivers import screen_changed_articles, sensitive_word_changed

        articles_changed.connect(screen_changed_articles, dispatch_uid="screening.screen_changed_articles")
        post_save.connect(sensitive_word_changed, sender=SensitiveWord, dispatch_uid="screening.word_saved")
        post_delete.connect(sensitive_word_changed, sender=SensitiveWord, dispatch_uid="screening.word_deleted")

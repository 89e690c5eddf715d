from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only JSON API for the paper's app: published articles as IPTC ninjs, nothing else."""

    name = "api"
    verbose_name = _("API")

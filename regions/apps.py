"""App configuration for regions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regio's")

    def ready(self) -> None:
        from regions.cache import connect_signals

        connect_signals()

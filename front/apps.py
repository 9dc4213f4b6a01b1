"""App configuration for front."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontConfig(AppConfig):
    name = "front"
    verbose_name = _("Voorkant en zoeken")

    def ready(self) -> None:
        from front.search.index import connect_signals  # noqa: PLC0415 - models are ready only now

        connect_signals()

"""App configuration for front."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontConfig(AppConfig):
    name = "front"
    verbose_name = _(" home, region overview, search, the JSON API, the HSDS export, error pages.:Voorkant")

    def ready(self) -> None:
        from front.search.index import connect_signals  # noqa: PLC0415 - models are ready only now

        connect_signals()

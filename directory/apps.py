"""App configuration for directory."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Wie doet wat: organisaties, rollen en scholen")

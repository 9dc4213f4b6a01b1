"""PostgreSQL extensions for search: trigram similarity for typos and unaccent. No-ops on SQLite."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [TrigramExtension(), UnaccentExtension()]

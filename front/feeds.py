"""Atom feeds of what changed: one per region and one per school, from the version history (front.changes)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from directory import selectors
from front.changes import Change, region_changes, school_changes
from regions.cache import cached_by_version
from regions.selectors import region_get

# Who "wrote" an entry, as Atom requires one: the product, never the editor who saved the change.
AUTHOR = "Redactie Wie doet wat"


class _ChangesFeed(Feed):
    feed_type = Atom1Feed
    author_name = AUTHOR

    def item_title(self, item: Change) -> str:
        return item.title

    def item_description(self, item: Change) -> str:
        return f"{item.title} op {timezone.localtime(item.when):%d-%m-%Y %H:%M}."

    def item_link(self, item: Change) -> str:
        return item.link

    def item_guid(self, item: Change) -> str:
        return f"tag:wiedoetwat,2026:{item.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Change):
        return item.when

    def item_updateddate(self, item: Change):
        return item.when


class RegionChangesFeed(_ChangesFeed):
    def get_object(self, request: HttpRequest, region: str):
        return region_get(slug=region)

    def title(self, obj) -> str:
        return f"Wijzigingen in {obj.name} – Wie doet wat"

    def subtitle(self, obj) -> str:
        return f"Wat er veranderd is aan de gepubliceerde gegevens van {obj.name}."

    def link(self, obj) -> str:
        return reverse("front:region", kwargs={"region": obj.slug})

    def items(self, obj) -> list[Change]:
        return cached_by_version("feed-region", str(obj.pk), lambda: region_changes(obj))


class SchoolChangesFeed(_ChangesFeed):
    def get_object(self, request: HttpRequest, region: str, slug: str):
        return get_object_or_404(selectors.schools_for_region(region=region_get(slug=region)), slug=slug)

    def title(self, obj) -> str:
        return f"Wijzigingen bij {obj.name} – Wie doet wat"

    def subtitle(self, obj) -> str:
        return f"Wat er veranderd is aan de gepubliceerde gegevens van {obj.name}."

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def items(self, obj) -> list[Change]:
        return cached_by_version("feed-school", str(obj.pk), lambda: school_changes(obj))

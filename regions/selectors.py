"""Region look-ups shared by every app's views."""

from django.db.models import QuerySet
from django.http import Http404

from regions.models import Region


def region_list() -> QuerySet[Region]:
    return Region.objects.filter(is_national=False)


def region_get(*, slug: str, national: bool = False) -> Region:
    """The region for a URL part; national material has no region pages of its own, only object pages (`national`)."""
    regions = Region.objects.all() if national else Region.objects.filter(is_national=False)
    try:
        return regions.get(slug=slug)
    except Region.DoesNotExist:
        raise NotFound("Deze regio bestaat niet.") from None


def national_region() -> Region | None:
    return Region.objects.filter(is_national=True).first()


class NotFound(Http404):
    """A 404 whose message is written for the visitor, in Dutch; the 404 page shows it."""

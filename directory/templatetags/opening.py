"""`{% opening_status organisation as status %}`: "nu open, tot 17:00", and a page cache that expires with it."""

from django import template
from django.utils import timezone

from directory.opening import opening_status as status_at
from regions.cache import page_valid_until

register = template.Library()


@register.simple_tag
def opening_status(organisation):
    status = status_at(organisation.opening_hours.all(), timezone.now())
    if status is not None:
        page_valid_until(status.changes_at)
    return status

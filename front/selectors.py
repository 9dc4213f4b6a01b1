"""Composed queries for the pages that show more than one app's content."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from directory.models import Role
from directory.selectors import role_queryset
from regions.models import Region
from routes.models import Step


def role_get(*, region: Region, slug: str, viewer) -> Role:
    """A role with its employer, meetings, and the route steps it takes part in or holds regie of."""
    steps = Step.objects.published().select_related("route__region")
    return get_object_or_404(
        role_queryset(region=region, viewer=viewer).prefetch_related(
            Prefetch("steps", queryset=steps), Prefetch("regie_steps", queryset=steps)
        ),
        slug=slug,
    )

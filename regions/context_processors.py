"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"show_demo_data": settings.SHOW_DEMO_DATA, "is_preview": getattr(request, "is_preview", False)}

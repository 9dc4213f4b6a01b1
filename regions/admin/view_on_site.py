"""The admin's "bekijk op site" shortcut, scoped to what the user may see in the admin."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404


def view_on_site(request, content_type_id, object_id):
    """The admin's "bekijk op site" shortcut (/beheer/r/<soort>/<nummer>/), scoped like every other admin view.

    Django's own shortcut redirects any staff user to any object's address, which names other regions' drafts,
    corrections, schools and memberships. Here the object must be one the model's admin lets this user see.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first() if str(content_type_id).isdigit() else None
    model = content_type.model_class() if content_type else None
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        raise Http404
    try:
        obj = model_admin.get_queryset(request).filter(pk=object_id).first()
    except (ValueError, TypeError, ValidationError):
        obj = None
    if obj is None or not model_admin.has_view_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)

"""Who may see and change what: the rules every page, admin view and preview asks.

Professionals. Invited professionals and every editor see contacts marked "professionals only". Two-factor
authentication is optional: people who set up a TOTP device (an authenticator app) must give its code whenever
they sign in (the login forms in `accounts` enforce that), and `second_factor_ok` is checked again on every
request, so a session that was never verified with the code gets no more than a visitor.

Editors. An editor changes the content of their own regions, reads national content and never reaches another region's.
The judgement is always about the region an object has *now*: a version form, a history page or a restore must
not be judged by the region an old version had, or an editor could pull back an object a superuser moved away.
A deleted object has no "now"; it is judged by the region of its last recorded version.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django_otp import user_has_device

from regions.models import Region

PROFESSIONALS_GROUP = "Professionals"


def has_second_factor(user) -> bool:
    """Has a confirmed TOTP device, so must give its code to sign in."""
    return user_has_device(user)


def second_factor_ok(user) -> bool:
    """False for a user with a device whose session was not verified with its code; True for everyone else."""
    is_verified = getattr(user, "is_verified", None)  # django_otp's OTPMiddleware puts it on request.user
    if is_verified is not None and is_verified():
        return True
    return not has_second_factor(user)


def is_professional(user) -> bool:
    """May see contacts marked "professionals only": invited professionals, and every editor."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not (user.is_staff or user.groups.filter(name=PROFESSIONALS_GROUP).exists()):
        return False
    return second_factor_ok(user)


def may_use_admin(user) -> bool:
    """Staff, and verified with the second factor if they have one. The admin and the preview both ask this."""
    return user.is_active and user.is_staff and second_factor_ok(user)


def admin_has_permission(request) -> bool:
    return may_use_admin(request.user)


def editable_regions(user) -> QuerySet[Region]:
    """The regions a user may change content of."""
    if not user.is_active or not user.is_staff:
        return Region.objects.none()
    if user.is_superuser:
        return Region.objects.all()
    return Region.objects.filter(memberships__user=user, is_national=False)


def editable_region_ids(request) -> set[int]:
    if not hasattr(request, "_editable_region_ids"):
        request._editable_region_ids = set(editable_regions(request.user).values_list("pk", flat=True))
    return request._editable_region_ids


def is_editor(request) -> bool:
    return request.user.is_active and request.user.is_staff and (request.user.is_superuser or bool(editable_region_ids(request)))


def region_allows(request, region: Region | None, *, write: bool) -> bool:
    """May this user read (write=False) or change (write=True) content that lives in `region`?"""
    if not (request.user.is_active and request.user.is_staff):
        return False
    if request.user.is_superuser:
        return True
    if region is None:
        return False  # a region we cannot tell is nobody's to touch but a superuser's
    if region.is_national:
        return not write and is_editor(request)
    return region.pk in editable_region_ids(request)


def region_of(obj, path: str) -> Region | None:
    """Follow `path` ("region", "route__region") from a live object; None when a link on the way is gone."""
    for part in path.split("__"):
        try:
            obj = getattr(obj, part, None)
        except ObjectDoesNotExist:  # e.g. a version whose route has since been deleted
            return None
        if obj is None:
            return None
    return obj


def last_version(model: type[models.Model], pk):
    """The newest history record of one object (its deletion record when it is deleted), or None."""
    history = getattr(model, "history", None)
    if history is None:
        return None
    return history.filter(**{model._meta.pk.attname: pk}).order_by("-history_date", "-history_id").first()


def region_of_version(record, path: str) -> Region | None:
    """Like `region_of`, for a history record: a link that is gone is followed through its own last version."""
    obj = record
    for part in path.split("__"):
        field = obj._meta.get_field(part)
        related_pk = getattr(obj, field.attname)
        if related_pk is None:
            return None
        related = field.related_model
        obj = related._default_manager.filter(pk=related_pk).first() or last_version(related, related_pk)
        if obj is None:
            return None
    return obj


@dataclass(frozen=True)
class Standing:
    """Where one object stands now and what the user may do with it there."""

    pk: object
    obj: models.Model | None  # the live object; None when it is deleted
    region: Region | None
    may_view: bool
    may_change: bool

    @property
    def deleted(self) -> bool:
        return self.obj is None


def standing(request, model: type[models.Model], region_path: str, object_id) -> Standing:
    """Judge one object by its current region (or, once deleted, its last version's); 404 when it never existed."""
    try:
        pk = model._meta.pk.to_python(object_id)
    except ValidationError:
        raise Http404 from None
    memo = request.__dict__.setdefault("_wdw_standing", {})
    key = (model._meta.label, pk)
    if key not in memo:
        obj = model._default_manager.filter(pk=pk).first()  # unscoped on purpose: we judge, not filter
        if obj is not None:
            region = region_of(obj, region_path)
        else:
            record = last_version(model, pk)
            if record is None:
                raise Http404
            region = region_of_version(record, region_path)
        memo[key] = Standing(
            pk, obj, region, region_allows(request, region, write=False), region_allows(request, region, write=True)
        )
    return memo[key]

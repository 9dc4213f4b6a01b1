"""The base every other app builds on: places, the shared content base, memberships and the content's upkeep."""

from regions.models.content import Content, ContentQuerySet, ContentStatus, SluggedContent
from regions.models.people import Correction, CorrectionStatus, MembershipRole, RegionMembership
from regions.models.places import SLUG_HELP, Municipality, Region, Sector
from regions.models.upkeep import ContentVersion, DeletedObject, DeletedObjectQuerySet

__all__ = [
    "SLUG_HELP",
    "Content",
    "ContentQuerySet",
    "ContentStatus",
    "ContentVersion",
    "Correction",
    "CorrectionStatus",
    "DeletedObject",
    "DeletedObjectQuerySet",
    "MembershipRole",
    "Municipality",
    "Region",
    "RegionMembership",
    "Sector",
    "SluggedContent",
]

"""Who does what: organisations and their contacts, samenwerkingsverbanden, roles, meetings, schools, reference."""

from directory.models.evaluations import EvaluationQuestion, MeetingEvaluation
from directory.models.imports import ImportBatch, ImportKind, ImportPlan
from directory.models.organisations import (
    WEEKDAYS,
    ChannelKind,
    ContactChannel,
    OpeningHours,
    Organisation,
    OrganisationKind,
    ServiceArea,
    Visibility,
    VisibleMixin,
    VisibleQuerySet,
    visibilities_for,
)
from directory.models.partnerships import Partnership
from directory.models.reference import Faq, GlossaryTerm, Responsibility
from directory.models.roles import Meeting, Role
from directory.models.schools import Assignment, AssignmentQuerySet, School
from directory.models.scope import Coverage, SchoolScope

__all__ = [
    "WEEKDAYS",
    "Assignment",
    "AssignmentQuerySet",
    "ChannelKind",
    "ContactChannel",
    "Coverage",
    "EvaluationQuestion",
    "Faq",
    "GlossaryTerm",
    "ImportBatch",
    "ImportKind",
    "ImportPlan",
    "Meeting",
    "MeetingEvaluation",
    "OpeningHours",
    "Organisation",
    "OrganisationKind",
    "Partnership",
    "Responsibility",
    "Role",
    "School",
    "SchoolScope",
    "ServiceArea",
    "Visibility",
    "VisibleMixin",
    "VisibleQuerySet",
    "visibilities_for",
]

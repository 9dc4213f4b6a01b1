"""Routes and their steps, triggers, situations, phases, the quickscan, and topics."""

from routes.models.core import (
    Metric,
    Operator,
    Phase,
    QuickscanItem,
    QuickscanTheme,
    Route,
    RouteKind,
    Situation,
    SituationContact,
    Step,
    StepQuerySet,
    StepTransition,
    TransitionKind,
    Trigger,
    TriggerMatch,
    TriggerRule,
    written_number,
)
from routes.models.topics import Topic

__all__ = [
    "Metric",
    "Operator",
    "Phase",
    "QuickscanItem",
    "QuickscanTheme",
    "Route",
    "RouteKind",
    "Situation",
    "SituationContact",
    "Step",
    "StepQuerySet",
    "StepTransition",
    "Topic",
    "TransitionKind",
    "Trigger",
    "TriggerMatch",
    "TriggerRule",
    "written_number",
]

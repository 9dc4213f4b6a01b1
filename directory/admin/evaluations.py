"""Admin for a meeting's evaluation guide and its questions."""

from django.contrib import admin

from directory.forms import EvaluationQuestionForm, MeetingEvaluationForm
from directory.models import EvaluationQuestion, MeetingEvaluation
from regions.admin.base import ContentAdmin, ScopedInlineMixin


class EvaluationQuestionInline(ScopedInlineMixin, admin.TabularInline):
    model = EvaluationQuestion
    form = EvaluationQuestionForm
    extra = 0


@admin.register(MeetingEvaluation)
class MeetingEvaluationAdmin(ContentAdmin):
    form = MeetingEvaluationForm
    list_display = ("title", "meeting", "region", "status")
    search_fields = ("title",)
    autocomplete_fields = ("meeting",)
    inlines = (EvaluationQuestionInline,)

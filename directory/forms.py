"""Forms shared by the admin and the importers (content files, DUO's lists, editors' uploads): one set of rules.

Every directory model an editor or an importer writes goes through one ModelForm here; the admin uses the same
class (`form = ...`), so a value the admin refuses cannot arrive through a file either.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import (
    Assignment,
    ContactChannel,
    EvaluationQuestion,
    Faq,
    GlossaryTerm,
    Meeting,
    MeetingEvaluation,
    OpeningHours,
    Organisation,
    Partnership,
    Responsibility,
    Role,
    School,
    SchoolScope,
    ServiceArea,
)
from regions.forms import CONTENT_FIELDS

# Four ASCII digits (not starting with 0) and optionally two ASCII letters, spaces removed. A regex and not
# str.isdigit()/isalpha(), which accept "²" and "é" that are no part of any Dutch postcode.
POSTCODE = re.compile(r"([1-9][0-9]{3})([A-Za-z]{2})?")
FULL_POSTCODE = re.compile(r"[1-9][0-9]{3} [A-Z]{2}")


def normalise_postcode(value: str) -> str:
    """'1011ab' -> '1011 AB'; anything that is not a full Dutch postcode is returned as typed."""
    match = POSTCODE.fullmatch((value or "").replace(" ", ""))
    if match and match.group(2):
        return f"{match.group(1)} {match.group(2).upper()}"
    return (value or "").strip()


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["region", "slug", "name", "short_name", "kind", "description", "keywords", *CONTENT_FIELDS]


class ContactChannelForm(forms.ModelForm):
    class Meta:
        model = ContactChannel
        fields = ["organisation", "kind", "label", "value", "visibility", "order"]


class OpeningHoursForm(forms.ModelForm):
    class Meta:
        model = OpeningHours
        fields = ["organisation", "weekday", "opens", "closes", "note"]


class ServiceAreaForm(forms.ModelForm):
    class Meta:
        model = ServiceArea
        fields = ["organisation", "municipality", "postcode_from", "postcode_to"]


class PartnershipForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = ["region", "slug", "name", "sector", "organisation", "municipalities", *CONTENT_FIELDS]


class SchoolScopeForm(forms.ModelForm):
    class Meta:
        model = SchoolScope
        fields = [
            "region",
            "municipality",
            "place",
            "sectors",
            "coverage",
            "partnership_known",
            "covers",
            "not_covered",
            *CONTENT_FIELDS,
        ]


class RoleForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = [
            "region",
            "slug",
            "name",
            "abbreviation",
            "organisation",
            "sectors",
            "summary",
            "tasks",
            "approach_for",
            "not_for",
            "contact",
            "keywords",
            *CONTENT_FIELDS,
        ]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "region",
            "slug",
            "name",
            "abbreviation",
            "sectors",
            "purpose",
            "frequency",
            "chair",
            "chair_text",
            "members",
            "members_text",
            *CONTENT_FIELDS,
        ]


class MeetingEvaluationForm(forms.ModelForm):
    class Meta:
        model = MeetingEvaluation
        fields = [
            "region",
            "slug",
            "meeting",
            "title",
            "purpose",
            "frequency",
            "deadline",
            "report_to",
            "chair_text",
            "topics_text",
            *CONTENT_FIELDS,
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        meeting, region = cleaned.get("meeting"), cleaned.get("region")
        if meeting and region and meeting.region_id != region.pk:
            self.add_error("meeting", _("Kies een overleg uit dezelfde regio."))
        return cleaned


class EvaluationQuestionForm(forms.ModelForm):
    class Meta:
        model = EvaluationQuestion
        fields = ["evaluation", "group", "order", "text", "sub_questions"]


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["region", "slug", "abbreviation", "term", "explanation", "synonyms", *CONTENT_FIELDS]


class FaqForm(forms.ModelForm):
    class Meta:
        model = Faq
        fields = ["region", "slug", "question", "answer", "order", "roles", "keywords", *CONTENT_FIELDS]

    def clean(self) -> dict:
        cleaned = super().clean()
        region, roles = cleaned.get("region"), cleaned.get("roles") or []
        # A national question holds in every region, so it may name any region's roles; a regional one only its own.
        if region is not None and not region.is_national and any(r.region_id != region.pk for r in roles):
            self.add_error("roles", _("Kies rollen uit de regio van deze vraag."))
        return cleaned


class ResponsibilityForm(forms.ModelForm):
    class Meta:
        model = Responsibility
        fields = [
            "region",
            "slug",
            "topic",
            "youth_care",
            "education",
            "other_law",
            "ambiguous",
            "keywords",
            "order",
            *CONTENT_FIELDS,
        ]


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = [
            "region",
            "school",
            "role",
            "person_name",
            "organisation",
            "phone",
            "email",
            "availability",
            "visibility",
            "order",
            "is_demo",
            *CONTENT_FIELDS,
        ]


# What DUO's school list says of a school beyond its address: the importer fills these, the admin shows them apart.
DUO_FIELDS = ("board_number", "denomination", "duo_kind", "structure", "cluster", "education", "duo_date", "closed_on")


class SchoolForm(forms.ModelForm):
    """The school form the admin uses; the DUO importer and editors' uploads run every row through it too."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = School
        fields = [
            "region",
            "name",
            "slug",
            "sector",
            "municipality",
            "partnership",
            "is_demo",
            "brin",
            "location_number",
            "street",
            "postcode",
            "city",
            "phone",
            "email",
            "website",
            *DUO_FIELDS,
            "status",
            "publish_from",
            "expire_on",
            "source_document",
            "source_section",
        ]

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data.get("postcode", ""))
        if postcode and not FULL_POSTCODE.fullmatch(postcode):
            raise forms.ValidationError(
                _("Een postcode is vier cijfers en twee letters, bijvoorbeeld 1012 AB."), code="invalid_postcode"
            )
        return postcode


NOT_A_POSTCODE = _("Dit is geen Nederlandse postcode. Een postcode is vier cijfers, eventueel met twee letters: 1055 AB.")


class PostcodeForm(forms.Form):
    """The pupil's home postcode: only the four digits are used and nothing is stored."""

    postcode = forms.CharField(
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "maxlength": 7}),
        label=_("Postcode van het woonadres"),
        max_length=7,
        help_text=_("Vier cijfers zijn genoeg, bijvoorbeeld 1055. We bewaren niets."),
        error_messages={
            "required": _("Vul een postcode in, bijvoorbeeld 1055 of 1055 AB."),
            "max_length": NOT_A_POSTCODE,
            "null_characters_not_allowed": NOT_A_POSTCODE,
        },
    )

    def clean_postcode(self) -> int:
        match = POSTCODE.fullmatch(self.cleaned_data["postcode"].replace(" ", ""))
        if match is None:
            raise forms.ValidationError(NOT_A_POSTCODE, code="invalid_postcode")
        return int(match.group(1))

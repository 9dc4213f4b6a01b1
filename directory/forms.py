"""Forms shared by the admin and the importers, so both enforce the same rules."""

import re

from django import forms

from directory.models import School

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


class SchoolForm(forms.ModelForm):
    """The school form the admin uses; the DUO importer runs every row through it too."""

    website = forms.URLField(label="Website", required=False, assume_scheme="https")

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
                "Een postcode is vier cijfers en twee letters, bijvoorbeeld 1012 AB.", code="invalid_postcode"
            )
        return postcode


class RegionChoiceField(forms.ModelChoiceField):
    """A region chosen by slug in a URL; unknown slugs get a Dutch message."""

    def __init__(self, **kwargs):
        from regions.models import Region

        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", "Alle regio's")
        kwargs.setdefault("error_messages", {"invalid_choice": "Deze regio kennen we niet. Kies een regio uit de lijst."})
        super().__init__(queryset=Region.objects.filter(is_national=False), to_field_name="slug", **kwargs)


class SearchForm(forms.Form):
    """/zoeken/?q=...&regio=...&sector=... — every part optional except the words."""

    q = forms.CharField(
        label="Zoekwoorden",
        max_length=200,
        error_messages={
            "required": "Vul een of meer zoekwoorden in, bijvoorbeeld 'leerplicht' of 'IB'.",
            "max_length": "Gebruik hooguit 200 tekens.",
        },
    )
    regio = RegionChoiceField(label="Regio")
    sector = forms.ModelChoiceField(
        label="Schoolsoort",
        queryset=None,
        required=False,
        to_field_name="code",
        empty_label="Alle schoolsoorten",
        error_messages={"invalid_choice": "Deze schoolsoort kennen we niet."},
    )

    def __init__(self, *args, **kwargs):
        from regions.models import Sector

        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.all()

    def clean_q(self) -> str:
        from directory.search import words

        query = self.cleaned_data["q"].strip()
        if not words(query):
            raise forms.ValidationError(
                "Uw zoekvraag bevat geen woorden waarop we kunnen zoeken. Probeer bijvoorbeeld 'leerplicht', 'IB' of 'verzuim'.",
                code="no_words",
            )
        return query


NOT_A_POSTCODE = "Dit is geen Nederlandse postcode. Een postcode is vier cijfers, eventueel met twee letters: 1055 AB."


class PostcodeForm(forms.Form):
    """The pupil's home postcode: only the four digits are used and nothing is stored."""

    postcode = forms.CharField(
        label="Postcode van het woonadres",
        max_length=7,
        help_text="Vier cijfers zijn genoeg, bijvoorbeeld 1055. We bewaren niets.",
        error_messages={
            "required": "Vul een postcode in, bijvoorbeeld 1055 of 1055 AB.",
            "max_length": NOT_A_POSTCODE,
            "null_characters_not_allowed": NOT_A_POSTCODE,
        },
    )

    def clean_postcode(self) -> int:
        match = POSTCODE.fullmatch(self.cleaned_data["postcode"].replace(" ", ""))
        if match is None:
            raise forms.ValidationError(NOT_A_POSTCODE, code="invalid_postcode")
        return int(match.group(1))

"""The search form: /zoeken/?q=...&regio=...&sector=..., every part optional except the words."""

from django import forms
from django.utils.translation import gettext_lazy as _

from front.search import words
from regions.models import Region, Sector


class RegionChoiceField(forms.ModelChoiceField):
    """A region chosen by slug in a URL; unknown slugs get a Dutch message."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", _("Alle regio's"))
        kwargs.setdefault("error_messages", {"invalid_choice": _("Deze regio kennen we niet. Kies een regio uit de lijst.")})
        super().__init__(queryset=Region.objects.filter(is_national=False), to_field_name="slug", **kwargs)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Zoekwoorden"),
        max_length=200,
        error_messages={
            "required": _("Vul een of meer zoekwoorden in, bijvoorbeeld 'leerplicht' of 'IB'."),
            "max_length": _("Gebruik hooguit 200 tekens."),
        },
    )
    regio = RegionChoiceField(label=_("Regio"))
    sector = forms.ModelChoiceField(
        label=_("Schoolsoort"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("Alle schoolsoorten"),
        error_messages={"invalid_choice": _("Deze schoolsoort kennen we niet.")},
    )

    def clean_q(self) -> str:
        query = self.cleaned_data["q"].strip()
        if not words(query):
            raise forms.ValidationError(
                _(
                    "Uw zoekvraag bevat geen woorden waarop we kunnen zoeken. Probeer bijvoorbeeld 'leerplicht', 'IB' of 'verzuim'."
                ),
                code="no_words",
            )
        return query

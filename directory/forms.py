"""Forms shared by the admin and the importers, so both enforce the same rules."""

from django import forms

from directory.models import School


def normalise_postcode(value: str) -> str:
    """'1011ab' -> '1011 AB'; anything that is not a Dutch postcode is returned as typed."""
    compact = (value or "").upper().replace(" ", "")
    if len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha():
        return f"{compact[:4]} {compact[4:]}"
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
        if postcode and not (len(postcode) == 7 and postcode[:4].isdigit()):
            raise forms.ValidationError(
                "Een postcode is vier cijfers en twee letters, bijvoorbeeld 1012 AB.", code="invalid_postcode"
            )
        return postcode

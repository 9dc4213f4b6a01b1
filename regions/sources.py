"""The handbooks that content is taken from, by seed file name."""

import re

from django.utils.translation import gettext_lazy as _

SOURCE_DOCUMENTS = {
    "000_1ffc61957d9ff2ff.txt": _("Gemeente Amsterdam e.a., Handreiking ondersteuningsstructuur school"),
    "001_321a2dbf725851ff.txt": _(
        "Aansluiting Onderwijs en Jeugdteams (AOJ-teams) in het voortgezet (speciaal) onderwijs in Amersfoort"
    ),
    "002_0f57419896c99924.txt": _("SWV PO Amsterdam-Diemen, Ondersteuningsplan 2021-2025, kernpunten voor ouders"),
    "003_f07f2212b64cfd03.txt": _(
        "SWV Onderwijs dat Past (Maassluis, Vlaardingen, Schiedam), Onderwijs-Zorg Aanbod (OZA), informatieblad"
    ),
    "004_cc0090ca4b27ba1b.txt": _("NJi, Kenniskaart verbinding onderwijs en jeugdhulp"),
    "demo": _("Voorbeeldgegevens (fictief)"),
    "duo": _("DUO open data, adressen van onderwijslocaties"),
    "redactie": _("Redactie van de regio"),
}
SOURCE_CHOICES = list(SOURCE_DOCUMENTS.items())

# A seed file's code or name at the start of a section ("002: Bezoekadres", "001_321a2dbf725851ff.txt – Bijlage 2"):
# readers know the document by its title, which the source line already gives.
FILE_CODE = re.compile(r"^\s*(?:\d{3}_[0-9a-f]+\.txt|\d{3})\s*[:–-]\s*")


class SourceMixin:
    """Readable title of the handbook an object was taken from."""

    source_document: str

    @property
    def source_title(self) -> str:
        return str(SOURCE_DOCUMENTS.get(self.source_document, self.source_document))

    @property
    def source_section_label(self) -> str:
        """The section as readers know it: without a file code in front."""
        return FILE_CODE.sub("", getattr(self, "source_section", "") or "")

    @property
    def source_label(self) -> str:
        """Document title and section, as the source line under content reads them."""
        section = self.source_section_label
        return f"{self.source_title}, {section}" if section else self.source_title

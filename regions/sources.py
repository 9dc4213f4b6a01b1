"""The handbooks that content is taken from, by seed file name."""

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


class SourceMixin:
    """Readable title of the handbook an object was taken from."""

    source_document: str

    @property
    def source_title(self) -> str:
        return str(SOURCE_DOCUMENTS.get(self.source_document, self.source_document))

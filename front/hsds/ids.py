"""Stable HSDS identifiers and the two fixed taxonomies (school sectors, handbooks).

HSDS wants UUIDs; our rows have a region and a slug that survive a reload of the content (database keys do not),
so every identifier is uuid5 of region, kind and slug. Child rows (a phone, a schedule, an address) are derived
from their parent's UUID and their own content, so they are stable too.
"""

from __future__ import annotations

import uuid

from regions.sources import SOURCE_DOCUMENTS

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wiedoetwat.nl/hsds/")

SECTOR_TAXONOMY = {
    "id": str(uuid.uuid5(NAMESPACE, "taxonomy/onderwijssector")),
    "name": "Onderwijssectoren",
    "description": "De schoolsoorten waarvoor een rol of dienst werkt (primair, voortgezet, speciaal onderwijs, ...).",
    "version": "1",
}
SOURCE_TAXONOMY = {
    "id": str(uuid.uuid5(NAMESPACE, "taxonomy/bron")),
    "name": "Bronnen",
    "description": "Het handboek of de bron waar een gegeven uit komt; de waarde van het kenmerk is het hoofdstuk.",
    "version": "1",
}
TAXONOMIES = [SECTOR_TAXONOMY, SOURCE_TAXONOMY]


def object_id(region_slug: str, kind: str, slug: str) -> str:
    """The UUID of a content row: `kind` is organisation, role or school."""
    return str(uuid.uuid5(NAMESPACE, f"{region_slug}/{kind}/{slug}"))


def child_id(parent_id: str, part: str) -> str:
    return str(uuid.uuid5(uuid.UUID(parent_id), part))


def sector_term_id(code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/onderwijssector/{code}"))


def source_term_id(document: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/bron/{document}"))


def sector_term(sector) -> dict:
    return {
        "id": sector_term_id(sector.code),
        "code": sector.code,
        "name": sector.name,
        "description": f"Onderwijssector: {sector.name}.",
        "taxonomy": SECTOR_TAXONOMY["name"],
        "taxonomy_id": SECTOR_TAXONOMY["id"],
        "language": "nl",
    }


def source_terms() -> list[dict]:
    return [
        {
            "id": source_term_id(key),
            "code": key,
            "name": str(title),
            "description": f"Bron: {title}.",
            "taxonomy": SOURCE_TAXONOMY["name"],
            "taxonomy_id": SOURCE_TAXONOMY["id"],
            "language": "nl",
        }
        for key, title in SOURCE_DOCUMENTS.items()
    ]

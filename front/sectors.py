"""The sector choice of a region's overview: which school types the region's content is about, and one type's part.

SBO and SO share one choice: the handbooks treat them together (both fall under the primary-school partnership),
so a parent or teacher of either finds the same roles and routes there.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectorChoice:
    slug: str
    label: str
    codes: tuple[str, ...]


CHOICES = (
    SectorChoice("po", "Basisonderwijs (PO)", ("po",)),
    SectorChoice("sbo-so", "Speciaal (SBO/SO)", ("sbo", "so")),
    SectorChoice("vo", "Voortgezet (VO)", ("vo",)),
    SectorChoice("vso", "Voortgezet speciaal (VSO)", ("vso",)),
    SectorChoice("pro", "Praktijkonderwijs", ("pro",)),
)
BY_SLUG = {choice.slug: choice for choice in CHOICES}


class UnknownSector(ValueError):
    pass


def choice_from_query(value: str | None) -> SectorChoice | None:
    """The choice named in `?sector=`, None when none is given; UnknownSector for anything else."""
    if value is None or value == "":
        return None
    choice = BY_SLUG.get(value.strip().lower()[:20])
    if choice is None:
        raise UnknownSector(value)
    return choice


def codes_of(item) -> set[str]:
    """Sector codes of a role, route, situation or meeting, read from its prefetched sectors."""
    return {sector.code for sector in item.sectors.all()}


def available(*groups) -> list[SectorChoice]:
    """The choices some of the given items are about, in the fixed order."""
    codes: set[str] = set()
    for items in groups:
        for item in items:
            codes |= codes_of(item)
    return [choice for choice in CHOICES if codes & set(choice.codes)]


def for_choice(items, choice: SectorChoice) -> list:
    """Items for the chosen sector: those naming it, and those naming no sector (they apply to every school)."""
    wanted = set(choice.codes)
    return [item for item in items if not codes_of(item) or codes_of(item) & wanted]

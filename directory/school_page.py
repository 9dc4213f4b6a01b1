"""What holds for one school, derived from the data: its own DUO details, its scope, and the organisations and
roles that serve every school of its municipality and sector. Each item says whom it holds for.

A handbook's partners show only where the region's `SchoolScope` says the handbook describes the schools there; for
a school that is only listed (VO in Soest, say) the page gets the scope's own words on what the handbook does not
cover, and no route, role or team that the handbook gives for another municipality. Named people stay what an
editor assigned (`School.assignments`); nothing here invents one. A fixed number of queries, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from directory.models import ContactChannel, Meeting, Organisation, OrganisationKind, Partnership, Role, School, SchoolScope
from regions.models import Sector

# Which partnership serves which sectors: an SWV PO the primary sectors, an SWV VO the secondary ones.
PARTNERSHIP_SECTORS = {"po": {"po", "sbo", "so"}, "vo": {"vo", "vso", "pro"}}
PRIMARY = {"po", "sbo", "so"}
LEERPLICHT = [OrganisationKind.LEERPLICHT]
JGZ = [OrganisationKind.GGD_JGZ, OrganisationKind.CJG]
HOME_TEAMS = [OrganisationKind.WIJKTEAM, OrganisationKind.OKT]


@dataclass
class Item:
    """One thing that holds for the school, and for whom: 'deze school' or 'alle scholen in <gemeente> / <sector>'."""

    holds_for: str
    organisations: list[Organisation] = field(default_factory=list)
    partnership: Partnership | None = None
    note: str = ""


@dataclass
class SchoolFacts:
    school: School
    scope: SchoolScope | None
    sectors: list[Sector]  # the sectors the location serves within its region's scope
    described: bool  # does the region's handbook describe this school's municipality (and sector)?
    partnerships: list[Item]
    partnership_note: str
    leerplicht: Item | None
    jgz: Item | None
    home_teams: list[Organisation]
    roles: list[Role]
    meetings: list[Meeting]  # the school's own consultations (AOJ-team, OT, ZAT) for its sectors
    roles_holds_for: str
    where: str  # "Amsterdam", "Weesp (gemeente Amsterdam)"


def _channels(viewer, prefix: str = "") -> Prefetch:
    return Prefetch(f"{prefix}channels", queryset=ContactChannel.objects.visible_to(viewer))


def school_facts(school: School, *, viewer) -> SchoolFacts:
    municipality = school.municipality
    scopes = {
        s.place.lower(): s for s in SchoolScope.objects.published().filter(municipality=municipality).prefetch_related("sectors")
    }
    scope = scopes.get(school.city.lower()) or scopes.get("")
    if scope is None:
        # No scope recorded for this municipality (an editor's own school, a test's): the region's content applies
        # to the school's sector as an editor placed it, as before scopes existed.
        sectors, described = [school.sector], True
    else:
        sectors = [s for s in scope.sectors.all() if s.code in school.sector_codes]
        described = scope.is_described and bool(sectors)
    where = municipality.name
    if school.city and school.city.lower() != municipality.name.lower():
        where = f"{school.city} (gemeente {municipality.name})"

    partnerships, partnership_note = [], ""
    if described and (scope is None or scope.partnership_known):
        found = (
            Partnership.objects.published()
            .select_related("sector", "organisation__region", "region")
            .prefetch_related(_channels(viewer, "organisation__"))
        )
        if school.partnership_id:  # an editor's choice for this school wins over the derived one
            partnerships = [Item("deze school", partnership=p) for p in found.filter(pk=school.partnership_id)]
        else:
            for partnership in found.filter(region=school.region, municipalities=municipality):
                served = [s for s in sectors if s.code in PARTNERSHIP_SECTORS.get(partnership.sector.code, set())]
                if served:
                    holds_for = f"alle scholen in {municipality.name} / {' en '.join(s.name.lower() for s in served)}"
                    partnerships.append(Item(holds_for, partnership=partnership))
        if school.cluster in ("1", "2"):
            partnership_note = (
                f"Deze school hoort bij cluster {school.cluster} van het speciaal onderwijs. Het handboek noemt de "
                "toelaatbaarheidsverklaring van het samenwerkingsverband alleen voor SBO en voor SO in cluster 3 en 4; "
                "voor cluster 1 en 2 zegt het niet welk samenwerkingsverband betrokken is."
            )
            partnerships = [p for p in partnerships if p.partnership.sector.code != "po"]
        if not partnerships and not partnership_note:
            partnership_note = f"De handboeken noemen geen samenwerkingsverband voor deze school in {where}."
    elif described:  # the handbooks do not give the SWV here (Weesp): the scope says so in its own words
        partnership_note = (
            scope.not_covered or f"De handboeken zeggen niet bij welk samenwerkingsverband scholen in {where} horen."
        )
    else:
        partnership_note = f"Het handboek van {school.region.name} noemt geen samenwerkingsverband voor scholen in {where}."

    leerplicht = jgz = None
    home_teams: list[Organisation] = []
    roles: list[Role] = []
    meetings: list[Meeting] = []
    if described:
        organisations = list(
            Organisation.objects.published()
            .filter(
                region=school.region,
                kind__in=LEERPLICHT + JGZ + HOME_TEAMS,
                service_areas__municipality=municipality,
            )
            .distinct()
            .select_related("region")
            .prefetch_related(_channels(viewer), "opening_hours")
            .order_by("name")
        )
        everyone = f"alle scholen in {municipality.name}"
        found_leerplicht = [o for o in organisations if o.kind in LEERPLICHT]
        leerplicht = Item(everyone, found_leerplicht) if found_leerplicht else None
        found_jgz = [o for o in organisations if o.kind in JGZ]
        jgz = Item(everyone, found_jgz) if found_jgz else None
        home_teams = [o for o in organisations if o.kind in HOME_TEAMS]
        roles = list(
            Role.objects.published()
            .filter(region=school.region, organisation__isnull=True, sectors__in=sectors)
            .distinct()
            .select_related("region")
            .order_by("name")
        )
        meetings = list(
            Meeting.objects.published()
            .filter(region=school.region, sectors__in=sectors)
            .distinct()
            .select_related("region")
            .order_by("name")
        )
    sector_names = " en ".join(s.name.lower() for s in sectors) or school.sector.name.lower()
    return SchoolFacts(
        school=school,
        scope=scope,
        sectors=sectors,
        described=described,
        partnerships=partnerships,
        partnership_note=partnership_note,
        leerplicht=leerplicht,
        jgz=jgz,
        home_teams=home_teams,
        roles=roles,
        meetings=meetings,
        roles_holds_for=f"elke school voor {sector_names} in {school.region.name}",
        where=where,
    )

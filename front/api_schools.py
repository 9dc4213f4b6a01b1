"""Schools in the API: DUO's fields and what the region's handbook covers for each school.

Only public data: DUO's open data about the location, and the scope (which is published content). People assigned
to a school are added by the API view, public ones only.
"""

from __future__ import annotations

from collections.abc import Callable

from directory.models import School


def scope_data(scopes: dict, school: School) -> dict | None:
    """What the region's handbook covers for this school: described or only listed, and for which sectors."""
    scope = scopes.get((school.municipality_id, school.city.lower())) or scopes.get((school.municipality_id, ""))
    if scope is None:
        return None
    return {
        "municipality": school.municipality.name,
        "place": scope.place,
        "coverage": scope.coverage,
        "sectors": [s.code for s in scope.sectors.all()],
        "described_by_handbook": scope.is_described and school.sector.code in {s.code for s in scope.sectors.all()},
        "partnership_known": scope.partnership_known,
        "covers": scope.covers,
        "not_covered": scope.not_covered,
    }


def school_data(school: School, scopes: dict, absolute: Callable[[str], str]) -> dict:
    return {
        "slug": school.slug,
        "name": school.name,
        "sector": school.sector.code,
        "municipality": school.municipality.name,
        "brin": school.brin,
        "location_number": school.location_number,
        "vestigingscode": school.code,
        "street": school.street,
        "postcode": school.postcode,
        "city": school.city,
        "phone": school.phone,
        "website": school.website,
        "board_number": school.board_number,
        "denomination": school.denomination,
        "duo_kind": school.duo_kind,
        "structure": school.structure,
        "cluster": school.cluster,
        "education": school.education,
        "duo_date": school.duo_date.isoformat() if school.duo_date else None,
        "closed_on": school.closed_on.isoformat() if school.closed_on else None,
        "scope": scope_data(scopes, school),
        "url": absolute(school.get_absolute_url()),
        "is_demo": school.is_demo,
    }

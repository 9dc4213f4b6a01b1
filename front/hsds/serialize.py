"""Our rows as HSDS 3.0 objects.

HSDS text fields are strings, never null: an empty field is left out (`_put`). Identifiers come from `ids`. Only
what the querysets hand in is shown, and they hand in public channels only.
"""

from __future__ import annotations

import re
from itertools import groupby

from django.http import HttpRequest

from front.hsds.ids import SOURCE_TAXONOMY, child_id, object_id, sector_term, source_term_id, source_terms

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
# "Bijlmerdreef 1289-2 (CEC-gebouw), 1103 TV Amsterdam": street, Dutch postcode, place.
ADDRESS = re.compile(r"^(?P<street>.+?),?\s+(?P<postcode>[1-9][0-9]{3}\s?[A-Za-z]{2})\s+(?P<city>[^,]+)$")
DUTCH = {"name": "Nederlands", "code": "nl"}
SOURCE_TERMS = {term["code"]: term for term in source_terms()}


def _put(data: dict, key: str, value) -> None:
    """Set a text field only when it has a value: HSDS leaves empty fields out rather than null."""
    if value not in (None, ""):
        data[key] = value


def rows(obj, relation: str) -> list:
    """The prefetched rows of `obj.<relation>`, read once: each `.all()` builds a new queryset, and a page of 50
    fully nested organisations would otherwise build thousands."""
    key = f"_hsds_{relation}"
    if key not in obj.__dict__:
        obj.__dict__[key] = list(getattr(obj, relation).all())
    return obj.__dict__[key]


def organisation_id(org) -> str:
    if "_hsds_id" not in org.__dict__:
        org.__dict__["_hsds_id"] = object_id(org.region.slug, "organisation", org.slug)
    return org.__dict__["_hsds_id"]


def role_id(role) -> str:
    if "_hsds_id" not in role.__dict__:
        role.__dict__["_hsds_id"] = object_id(role.region.slug, "role", role.slug)
    return role.__dict__["_hsds_id"]


def location_id(org, channel) -> str:
    return child_id(organisation_id(org), f"location/{channel.kind}/{channel.value}")


def service_at_location_id(role, org, channel) -> str:
    return child_id(role_id(role), f"at/{location_id(org, channel)}")


def source_attribute(obj, owner_id: str, entity: str) -> dict:
    """Where the handbook says it: the handbook as a term of the "Bronnen" taxonomy, the section as the value."""
    term = SOURCE_TERMS.get(obj.source_document) or {
        "id": source_term_id(obj.source_document),
        "name": obj.source_title,
        "description": f"Bron: {obj.source_title}.",
        "taxonomy_id": SOURCE_TAXONOMY["id"],
    }
    attribute = {
        "id": child_id(owner_id, "attribute/bron"),
        "link_id": owner_id,
        "link_type": "bron",
        "link_entity": entity,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }
    _put(attribute, "value", obj.source_section)
    return attribute


def _channels(org, kind: str) -> list:
    return [c for c in rows(org, "channels") if c.kind == kind] if org is not None else []


def phones(org, owner_id: str, owner_key: str) -> list[dict]:
    result = []
    for channel in _channels(org, "phone"):
        phone = {
            "id": child_id(owner_id, f"phone/{channel.value}"),
            owner_key: owner_id,
            "number": channel.value,
            "type": "voice",
        }
        _put(phone, "description", channel.label)
        phone["languages"] = [{"id": child_id(phone["id"], "language/nl"), "phone_id": phone["id"], **DUTCH}]
        result.append(phone)
    return result


def schedules(org, owner_id: str, owner_key: str) -> list[dict]:
    """Opening hours as weekly HSDS schedules; days with the same hours and note share one schedule."""
    if org is None:
        return []
    result = []
    hours = sorted(rows(org, "opening_hours"), key=lambda h: (h.opens, h.closes, h.note, h.weekday))
    for (opens, closes, note), group in groupby(hours, key=lambda h: (h.opens, h.closes, h.note)):
        days = [h.weekday for h in group]
        opens_at, closes_at = opens.strftime("%H:%M"), closes.strftime("%H:%M")
        description = f"{', '.join(DAY_NAMES[d] for d in days)} van {opens_at} tot {closes_at} (Nederlandse tijd)"
        schedule = {
            "id": child_id(owner_id, f"schedule/{','.join(BYDAY[d] for d in days)}/{opens_at}-{closes_at}/{note}"),
            owner_key: owner_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ",".join(BYDAY[d] for d in days),
            "opens_at": opens_at,
            "closes_at": closes_at,
            "description": description + (f": {note}" if note else ""),
        }
        _put(schedule, "notes", note)
        result.append(schedule)
    return result


def address(channel, location: str) -> dict:
    match = ADDRESS.match(channel.value.strip())
    parts = match.groupdict() if match else {"street": channel.value.strip(), "postcode": "", "city": ""}
    return {
        "id": child_id(location, "address"),
        "location_id": location,
        "address_1": parts["street"],
        "city": parts["city"].strip(),
        # Required by HSDS; our handbooks do not give the province, and we do not guess it.
        "state_province": "",
        "postal_code": parts["postcode"].upper(),
        "country": "NL",
        "address_type": "physical" if channel.kind == "address" else "postal",
    }


def location(org, channel) -> dict:
    """One of an organisation's addresses: a physical location (visiting address) or a postal one."""
    loc_id = location_id(org, channel)
    physical = channel.kind == "address"
    data = {
        "id": loc_id,
        "location_type": "physical" if physical else "postal",
        "organization_id": organisation_id(org),
        "name": org.name,
        "languages": [{"id": child_id(loc_id, "language/nl"), "location_id": loc_id, **DUTCH}],
        "addresses": [address(channel, loc_id)],
        "schedules": schedules(org, loc_id, "location_id") if physical else [],
    }
    _put(data, "description", channel.label)
    return data


def locations(org) -> list[dict]:
    return [location(org, c) for c in rows(org, "channels") if c.kind in ("address", "postal_address")]


def organisation_base(org, request: HttpRequest) -> dict:
    """The one-to-one fields of an organization (HSDS organization_list)."""
    data = {
        "id": organisation_id(org),
        "name": org.name,
        "description": org.description or f"{org.get_kind_display()} ({org.region.name}).",
    }
    _put(data, "alternate_name", org.short_name)
    emails, websites = _channels(org, "email"), _channels(org, "website")
    _put(data, "email", emails[0].value if emails else "")
    _put(data, "website", websites[0].value if websites else "")
    data["uri"] = request.build_absolute_uri(org.get_absolute_url())
    return data


def organisation(org, request: HttpRequest, *, full_service: bool) -> dict:
    """A fully nested organization; its services with every detail when `full_service`, else their main fields."""
    data = organisation_base(org, request)
    org_id = data["id"]
    data["phones"] = phones(org, org_id, "organization_id")
    data["locations"] = locations(org)
    data["attributes"] = [source_attribute(org, org_id, "organization")]
    data["services"] = [
        service(role, request, org=org, full=True, nest_organisation=False) if full_service else service_base(role, request, org)
        for role in rows(org, "roles")
    ]
    return data


def employer(role):
    """The role's organisation when it is published (a draft organisation is not shown anywhere)."""
    org = role.organisation
    return org if org is not None and org.is_published else None


def service_base(role, request: HttpRequest, org) -> dict:
    """The one-to-one fields of a service (HSDS service_list)."""
    data = {"id": role_id(role), "name": role.name, "status": "active"}
    if org is not None:
        data["organization_id"] = organisation_id(org)
    _put(data, "alternate_name", role.abbreviation)
    _put(data, "description", "\n\n".join(t for t in (role.summary, role.tasks) if t))
    data["url"] = request.build_absolute_uri(role.get_absolute_url())
    _put(data, "application_process", role.contact)
    eligibility = [f"Aanspreekbaar op: {role.approach_for}" if role.approach_for else "",
                   f"Niet voor: {role.not_for}" if role.not_for else ""]  # fmt: skip
    _put(data, "eligibility_description", "\n\n".join(e for e in eligibility if e))
    data["last_modified"] = role.updated_at.isoformat()
    return data


def service_areas(role, org, service: str) -> list[dict]:
    areas = []
    for area in rows(org, "service_areas") if org is not None else []:
        if area.postcode_from is not None:
            name = f"Postcodes {area.postcode_from}–{area.postcode_to}"
            description = f"Postcodegebied {area.postcode_from} tot en met {area.postcode_to}."
        else:
            name, description = area.municipality.name, f"Gemeente {area.municipality.name}."
        areas.append({"id": child_id(service, f"area/{name}"), "service_id": service, "name": name, "description": description})
    if not areas:  # the handbook's region is where the role works
        name = "Nederland" if role.region.is_national else role.region.name
        areas.append({"id": child_id(service, f"area/{name}"), "service_id": service, "name": name,
                      "description": "Landelijk." if role.region.is_national else f"Regio {role.region.name}."})  # fmt: skip
    return areas


def contacts(org, service: str) -> list[dict]:
    emails = _channels(org, "email")
    if not emails:
        return []
    return [{"id": child_id(service, "contact"), "service_id": service, "name": org.name, "email": emails[0].value}]


def service(role, request: HttpRequest, *, org=None, full: bool = True, nest_organisation: bool = True) -> dict:
    """A service (a role) with its phones, schedules, service areas, contacts, languages, sectors and source."""
    org = org if org is not None else employer(role)
    data = service_base(role, request, org)
    if not full:
        if nest_organisation and org is not None:
            data["organization"] = organisation_base(org, request)
        return data
    svc = data["id"]
    data["phones"] = phones(org, svc, "service_id")
    data["schedules"] = schedules(org, svc, "service_id")
    data["service_areas"] = service_areas(role, org, svc)
    data["contacts"] = contacts(org, svc)
    data["languages"] = [{"id": child_id(svc, "language/nl"), "service_id": svc, **DUTCH}]
    data["service_at_locations"] = (
        [
            service_at_location(role, org, c, request, nest=False)
            for c in rows(org, "channels")
            if c.kind in ("address", "postal_address")
        ]
        if org is not None
        else []
    )
    attributes = [
        {
            "id": child_id(svc, f"attribute/sector/{s.code}"),
            "link_id": svc,
            "link_type": "sector",
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }  # fmt: skip
        for s, term in ((s, sector_term(s)) for s in rows(role, "sectors"))
    ]
    data["attributes"] = [*attributes, source_attribute(role, svc, "service")]
    if nest_organisation and org is not None:
        data["organization"] = organisation_base(org, request)
    return data


def service_at_location(role, org, channel, request: HttpRequest, *, nest: bool = True) -> dict:
    """A role at one of its organisation's addresses. The official OpenAPI document describes
    /service_at_locations/{id} with the service schema, so the detail also carries the service's name and status."""
    data = {
        "id": service_at_location_id(role, org, channel),
        "service_id": role_id(role),
        "location_id": location_id(org, channel),
        "location": location(org, channel),
    }
    if nest:
        data.update(name=role.name, status="active", service=service_base(role, request, org))
    return data

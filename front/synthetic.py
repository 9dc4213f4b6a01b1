"""A reproducible synthetic Netherlands for benchmarks: regions, SWVs, municipalities, schools and assignments.

Everything it makes is marked synthetic: region names start with "Synthetisch", slugs with "synth-", every object's
source is the fictional "demo" source, and schools and people are flagged is_demo. It refuses to run on a database
that holds real content.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

from directory.models import (
    Assignment,
    ContactChannel,
    GlossaryTerm,
    Meeting,
    OpeningHours,
    Organisation,
    Partnership,
    Role,
    School,
    ServiceArea,
)
from parents.models import FlowNode, ParentFlow
from regions.models import ContentStatus, Municipality, Region, Sector
from routes.models import Route, Step, StepTransition, Trigger, TriggerRule

SOURCE = "demo"  # fictional data; the region names say "Synthetisch"
PUBLISHED = ContentStatus.PUBLISHED

PLACE_START = "Wester Ooster Noorder Zuider Hooge Lange Nieuw Oud Groot Klein Zand Berg Beek Linde Eike Wilgen Molen Kerk Heide Veen".split()
PLACE_END = "broek dam veen wijk dijk hoven horst lo sloot meer woude burg rade zijl voort dorp kerk haven stein hout".split()
SCHOOL_WORDS = (
    "De Linde, De Regenboog, Het Klimop, De Wereldwijzer, De Sterrenkijker, Het Kompas, De Vlinder, De Zonnewijzer, "
    "Het Palet, De Springplank, De Horizon, Het Baken, De Kameleon, De Boomgaard, Het Anker, De Duinroos, De Meander, "
    "Het Speelwerk, De Notenkraker, De Vuurtoren"
).split(", ")
VO_KINDS = ["College", "Lyceum", "Scholengemeenschap", "Praktijkschool", "Vakcollege"]
SURNAMES = (
    "de Vries, Jansen, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, "
    "Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, Kok, Jacobs, de Haan, "
    "Vermeulen, van Dijk, Schouten, Willems, Hoekstra"
).split(", ")

ROLE_TEMPLATE = [
    # slug, name, abbreviation, organisation kind (None: school staff), sectors
    ("intern-begeleider", "Intern begeleider", "IB'er", None, ["po"]),
    ("groepsleerkracht", "Groepsleerkracht", "", None, ["po"]),
    ("directeur", "Directeur", "", None, ["po", "vo"]),
    ("mentor", "Mentor", "", None, ["vo"]),
    ("ondersteuningscoordinator", "Ondersteuningscoördinator", "OC", None, ["vo"]),
    ("verzuimcoordinator", "Verzuimcoördinator", "", None, ["vo"]),
    ("ouder-kindadviseur", "Ouder- en kindadviseur", "OKA", "okt", ["po", "vo"]),
    ("jeugdarts", "Jeugdarts", "", "ggd_jgz", ["po", "vo"]),
    ("jeugdverpleegkundige", "Jeugdverpleegkundige", "", "ggd_jgz", ["po", "vo"]),
    ("leerplichtambtenaar", "Leerplichtambtenaar", "lpa", "leerplicht", ["po", "vo"]),
    ("wijkteammedewerker", "Wijkteammedewerker", "", "wijkteam", ["po", "vo"]),
    ("onderwijsadviseur", "Onderwijsadviseur", "", "swv", ["po", "vo"]),
]
ORG_TEMPLATE = [
    ("okt", "Ouder- en Kindteam"),
    ("ggd_jgz", "GGD Jeugdgezondheidszorg"),
    ("leerplicht", "Leerplicht"),
    ("wijkteam", "Wijkteam"),
    ("swv", "Samenwerkingsverband"),
]
SHARED_ROLES = "ouder-kindadviseur jeugdarts jeugdverpleegkundige leerplichtambtenaar wijkteammedewerker".split()
PO_ROLES = ["intern-begeleider", "groepsleerkracht", "directeur", *SHARED_ROLES, "onderwijsadviseur"]
VO_ROLES = ["mentor", "ondersteuningscoordinator", "verzuimcoordinator", "directeur", *SHARED_ROLES]


@dataclass(frozen=True)
class Scale:
    regions: int
    municipalities: int
    schools: int


SCALES = {
    # ~150 SWVs (a PO and a VO one per region), 340 municipalities, 7,000 locations, ~60,000 assignments.
    "national": Scale(regions=75, municipalities=340, schools=7000),
    "demo": Scale(regions=3, municipalities=8, schools=30),
}


class RealContentPresent(Exception):
    pass


def _place(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(PLACE_START) + rng.choice(PLACE_END)
        if name not in used:
            used.add(name)
            return name
        name = f"{name} aan de {rng.choice(['Maas', 'Vecht', 'IJssel', 'Rijn', 'Amstel', 'Linge'])}"
        if name not in used:
            used.add(name)
            return name


def generate(*, scale: Scale, seed: int = 20261124) -> dict[str, int]:
    """Create the synthetic dataset in one transaction; returns counts per kind."""
    if Region.objects.exclude(slug__startswith="synth-").filter(is_national=False, directory_role_set__isnull=False).exists():
        raise RealContentPresent("Deze database bevat echte inhoud; gebruik een aparte database (DATABASE_URL).")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    sectors = {s.code: s for s in Sector.objects.all()}
    national = Region.objects.get(is_national=True)
    used_places: set[str] = set()
    with transaction.atomic():
        regions = Region.objects.bulk_create(
            Region(
                slug=f"synth-{i:03d}",
                name=f"Synthetisch {i:03d}",
                short_name=f"Synth {i:03d}",
                order=100 + i,
                description="Synthetische regio voor metingen; geen echte gegevens.",
                maintainer="Synthetische gegevens",
            )
            for i in range(scale.regions)
        )
        municipalities = Municipality.objects.bulk_create(
            Municipality(
                region=regions[i % len(regions)],
                slug=f"synth-gemeente-{i:03d}",
                name=_place(rng, used_places),
                source_document=SOURCE,
            )
            for i in range(scale.municipalities)
        )
        by_region: dict[int, list[Municipality]] = {}
        for m in municipalities:
            by_region.setdefault(m.region_id, []).append(m)

        common = {"status": PUBLISHED, "source_document": SOURCE}
        organisations = Organisation.objects.bulk_create(
            Organisation(
                region=r,
                slug=f"{kind}-{r.slug}",
                name=f"{label} {by_region[r.pk][0].name}",
                kind=kind,
                description=f"{label} voor {r.name}.",
                **common,
            )
            for r in regions
            for kind, label in ORG_TEMPLATE
        )
        org_by = {(o.region_id, o.kind): o for o in organisations}
        channels, hours, areas = [], [], []
        for o in organisations:
            digits = f"0{rng.randint(10, 99)}-{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            channels.append(ContactChannel(organisation=o, kind="phone", value=digits, label="Algemeen nummer"))
            channels.append(ContactChannel(organisation=o, kind="email", value=f"info@{o.slug}.example.org", order=1))
            hours += [OpeningHours(organisation=o, weekday=d, opens="08:30", closes="17:00") for d in range(5)]
            if o.kind in ("okt", "wijkteam"):
                start = 1000 + (o.region_id * 97) % 8900
                areas.append(ServiceArea(organisation=o, postcode_from=start, postcode_to=min(start + 40, 9999)))
        ContactChannel.objects.bulk_create(channels)
        OpeningHours.objects.bulk_create(hours)
        ServiceArea.objects.bulk_create(areas)

        partnerships = Partnership.objects.bulk_create(
            Partnership(
                region=r,
                slug=f"swv-{code}-{r.slug}",
                name=f"Samenwerkingsverband {code.upper()} {r.name}",
                sector=sectors[code],
                organisation=org_by[(r.pk, "swv")],
                **common,
            )
            for r in regions
            for code in ("po", "vo")
        )
        swv_by = {(p.region_id, p.sector.code): p for p in partnerships}

        roles = Role.objects.bulk_create(
            Role(
                region=r,
                slug=slug,
                name=name,
                abbreviation=abbr,
                organisation=org_by.get((r.pk, kind)) if kind else None,
                summary=f"{name} in {r.name}.",
                tasks=f"Taken van de {name.lower()}.",
                approach_for=f"Vragen voor de {name.lower()}.",
                contact="Via de school.",
                **common,
            )
            for r in regions
            for slug, name, abbr, kind, _ in ROLE_TEMPLATE
        )
        Role.sectors.through.objects.bulk_create(
            Role.sectors.through(role_id=role.pk, sector_id=sectors[code].pk)
            for role in roles
            for code in next(t[4] for t in ROLE_TEMPLATE if t[0] == role.slug)
        )
        role_by = {(r.region_id, r.slug): r for r in roles}

        meetings = Meeting.objects.bulk_create(
            Meeting(
                region=r,
                slug="ondersteuningsteam",
                name="Ondersteuningsteam",
                abbreviation="OT",
                frequency="6 keer per jaar",
                chair=role_by[(r.pk, "intern-begeleider")],
                **common,
            )
            for r in regions
        )
        Meeting.members.through.objects.bulk_create(
            Meeting.members.through(meeting_id=m.pk, role_id=role_by[(m.region_id, slug)].pk)
            for m in meetings
            for slug in ("intern-begeleider", "ouder-kindadviseur", "jeugdarts")
        )

        routes = Route.objects.bulk_create(
            Route(
                region=r, slug="ondersteuningsroute", name="Ondersteuningsroute", kind="ladder", summary="Vijf niveaus.", **common
            )
            for r in regions
        )
        steps = Step.objects.bulk_create(
            Step(
                route=route,
                slug=f"niveau-{n}",
                order=n,
                code=f"Niveau {n}",
                title=f"Niveau {n}",
                description=f"Wat er op niveau {n} gebeurt.",
                regie_role=role_by[(route.region_id, "intern-begeleider")],
                source_document=SOURCE,
            )
            for route in routes
            for n in range(1, 6)
        )
        StepTransition.objects.bulk_create(
            StepTransition(from_step=a, to_step=b, kind="escalate")
            for a, b in zip(steps, steps[1:], strict=False)
            if a.route_id == b.route_id
        )
        route_region = {route.pk: route.region_id for route in routes}
        Step.roles.through.objects.bulk_create(
            Step.roles.through(step_id=s.pk, role_id=role_by[(route_region[s.route_id], slug)].pk)
            for s in steps
            for slug in ("intern-begeleider", "ouder-kindadviseur")
        )
        triggers = Trigger.objects.bulk_create(
            Trigger(
                region=r,
                slug="zorgelijk-ziekteverzuim",
                name="Zorgelijk ziekteverzuim",
                level=2,
                contact_role=role_by[(r.pk, "jeugdarts")],
                **common,
            )
            for r in regions
        )
        TriggerRule.objects.bulk_create(
            TriggerRule(trigger=t, metric=metric, op="gte", value=value)
            for t in triggers
            for metric, value in (("sick_reports_12w", 4), ("consecutive_sick_days", 7))
        )
        flows = ParentFlow.objects.bulk_create(
            ParentFlow(region=r, slug="waar-kan-ik-terecht", title="Waar kan ik terecht?", **common) for r in regions
        )
        FlowNode.objects.bulk_create(
            FlowNode(flow=flow, slug=slug, kind=kind, order=order, title=title, answers=answers)
            for flow in flows
            for slug, kind, order, title, answers in (
                (
                    "onderwerp",
                    "question",
                    1,
                    "Waar gaat uw zorg over?",
                    [{"label": "Leren", "to": "school"}, {"label": "Thuis", "to": "wijkteam"}],
                ),
                ("school", "outcome", 2, "Begin bij de school", []),
                ("wijkteam", "outcome", 3, "Het wijkteam helpt", []),
            )
        )
        GlossaryTerm.objects.bulk_create(
            GlossaryTerm(region=national, slug=f"synth-begrip-{i}", term=f"Synthetisch begrip {i}", **common) for i in range(100)
        )

        schools, school_roles = [], []
        for i in range(scale.schools):
            region = regions[i % len(regions)]
            municipality = rng.choice(by_region[region.pk])
            code = "po" if i % 5 else "vo"
            name = f"{'Basisschool' if code == 'po' else rng.choice(VO_KINDS)} {rng.choice(SCHOOL_WORDS)}"
            postcode = f"{1000 + rng.randint(0, 8999)} {chr(65 + rng.randint(0, 25))}{chr(65 + rng.randint(0, 25))}"
            schools.append(
                School(
                    region=region,
                    slug=f"school-{i:05d}",
                    name=name,
                    sector=sectors[code],
                    municipality=municipality,
                    partnership=swv_by[(region.pk, code)],
                    brin=f"{i // 26 % 100:02d}{chr(65 + i % 26)}{chr(65 + i // 2600 % 26)}",
                    location_number=f"{i % 100:02d}",
                    street=f"Schoolstraat {i % 200 + 1}",
                    postcode=postcode,
                    city=municipality.name,
                    is_demo=True,
                    **common,
                )
            )
            school_roles.append(PO_ROLES if code == "po" else VO_ROLES)
        School.objects.bulk_create(schools, batch_size=1000)
        assignments = []
        for school, slugs in zip(schools, school_roles, strict=True):
            for order, slug in enumerate(slugs):
                person = f"{chr(65 + rng.randint(0, 25))}. {rng.choice(SURNAMES)}"
                assignments.append(
                    Assignment(
                        region_id=school.region_id,
                        school=school,
                        role=role_by[(school.region_id, slug)],
                        person_name=person,
                        email=f"{slug}.{school.slug}@voorbeeld.example.org",
                        order=order,
                        visibility="public" if order % 2 else "professionals",
                        is_demo=True,
                        **common,
                    )
                )
        Assignment.objects.bulk_create(assignments, batch_size=2000)
    return {
        "regio's": len(regions),
        "samenwerkingsverbanden": len(partnerships),
        "gemeenten": len(municipalities),
        "organisaties": len(organisations),
        "rollen": len(roles),
        "scholen": len(schools),
        "toewijzingen": len(assignments),
    }

"""Small factories for test data; every test builds only what it needs."""

import secrets

import factory
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone

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
    SchoolScope,
    ServiceArea,
)
from regions.models import ContentStatus, Municipality, Region, RegionMembership, Sector
from routes.models import Route, Situation, Step, StepTransition, Trigger, TriggerRule


def sector(code: str = "po") -> Sector:
    return Sector.objects.get(code=code)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"testregio-{n}")
    name = factory.Sequence(lambda n: f"Testregio {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    region = factory.SubFactory(RegionFactory)
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")


class ContentFactory(factory.django.DjangoModelFactory):
    region = factory.SubFactory(RegionFactory)
    status = ContentStatus.PUBLISHED


class OrganisationFactory(ContentFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = "okt"


class ContactChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactChannel

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "phone"
    value = "020-123 4567"


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    organisation = factory.SubFactory(OrganisationFactory)
    weekday = 0
    opens = "09:00"
    closes = "17:00"


class RoleFactory(ContentFactory):
    class Meta:
        model = Role

    slug = factory.Sequence(lambda n: f"rol-{n}")
    name = factory.Sequence(lambda n: f"Rol {n}")
    tasks = "Doet dingen."


class SchoolFactory(ContentFactory):
    class Meta:
        model = School

    slug = factory.Sequence(lambda n: f"school-{n}")
    name = factory.Sequence(lambda n: f"School {n}")
    municipality = factory.SubFactory(MunicipalityFactory, region=factory.SelfAttribute("..region"))
    sector = factory.LazyFunction(lambda: sector("po"))
    is_demo = True


class SchoolScopeFactory(ContentFactory):
    class Meta:
        model = SchoolScope
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory, region=factory.SelfAttribute("..region"))

    @factory.post_generation
    def sectors(self, create, codes, **kwargs):
        self.sectors.set([sector(code) for code in codes or ["po"]])


class AssignmentFactory(ContentFactory):
    class Meta:
        model = Assignment

    school = factory.SubFactory(SchoolFactory)
    region = factory.SelfAttribute("school.region")
    role = factory.SubFactory(RoleFactory, region=factory.SelfAttribute("..region"))
    person_name = factory.Sequence(lambda n: f"Persoon {n}")
    is_demo = True


class MeetingFactory(ContentFactory):
    class Meta:
        model = Meeting

    slug = factory.Sequence(lambda n: f"overleg-{n}")
    name = factory.Sequence(lambda n: f"Overleg {n}")


class GlossaryTermFactory(ContentFactory):
    class Meta:
        model = GlossaryTerm

    slug = factory.Sequence(lambda n: f"begrip-{n}")
    term = factory.Sequence(lambda n: f"Begrip {n}")


class RouteFactory(ContentFactory):
    class Meta:
        model = Route

    slug = factory.Sequence(lambda n: f"route-{n}")
    name = factory.Sequence(lambda n: f"Route {n}")


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    route = factory.SubFactory(RouteFactory)
    order = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"stap-{n}")
    title = factory.Sequence(lambda n: f"Stap {n}")


class StepTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepTransition


class TriggerFactory(ContentFactory):
    class Meta:
        model = Trigger

    slug = factory.Sequence(lambda n: f"signaal-{n}")
    name = factory.Sequence(lambda n: f"Signaal {n}")


class TriggerRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TriggerRule

    trigger = factory.SubFactory(TriggerFactory)


class SituationFactory(ContentFactory):
    class Meta:
        model = Situation

    slug = factory.Sequence(lambda n: f"situatie-{n}")
    title = factory.Sequence(lambda n: f"Situatie {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("een-lang-wachtwoord-123")


def editor_of(region: Region, *, username: str, role: str = "editor"):
    user = UserFactory(username=username, is_staff=True)
    RegionMembership.objects.create(user=user, region=region, role=role)
    return user


def region_dataset(region: Region, *, size: int = 1, prefix: str = "") -> dict:
    """A region with `size` times a small directory: organisations with channels and hours, roles, meetings,
    a route with steps and a branch, triggers with rules, situations, schools with assignments.

    Query-count tests build it at size 1 and size 10 and assert the pages run the same number of queries.
    """
    po, vo = Sector.objects.get(code="po"), Sector.objects.get(code="vo")
    municipality = MunicipalityFactory(region=region, slug=f"{prefix}gemeente-{region.slug}", name=f"Gemeente {region.name}")
    data: dict = {"organisations": [], "roles": [], "schools": [], "municipality": municipality}
    route = RouteFactory(region=region, slug=f"{prefix}route", name="Testroute", kind="flow")
    route.sectors.set([po, vo])
    steps = []
    for i in range(size):
        org = OrganisationFactory(region=region, slug=f"{prefix}team-{i}", name=f"Buurtteam {i}", kind="wijkteam")
        ContactChannelFactory(organisation=org, kind="phone", value=f"020-555 {1000 + i}", order=0)
        ContactChannelFactory(organisation=org, kind="email", value=f"team{i}@example.org", order=1)
        ContactChannelFactory(organisation=org, kind="phone", value=f"06-1234 {5000 + i}", visibility="professionals", order=2)
        OpeningHoursFactory(organisation=org, weekday=0)
        ServiceArea.objects.create(organisation=org, postcode_from=1000 + 10 * i, postcode_to=1009 + 10 * i)
        role = RoleFactory(region=region, slug=f"{prefix}rol-{i}", name=f"Wijkteammedewerker {i}", organisation=org,
                           tasks="Helpt gezinnen.", approach_for="Opvoedvragen.", not_for="Onderwijs.")  # fmt: skip
        role.sectors.set([po, vo])
        meeting = MeetingFactory(region=region, slug=f"{prefix}overleg-{i}", name=f"Ondersteuningsteam {i}", chair=role)
        meeting.members.set([role])
        step = StepFactory(route=route, slug=f"{prefix}stap-{i}", order=i + 1, title=f"Stap {i}", regie_role=role,
                           branch="stagnatie" if i and i == size - 1 else "")  # fmt: skip
        step.roles.set([role])
        step.meetings.set([meeting])
        if steps:
            StepTransitionFactory(from_step=steps[-1], to_step=step, kind="escalate")
        steps.append(step)
        trigger = TriggerFactory(region=region, slug=f"{prefix}signaal-{i}", name=f"Signaal {i}", route=route, step=step,
                                 contact_role=role)  # fmt: skip
        TriggerRuleFactory(trigger=trigger, metric="sick_reports_12w", op="gte", value=4 + i)
        situation = SituationFactory(region=region, slug=f"{prefix}situatie-{i}", route=route, step=step)
        situation.contacts.create(role=role, order=0)
        situation.sectors.set([po])
        partnership = Partnership.objects.create(region=region, slug=f"{prefix}swv-{i}", name=f"SWV {i}", sector=po,
                                                 organisation=org, status="published")  # fmt: skip
        for j in range(3):
            school = SchoolFactory(region=region, slug=f"{prefix}school-{i}-{j}", name=f"School {i}-{j}", sector=po,
                                   municipality=municipality, partnership=partnership, postcode=f"{1000 + i} AB")  # fmt: skip
            AssignmentFactory(school=school, role=role, organisation=org, person_name=f"Persoon {i}-{j}",
                              phone="06-1111 2222", email=f"p{i}{j}@example.org", visibility="professionals")  # fmt: skip
            AssignmentFactory(school=school, role=role, person_name=f"Team {i}-{j}", phone="020-555 0000",
                              visibility="public")  # fmt: skip
            data["schools"].append(school)
        data["organisations"].append(org)
        data["roles"].append(role)
    data.update(route=route, steps=steps)
    return data


def start_token(seconds_ago: float = 10) -> str:
    """What the correction form puts in its hidden field: a signed start time and a random part."""
    return signing.dumps([timezone.now().timestamp() - seconds_ago, secrets.token_urlsafe(12)], salt="wdw-correction")


def correction_data(**extra) -> dict:
    """A correction as a person sends it: a fresh form, filled in for a while, about a page of region A."""
    return {"message": "Het nummer is veranderd.", "started": start_token(), "pagina": "/amsterdam-diemen/", **extra}

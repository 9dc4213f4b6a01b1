"""Small factories for test data; every test builds only what it needs."""

import factory
from django.contrib.auth import get_user_model

from directory.models import Assignment, ContactChannel, GlossaryTerm, Meeting, OpeningHours, Organisation, Role, School
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
    password = factory.PostGenerationMethodCall("set_password", "een-lang-wachtwoord-123")


def editor_of(region: Region, *, username: str, role: str = "editor"):
    user = UserFactory(username=username, is_staff=True)
    RegionMembership.objects.create(user=user, region=region, role=role)
    return user

"""The model's rules: one region per object, slugs unique per region, ordered steps, no orphaned content."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from directory.models import OpeningHours, Role, ServiceArea
from regions.models import Region
from routes.models import Step
from tests import factories


def test_the_three_regions_and_the_national_scope_exist(db):
    slugs = set(Region.objects.values_list("slug", flat=True))
    assert {"amsterdam-diemen", "amersfoort", "maassluis-vlaardingen-schiedam", "landelijk"} <= slugs
    assert Region.objects.filter(is_national=True).count() == 1


def test_a_second_national_region_is_refused(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(slug="nog-een", name="Nog een", is_national=True)


def test_slug_is_unique_within_a_region(region_a):
    factories.RoleFactory(region=region_a, slug="intern-begeleider")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.RoleFactory(region=region_a, slug="intern-begeleider")


def test_same_slug_is_allowed_in_another_region(region_a, region_b):
    factories.RoleFactory(region=region_a, slug="leerplichtambtenaar")
    factories.RoleFactory(region=region_b, slug="leerplichtambtenaar")
    assert Role.objects.filter(slug="leerplichtambtenaar").count() == 2


def test_every_content_object_needs_a_region(db):
    role = Role(slug="zonder-regio", name="Zonder regio")
    with pytest.raises(ValidationError) as excinfo:
        role.full_clean()
    assert "region" in excinfo.value.message_dict


def test_steps_come_in_their_order(region_a):
    route = factories.RouteFactory(region=region_a)
    factories.StepFactory(route=route, order=3, slug="drie")
    factories.StepFactory(route=route, order=1, slug="een")
    factories.StepFactory(route=route, order=2, slug="twee")
    assert [s.slug for s in route.steps.all()] == ["een", "twee", "drie"]


def test_two_steps_cannot_share_a_place_in_a_route(region_a):
    route = factories.RouteFactory(region=region_a)
    factories.StepFactory(route=route, order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.StepFactory(route=route, order=1)


def test_deleting_an_organisation_that_employs_a_role_is_refused(region_a):
    organisation = factories.OrganisationFactory(region=region_a)
    factories.RoleFactory(region=region_a, organisation=organisation)
    with pytest.raises(ProtectedError):
        organisation.delete()


def test_deleting_a_region_with_content_is_refused(region_a):
    factories.RoleFactory(region=region_a)
    with pytest.raises(ProtectedError):
        region_a.delete()


def test_deleting_a_role_used_in_a_route_step_as_regiehouder_is_refused(region_a):
    role = factories.RoleFactory(region=region_a)
    factories.StepFactory(route=factories.RouteFactory(region=region_a), regie_role=role)
    with pytest.raises(ProtectedError):
        role.delete()


def test_admin_refuses_an_orphaning_delete_with_a_clear_message(admin_client, region_a):
    organisation = factories.OrganisationFactory(region=region_a, name="Ouder- en Kindteam Test")
    factories.RoleFactory(region=region_a, organisation=organisation, name="Ouder- en kindadviseur")
    response = admin_client.post(f"/beheer/directory/organisation/{organisation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "Ouder- en kindadviseur" in response.content.decode()
    assert "kan niet worden verwijderd" in response.content.decode()
    organisation.refresh_from_db()


def test_a_role_cannot_belong_to_an_organisation_of_another_region(region_a, region_b):
    organisation = factories.OrganisationFactory(region=region_b)
    role = factories.RoleFactory.build(region=region_a, organisation=organisation, slug="x", name="X")
    with pytest.raises(ValidationError) as excinfo:
        role.full_clean()
    assert "organisation" in excinfo.value.message_dict


def test_a_role_may_use_a_national_organisation(region_a, national):
    organisation = factories.OrganisationFactory(region=national)
    role = factories.RoleFactory.build(region=region_a, organisation=organisation, slug="x", name="X")
    role.full_clean()


def test_an_assignment_takes_the_region_of_its_school(region_a):
    assignment = factories.AssignmentFactory(school=factories.SchoolFactory(region=region_a))
    assert assignment.region == region_a


def test_an_assignment_cannot_use_a_role_of_another_region(region_a, region_b):
    school = factories.SchoolFactory(region=region_a)
    role = factories.RoleFactory(region=region_b)
    assignment = factories.AssignmentFactory.build(school=school, region=region_a, role=role, person_name="P")
    with pytest.raises(ValidationError):
        assignment.full_clean()


def test_opening_hours_must_close_after_they_open(region_a):
    hours = OpeningHours(organisation=factories.OrganisationFactory(region=region_a), weekday=0, opens="17:00", closes="09:00")
    with pytest.raises(ValidationError) as excinfo:
        hours.full_clean()
    assert "sluitingstijd" in str(excinfo.value)


def test_a_service_area_needs_a_municipality_or_a_complete_postcode_range(region_a):
    organisation = factories.OrganisationFactory(region=region_a)
    with pytest.raises(ValidationError):
        ServiceArea(organisation=organisation).full_clean()
    with pytest.raises(ValidationError):
        ServiceArea(organisation=organisation, postcode_from=1100).full_clean()
    with pytest.raises(ValidationError):
        ServiceArea(organisation=organisation, postcode_from=1109, postcode_to=1100).full_clean()
    ServiceArea(organisation=organisation, postcode_from=1100, postcode_to=1109).full_clean()


def test_a_step_transition_must_stay_within_its_route(region_a):
    step_a = factories.StepFactory(route=factories.RouteFactory(region=region_a))
    step_b = factories.StepFactory(route=factories.RouteFactory(region=region_a))
    transition = factories.StepTransitionFactory.build(from_step=step_a, to_step=step_b)
    with pytest.raises(ValidationError):
        transition.full_clean()


def test_steps_and_their_route_cannot_cross_regions_through_the_regiehouder(region_a, region_b):
    step = Step(route=factories.RouteFactory(region=region_a), order=1, slug="s", title="S",
                regie_role=factories.RoleFactory(region=region_b))  # fmt: skip
    with pytest.raises(ValidationError):
        step.full_clean()

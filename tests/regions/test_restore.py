"""Delete → restore in the admin brings back all of it: the same page, and every row that went with the object."""

import re

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from directory.models import Faq, Partnership, ServiceArea
from parents.models import FlowNode, ParentFlow
from regions.models import ContentVersion, DeletedObject
from routes.models import QuickscanItem, QuickscanTheme
from tests import factories

# -- each content model with children or links, built with them, and the pages that show it --------------------


def parents_flow(region, organisation=None):
    flow = ParentFlow.objects.create(region=region, slug="wegwijzer", title="Waar kan ik terecht?", status="published")
    FlowNode.objects.create(flow=flow, slug="start", kind="question", order=1, title="Gaat het om school?",
                            answers=[{"label": "Ja", "to": "school"}, {"label": "Nee", "to": "thuis"}])  # fmt: skip
    school = FlowNode.objects.create(flow=flow, slug="school", kind="outcome", order=2, title="Praat met de school")
    FlowNode.objects.create(flow=flow, slug="thuis", kind="outcome", order=3, title="Bel het wijkteam", sensitive=True)
    if organisation:
        school.organisations.add(organisation)
    return flow, school


def node_page(region, node) -> str:
    return reverse("parents:node", kwargs={"region": region.slug, "node": node.pk})


def organisation(region):
    org = factories.OrganisationFactory(region=region, slug="ouderteam", name="Ouderteam", description="Helpt *ouders*.")
    factories.ContactChannelFactory(organisation=org, kind="phone", value="020-555 1234", order=0)
    factories.ContactChannelFactory(organisation=org, kind="email", value="team@example.org", order=1)
    factories.ContactChannelFactory(organisation=org, kind="phone", value="06-1234 5678", visibility="professionals", order=2)
    factories.OpeningHoursFactory(organisation=org, weekday=0)
    factories.OpeningHoursFactory(organisation=org, weekday=2, opens="13:00", closes="16:00")
    ServiceArea.objects.create(organisation=org, postcode_from=1000, postcode_to=1019)
    ServiceArea.objects.create(organisation=org, municipality=factories.MunicipalityFactory(region=region))
    _flow, outcome = parents_flow(region, org)
    return org, [org.get_absolute_url(), node_page(region, outcome)]


def route_with_steps(region):
    route = factories.RouteFactory(region=region, slug="zorgroute", name="Zorgroute", kind="flow")
    route.sectors.set([factories.sector("po"), factories.sector("vo")])
    role = factories.RoleFactory(region=region, slug="ib", name="Intern begeleider")
    meeting = factories.MeetingFactory(region=region, slug="ot", name="Ondersteuningsteam")
    steps = [factories.StepFactory(route=route, order=i, slug=f"stap-{i}", title=f"Stap {i}") for i in (1, 2, 3)]
    for step in steps:
        step.roles.set([role])
        step.meetings.set([meeting])
    factories.StepTransitionFactory(from_step=steps[0], to_step=steps[1], kind="escalate", label="als het niet lukt")
    factories.StepTransitionFactory(from_step=steps[1], to_step=steps[2], kind="escalate")
    factories.StepTransitionFactory(from_step=steps[2], to_step=steps[0], kind="deescalate")
    return route, steps, role, meeting


def route(region):
    obj, *_rest = route_with_steps(region)
    return obj, [obj.get_absolute_url()]


def step(region):
    obj, steps, _role, _meeting = route_with_steps(region)
    return steps[1], [obj.get_absolute_url()]


def role(region):
    _route, steps, _role, meeting = route_with_steps(region)
    obj = factories.RoleFactory(region=region, slug="oka", name="Ouder-kindadviseur", approach_for="Opvoeden.")
    obj.sectors.set([factories.sector("po")])
    meeting.members.add(obj)
    steps[0].roles.add(obj)
    return obj, [obj.get_absolute_url(), steps[0].route.get_absolute_url(), meeting.get_absolute_url().split("#")[0]]


def meeting(region):
    obj = factories.MeetingFactory(region=region, slug="zat", name="Zorg- en adviesteam", purpose="Bespreekt zorgen.")
    obj.sectors.set([factories.sector("vo")])
    obj.members.set([factories.RoleFactory(region=region, slug="lpa", name="Leerplichtambtenaar"),
                     factories.RoleFactory(region=region, slug="jga", name="Jeugdarts")])  # fmt: skip
    route_obj, steps, _role, _meeting = route_with_steps(region)
    steps[2].meetings.add(obj)
    return obj, [obj.get_absolute_url().split("#")[0], route_obj.get_absolute_url()]


def trigger(region):
    route_obj, steps, role_obj, _meeting = route_with_steps(region)
    obj = factories.TriggerFactory(region=region, slug="verzuim", name="Zorgelijk verzuim", route=route_obj, step=steps[0],
                                   contact_role=role_obj, match="all")  # fmt: skip
    factories.TriggerRuleFactory(trigger=obj, metric="sick_reports_12w", op="gte", value=4)
    factories.TriggerRuleFactory(trigger=obj, metric="attendance_pct", op="lt", value=90)
    return obj, [route_obj.get_absolute_url()]


def situation(region):
    obj = factories.SituationFactory(region=region, slug="thuiszitten", title="Thuiszitten", description="Niet naar school.")
    obj.sectors.set([factories.sector("po")])
    obj.contacts.create(role=factories.RoleFactory(region=region, slug="lpa", name="Leerplichtambtenaar"), order=0)
    obj.contacts.create(role=factories.RoleFactory(region=region, slug="ib", name="Intern begeleider"), order=1)
    return obj, [obj.get_absolute_url()]


def parentflow(region):
    flow, outcome = parents_flow(region, factories.OrganisationFactory(region=region, slug="okt", name="OKT"))
    return flow, [flow.get_absolute_url(), node_page(region, outcome)]


def quickscantheme(region):
    obj = QuickscanTheme.objects.create(region=region, slug="samenwerken", order=1, name="Samenwerken", status="published")
    QuickscanItem.objects.create(theme=obj, order=1, text="We kennen elkaar.")
    QuickscanItem.objects.create(theme=obj, order=2, text="We weten wie wat doet.")
    return obj, [reverse("admin:routes_quickscantheme_change", args=[obj.pk])]  # no public page shows the quickscan


def school(region):
    obj = factories.SchoolFactory(region=region, slug="de-linde", name="De Linde")
    factories.AssignmentFactory(school=obj, person_name="Team Zorg", phone="020-555 0000", visibility="public")
    factories.AssignmentFactory(school=obj, person_name="Anna", email="anna@example.org", visibility="professionals")
    return obj, [obj.get_absolute_url()]


def partnership(region):
    obj = Partnership.objects.create(region=region, slug="swv", name="SWV", sector=factories.sector("po"), status="published")
    obj.municipalities.set([factories.MunicipalityFactory(region=region), factories.MunicipalityFactory(region=region)])
    return obj, [reverse("admin:directory_partnership_change", args=[obj.pk])]  # shown nowhere else with its links


def municipality(region):
    obj = factories.MunicipalityFactory(region=region, slug="diemen", name="Diemen")
    swv = Partnership.objects.create(region=region, slug="swv", name="SWV", sector=factories.sector("po"), status="published")
    swv.municipalities.set([obj])
    return obj, [reverse("admin:directory_partnership_change", args=[swv.pk])]


def glossaryterm(region):  # no children: the plain case still works
    obj = factories.GlossaryTermFactory(region=region, slug="oka", term="Ouder-kindadviseur", synonyms=["OKA"])
    return obj, [obj.get_absolute_url()]


CASES = [organisation, route, step, role, meeting, trigger, situation, parentflow, quickscantheme, school, partnership,
         municipality, glossaryterm]  # fmt: skip


# -- reading pages and rows -------------------------------------------------------------------------------------------


def shown(reader: Client, address: str) -> tuple[int, str]:
    """The status and what the page shows: its <main>, or for an admin form the values it and its inlines hold."""
    response = reader.get(address)
    if address.startswith("/beheer/"):
        if response.status_code != 200:
            return response.status_code, ""
        forms = [response.context["adminform"].form]
        forms += [form for inline in response.context["inline_admin_formsets"] for form in inline.formset.initial_forms]
        return 200, repr([sorted((k, str(v)) for k, v in form.initial.items()) for form in forms])
    match = re.search(r"<main\b.*?</main>", response.content.decode(), re.S)
    return response.status_code, match.group(0) if match else ""


def row_counts() -> dict[str, int]:
    """Rows per table of every content, child and link table (not history, not the prullenbak itself)."""
    skip = {DeletedObject, ContentVersion}
    return {
        m._meta.label: m._base_manager.count()
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in ("regions", "directory", "routes", "parents")
        and m not in skip
        and not m.__name__.startswith("Historical")
    }


def admin_url(obj, action: str, *args) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_delete_then_restore_in_the_admin_brings_back_the_same_page_and_every_row(
    client, editor_a, professional, region_a, case, django_capture_on_commit_callbacks
):
    obj, pages = case(region_a)
    reader = Client()
    reader.force_login(editor_a if pages[0].startswith("/beheer/") else professional)  # a session skips the page cache
    before, rows = [shown(reader, p) for p in pages], row_counts()
    client.force_login(editor_a)
    with django_capture_on_commit_callbacks(execute=True):  # as in production: the content version moves on commit
        assert client.post(admin_url(obj, "delete", obj.pk), {"post": "yes"}).status_code == 302
    assert [shown(reader, p) for p in pages] != before, "the delete must show, or the comparison below proves nothing"
    assert row_counts() != rows
    listing = client.get(admin_url(obj, "deleted")).content.decode()
    restore = re.search(r'href="(/beheer/[^"]+/verwijderd/\d+/)"', listing).group(1)
    assert "Ja, zet terug" in client.get(restore).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(restore).status_code == 302
    assert [shown(reader, p) for p in pages] == before
    assert row_counts() == rows


def test_the_prullenbak_lists_what_went_with_the_object(client, editor_a, region_a):
    org, _pages = organisation(region_a)
    client.force_login(editor_a)
    client.post(admin_url(org, "delete", org.pk), {"post": "yes"})
    listing = client.get(admin_url(org, "deleted")).content.decode()
    assert "Ouderteam" in listing and "3 contactgegevens" in listing and "2 openingstijden" in listing
    assert "2 werkgebieden" in listing and "1 koppeling" in listing


def test_a_restore_whose_slug_was_taken_meanwhile_is_refused_in_dutch_and_changes_nothing(client, editor_a, region_a):
    org, _pages = organisation(region_a)
    client.force_login(editor_a)
    client.post(admin_url(org, "delete", org.pk), {"post": "yes"})
    factories.OrganisationFactory(region=region_a, slug="ouderteam", name="Nieuw ouderteam")
    rows = row_counts()
    entry = DeletedObject.objects.get(label="Ouderteam")
    response = client.post(admin_url(org, "restore", entry.pk))
    assert response.status_code == 409 and "bestaat al" in response.content.decode()
    assert row_counts() == rows and DeletedObject.objects.pending().filter(pk=entry.pk).exists()


def test_a_restore_that_needs_an_object_deleted_since_says_which_one(client, editor_a, region_a):
    _route, steps, _role, _meeting = route_with_steps(region_a)
    client.force_login(editor_a)
    client.post(admin_url(steps[0], "delete", steps[0].pk), {"post": "yes"})  # takes its transitions with it
    client.post(admin_url(steps[1], "delete", steps[1].pk), {"post": "yes"})
    first = DeletedObject.objects.get(label=str(steps[0]))
    response = client.post(admin_url(steps[0], "restore", first.pk))
    assert response.status_code == 409 and f"stap met nummer {steps[1].pk}" in response.content.decode()
    second = DeletedObject.objects.get(label=str(steps[1]))
    assert client.post(admin_url(steps[1], "restore", second.pk)).status_code == 302
    assert client.post(admin_url(steps[0], "restore", first.pk)).status_code == 302
    assert steps[0].next_links.count() == 1 and steps[0].previous_links.count() == 1


def test_a_restored_object_gets_a_version_that_says_it_came_back(client, editor_a, region_a):
    faq = Faq.objects.create(region=region_a, slug="vraag", question="Wie helpt?", answer="Het OKT.", status="published")
    client.force_login(editor_a)
    client.post(admin_url(faq, "delete", faq.pk), {"post": "yes"})
    client.post(admin_url(faq, "restore", DeletedObject.objects.get().pk))
    latest = Faq.history.filter(id=faq.pk).first()
    assert latest.history_type == "+" and latest.history_change_reason == "teruggezet uit de prullenbak"
    assert latest.history_user == editor_a


def test_bulk_delete_puts_each_object_in_the_prullenbak(client, editor_a, region_a):
    orgs = [factories.OrganisationFactory(region=region_a, slug=f"org-{i}", name=f"Org {i}") for i in range(2)]
    for org in orgs:
        factories.ContactChannelFactory(organisation=org)
    client.force_login(editor_a)
    client.post(reverse("admin:directory_organisation_changelist"),
                {"action": "delete_selected", "_selected_action": [o.pk for o in orgs], "post": "yes"})  # fmt: skip
    assert sorted(DeletedObject.objects.values_list("label", flat=True)) == ["Org 0", "Org 1"]
    assert all(entry.summary == [["contactgegeven", 1]] for entry in DeletedObject.objects.all())


def test_a_step_deleted_in_its_routes_form_lands_in_the_steps_prullenbak(client, editor_a, region_a):
    route_obj, steps, _role, _meeting = route_with_steps(region_a)
    client.force_login(editor_a)
    form = client.get(admin_url(route_obj, "change", route_obj.pk)).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | dict)}
    data.update(sectors=[s.pk for s in route_obj.sectors.all()], status="published", region=region_a.pk,
                **{"steps-TOTAL_FORMS": 3, "steps-INITIAL_FORMS": 3})  # fmt: skip
    for i, s in enumerate(steps):
        data.update({f"steps-{i}-id": s.pk, f"steps-{i}-route": route_obj.pk, f"steps-{i}-order": s.order,
                     f"steps-{i}-slug": s.slug, f"steps-{i}-title": s.title})  # fmt: skip
    data["steps-2-DELETE"] = "on"
    assert client.post(admin_url(route_obj, "change", route_obj.pk), data).status_code == 302
    entry = DeletedObject.objects.get()
    assert entry.label == str(steps[2])
    assert str(steps[2]) in client.get(admin_url(steps[2], "deleted")).content.decode()

"""The vCard download: values escaped as RFC 6350 asks, so no value can add a property line of its own."""

import pytest
from django.urls import reverse

from tests import factories

PROPERTIES = ("BEGIN:", "VERSION:", "FN:", "N:", "ORG:", "TITLE:", "TEL;", "EMAIL;", "NOTE:", "END:")


def vcard_lines(client, school) -> list[str]:
    response = client.get(reverse("directory:school_vcard", args=[school.region.slug, school.slug]))
    assert response.status_code == 200
    # splitlines() breaks at every character some reader may take for a line end (CR, LF, VT, FF, NEL, U+2028, ...)
    return response.content.decode().splitlines()


@pytest.mark.parametrize("phone", ["020\r\nURL:https://evil.example", "020\nURL:https://evil.example",
                                   "020\rURL:https://evil.example", "020\x85URL:https://evil.example",
                                   "020\u2028URL:https://evil.example", "020\x0bURL:https://evil.example"])  # fmt: skip
def test_a_line_break_in_a_phone_number_adds_no_property_line(client, region_a, phone):
    school = factories.SchoolFactory(region=region_a)
    factories.AssignmentFactory(school=school, person_name="Jan", phone=phone, visibility="public")
    lines = vcard_lines(client, school)
    assert [line for line in lines if not line.startswith(PROPERTIES)] == []
    tel = next(line for line in lines if line.startswith("TEL;"))
    assert tel.endswith("URL:https://evil.example") and tel.startswith("TEL;TYPE=WORK,VOICE:020")


def test_an_organisation_channel_with_a_line_break_adds_no_property_line(client, region_a):
    school = factories.SchoolFactory(region=region_a)
    organisation = factories.OrganisationFactory(region=region_a)
    factories.ContactChannelFactory(organisation=organisation, kind="phone", value="020 123 4567\r\nURL:https://evil.example")
    factories.AssignmentFactory(school=school, role__organisation=organisation, visibility="professionals")
    lines = vcard_lines(client, school)  # anonymous: the organisation's channels stand in for the person
    assert [line for line in lines if not line.startswith(PROPERTIES)] == []
    assert "TEL;TYPE=WORK,VOICE:020 123 4567\\nURL:https://evil.example" in lines


def test_backslashes_commas_and_semicolons_are_escaped(client, region_a):
    school = factories.SchoolFactory(region=region_a, name="De Boog; de Brug")
    factories.AssignmentFactory(school=school, person_name="Vries, J. de \\ IB", visibility="public")
    lines = vcard_lines(client, school)
    assert "FN:Vries\\, J. de \\\\ IB" in lines and "N:Vries\\, J. de \\\\ IB;;;;" in lines
    assert "ORG:De Boog\\; de Brug" in lines


def test_other_control_characters_are_left_out(client, region_a):
    school = factories.SchoolFactory(region=region_a)
    factories.AssignmentFactory(school=school, person_name="Jan\x07\x1b[31m de Vries\x7f", visibility="public")
    assert "FN:Jan[31m de Vries" in vcard_lines(client, school)

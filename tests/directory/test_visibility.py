"""Who sees "professionals only" contact details: one rule, `visible_to(user)`, for every page, the vCard and the API."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from directory.models import Assignment, ContactChannel
from tests import factories
from tests.caching import clear_cache

PRIVATE_CHANNEL = "06-1234 5000"  # the professionals-only channel of Buurtteam 0 in region_dataset
PRIVATE_PERSON = "Persoon 0-0"  # a professionals-only assignment at School 0-0


@pytest.fixture
def data(region_a):
    clear_cache()
    return factories.region_dataset(region_a, size=1)


@pytest.fixture
def plain_user(db):
    """Signed in, but neither an invited professional nor an editor."""
    return factories.UserFactory(username="gewone-gebruiker")


def test_public_details_are_for_everyone_and_the_others_only_for_professionals(data, professional, editor_a, plain_user):
    private_channel = ContactChannel.objects.get(value=PRIVATE_CHANNEL)
    public_channel = ContactChannel.objects.get(value="020-555 1000")
    private_person = Assignment.objects.get(person_name=PRIVATE_PERSON)
    for viewer, sees_private in [(AnonymousUser(), False), (plain_user, False), (professional, True), (editor_a, True)]:
        assert public_channel.visible_to(viewer)
        assert private_channel.visible_to(viewer) is sees_private
        assert private_person.visible_to(viewer) is sees_private
        # the querysets apply the very same rule
        assert (private_channel in ContactChannel.objects.visible_to(viewer)) is sees_private
        assert (private_person in Assignment.objects.visible_to(viewer)) is sees_private


def pages(data) -> dict[str, str]:
    region = data["route"].region.slug
    return {
        "school": data["schools"][0].get_absolute_url(),  # the partnership's organisation is Buurtteam 0
        "organisation": data["organisations"][0].get_absolute_url(),
        "role": data["roles"][0].get_absolute_url(),
        "region": f"/{region}/",
        "team_finder": reverse("directory:team_finder", args=[region]) + "?postcode=1005",
        "situation": f"/{region}/situaties/situatie-0/",
    }


@pytest.mark.parametrize("name", ["school", "organisation", "role", "region", "team_finder", "situation"])
def test_signed_in_professionals_see_professionals_only_channels(client, data, professional, name):
    url = pages(data)[name]
    assert PRIVATE_CHANNEL not in client.get(url).content.decode()
    client.force_login(professional)
    assert PRIVATE_CHANNEL in client.get(url).content.decode()


@pytest.mark.parametrize("name", ["school", "organisation", "role", "region", "situation"])
def test_the_cached_anonymous_page_never_holds_professionals_only_details(client, data, professional, name):
    url = pages(data)[name]
    signed_in = client.__class__()
    signed_in.force_login(professional)
    assert PRIVATE_CHANNEL in signed_in.get(url).content.decode()  # rendered for a professional first
    anonymous = client.get(url)
    assert PRIVATE_CHANNEL not in anonymous.content.decode() and PRIVATE_PERSON not in anonymous.content.decode()
    assert client.get(url).content == anonymous.content  # and what the cache now serves is the anonymous page
    assert PRIVATE_CHANNEL in signed_in.get(url).content.decode()  # while the professional still gets their own


def test_the_school_page_asks_to_sign_in_only_when_something_is_hidden(client, data, professional):
    url = data["schools"][0].get_absolute_url()
    assert "inlogt als professional" in client.get(url).content.decode()
    client.force_login(professional)
    html = client.get(url).content.decode()
    assert PRIVATE_PERSON in html and "inlogt als professional" not in html


@pytest.mark.parametrize("path", ["organisaties/", "scholen/", "hsds.json"])
def test_the_api_never_gives_professionals_only_details_not_even_to_a_professional(client, data, professional, path):
    client.force_login(professional)
    body = client.get(f"/api/v1/{data['route'].region.slug}/{path}", follow=True).content.decode()
    assert PRIVATE_CHANNEL not in body and PRIVATE_PERSON not in body and "06-1111 2222" not in body


def test_the_vcard_follows_the_same_rule(client, data, professional):
    url = reverse("directory:school_vcard", args=[data["route"].region.slug, data["schools"][0].slug])
    anonymous = client.get(url).content.decode()
    assert PRIVATE_PERSON not in anonymous and PRIVATE_CHANNEL not in anonymous
    assert "TEL;TYPE=WORK,VOICE:020-555 1000" in anonymous  # the organisation's public number stands in
    client.force_login(professional)
    assert f"FN:{PRIVATE_PERSON}" in client.get(url).content.decode()

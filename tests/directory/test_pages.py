"""The professionals' directory pages: what a visitor sees, who sees private contacts, and constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.caching import clear_cache


def page_urls(data) -> dict[str, str]:
    region = data["route"].region.slug
    school, role, org = data["schools"][0], data["roles"][0], data["organisations"][0]
    return {
        "home": "/",
        "region": f"/{region}/",
        "school_list": f"/{region}/scholen/",
        "school": school.get_absolute_url(),
        "vcard": reverse("directory:school_vcard", args=[region, school.slug]),
        "role": role.get_absolute_url(),
        "organisation": org.get_absolute_url(),
        "route": data["route"].get_absolute_url(),
        "route_position": data["route"].get_absolute_url() + f"?stap={data['steps'][0].slug}",
        "situations": reverse("routes:situation_list", args=[region]),
        "situation": f"/{region}/situaties/situatie-0/",
        "team_finder": reverse("directory:team_finder", args=[region]) + "?postcode=1005",
        "check": reverse("routes:attendance_check", args=[region]) + "?sick_reports_12w=5",
        "compare": reverse("routes:compare"),
        "search": reverse("front:search") + "?q=wijkteam&regio=" + region,
        "glossary": reverse("directory:glossary"),
    }


def test_the_school_page_shows_public_contacts_with_click_to_call(client, data):
    response = client.get(data["schools"][0].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:+31205550000"' in html  # the public team line
    assert "Team 0-0" in html
    assert "Buurtteam 0" in html and 'href="tel:+31205551000"' in html  # the organisation's public channel instead


def test_professionals_only_contacts_are_hidden_from_anonymous_visitors(client, data):
    html = client.get(data["schools"][0].get_absolute_url()).content.decode()
    assert "Persoon 0-0" not in html and "06-1111 2222" not in html and "p00@example.org" not in html
    assert "alleen zichtbaar voor ingelogde professionals" in html
    assert "06-1234 5000" not in html  # the organisation's private channel neither


def test_signed_in_professionals_see_direct_contacts(client, data, professional):
    client.force_login(professional)
    html = client.get(data["schools"][0].get_absolute_url()).content.decode()
    assert "Persoon 0-0" in html and 'href="mailto:p00@example.org"' in html and 'href="tel:+31611112222"' in html


def test_the_vcard_holds_the_contacts_a_visitor_may_see(client, data, professional):
    url = reverse("directory:school_vcard", args=[data["route"].region.slug, data["schools"][0].slug])
    anonymous = client.get(url)
    assert anonymous["Content-Type"].startswith("text/vcard")
    body = anonymous.content.decode()
    assert body.count("BEGIN:VCARD") == 2 and "Team 0-0" in body and "Persoon 0-0" not in body
    assert "TEL;TYPE=WORK,VOICE:020-555 1000" in body  # the organisation stands in for the private person
    client.force_login(professional)
    assert "EMAIL;TYPE=INTERNET:p00@example.org" in client.get(url).content.decode()


def test_the_school_page_names_the_route_for_its_sector(client, data):
    html = client.get(data["schools"][0].get_absolute_url()).content.decode()
    assert data["route"].get_absolute_url() in html


def test_the_school_page_has_a_print_stylesheet(client, data):
    html = client.get(data["schools"][0].get_absolute_url()).content.decode()
    assert 'media="print"' in html


def test_schools_are_found_by_name_place_and_postcode(client, data, region_a):
    url = reverse("directory:school_list", args=[region_a.slug])
    assert "School 1-2" in client.get(url, {"q": "school 1-2"}).content.decode()
    by_postcode = client.get(url, {"q": "1001 AB"}).content.decode()
    assert "School 1-0" in by_postcode and "School 0-0" not in by_postcode


def test_the_team_finder_gives_the_team_of_the_home_postcode(client, data, region_a):
    url = reverse("directory:team_finder", args=[region_a.slug])
    html = client.get(url, {"postcode": "1012 AB"}).content.decode()
    assert "Het team voor postcode 1012" in html and "Buurtteam 1" in html and "Buurtteam 0</a>" not in html


@pytest.mark.parametrize("postcode", ["abc", "12", "0999", "1012ABC", "²²²²", "¹⁰⁵⁵", "١٠٥٥", "1012 ÅB", "9" * 5000, "\x00"])
def test_the_team_finder_rejects_a_bad_postcode_in_dutch(client, data, region_a, postcode):
    response = client.get(reverse("directory:team_finder", args=[region_a.slug]), {"postcode": postcode})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit is geen Nederlandse postcode" in html or "Vul een postcode in" in html


def test_a_parameter_that_is_not_a_postcode_leaves_the_team_finder_unanswered_not_refused(client, data, region_a):
    response = client.get(reverse("directory:team_finder", args=[region_a.slug]), {"utm_source": "nieuwsbrief"})
    assert response.status_code == 200
    assert "Dit is geen Nederlandse postcode" not in response.content.decode()


@pytest.mark.parametrize("query", ["\x00", "School\x00", "²²²²", "x" * 10_000])
def test_an_odd_school_search_is_answered_not_an_error(client, data, region_a, query):
    response = client.get(reverse("directory:school_list", args=[region_a.slug]), {"q": query, "pagina": "²"})
    assert response.status_code == 200


def test_role_page_shows_the_three_handbook_parts_and_where_the_role_takes_part(client, data):
    html = client.get(data["roles"][0].get_absolute_url()).content.decode()
    for text in ("Rol, taken en verantwoordelijkheden", "Aanspreekbaarheid", "Contact", "Helpt gezinnen.", "Onderwijs.",
                 "Ondersteuningsteam 0", "(voorzitter)", "(heeft de regie)", "Buurtteam 0"):  # fmt: skip
        assert text in html


def test_an_unknown_region_or_school_is_a_404_in_dutch(client, data, region_a):
    for url in ("/atlantis/", f"/{region_a.slug}/scholen/bestaat-niet/", f"/{region_a.slug}/rollen/bestaat-niet/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "niet gevonden" in response.content.decode().lower()


def test_draft_content_is_not_shown(client, data):
    role = data["roles"][0]
    role.status = "draft"
    role.save()
    assert client.get(role.get_absolute_url()).status_code == 404


def test_a_published_change_shows_on_the_next_request_despite_the_page_cache(client, data, django_capture_on_commit_callbacks):
    role = data["roles"][0]
    assert "Helpt gezinnen." in client.get(role.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        role.tasks = "Nieuwe taakomschrijving."
        role.save()
    assert "Nieuwe taakomschrijving." in client.get(role.get_absolute_url()).content.decode()


def count_queries(client, url) -> int:
    clear_cache()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", [
    "home", "region", "school_list", "school", "vcard", "role", "organisation", "route", "route_position",
    "situations", "situation", "team_finder", "check", "compare", "search", "glossary",
])  # fmt: skip
def test_queries_per_page_do_not_grow_with_ten_times_the_data(client, region_a, region_b, professional, page):
    small = page_urls(factories.region_dataset(region_a, size=1))
    large = page_urls(factories.region_dataset(region_b, size=10))
    client.force_login(professional)  # signed in: the page cache is bypassed, so the queries are real
    assert count_queries(client, large[page]) == count_queries(client, small[page])


def test_anonymous_visitors_get_a_cached_page_with_the_same_headers(client, data):
    url = data["roles"][0].get_absolute_url()
    first = client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        second = client.get(url)
    assert second.content == first.content
    assert len(ctx.captured_queries) == 1  # only the content version
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_signed_in_professionals_never_get_the_anonymous_cached_page(client, data, professional):
    url = data["schools"][0].get_absolute_url()
    assert "Persoon 0-0" not in client.get(url).content.decode()
    client.force_login(professional)
    assert "Persoon 0-0" in client.get(url).content.decode()

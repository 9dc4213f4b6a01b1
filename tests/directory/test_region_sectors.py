"""The region overview shows one sector at a time, chosen by a plain link with the choice in the URL."""

import pytest

from tests import factories
from tests.directory.test_pages import count_queries


def test_the_overview_offers_only_the_sectors_the_region_has_as_links(client, data, region_a):
    html = client.get(f"/{region_a.slug}/").content.decode()
    assert 'href="?sector=po"' in html and 'href="?sector=vo"' in html  # the dataset's roles serve PO and VO
    assert 'href="?sector=pro"' not in html and 'href="?sector=vso"' not in html
    assert html.index('id="school-q"') < html.index('href="?sector=po"')  # the school search comes first


def test_one_sector_shows_its_roles_once_and_not_other_sectors_roles(client, data, region_a):
    vo_only = factories.RoleFactory(region=region_a, slug="alleen-vo", name="Alleen-VO-rol")
    vo_only.sectors.set([factories.sector("vo")])
    po = client.get(f"/{region_a.slug}/?sector=po").content.decode()
    vo = client.get(f"/{region_a.slug}/?sector=vo").content.decode()
    assert "Alleen-VO-rol" in vo and "Alleen-VO-rol" not in po
    role = data["roles"][0]
    roles_section = po[po.index('id="rollen"') : po.index('id="routes"')]
    assert roles_section.count(f'href="{role.get_absolute_url()}"') == 1  # the role serves PO and VO: listed once
    assert 'aria-current="page">Basisonderwijs (PO)' in po


@pytest.mark.parametrize("value", ["xx", "PO ", "po;drop", "é" * 50])
def test_an_unknown_sector_is_a_400_in_dutch(client, data, region_a, value):
    response = client.get(f"/{region_a.slug}/", {"sector": value})
    if value.strip().lower() == "po":
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert "Deze schoolsoort kennen we niet" in response.content.decode()


def test_queries_for_one_sector_do_not_grow_with_ten_times_the_data(client, region_a, region_b, professional):
    factories.region_dataset(region_a, size=1)
    factories.region_dataset(region_b, size=10)
    client.force_login(professional)
    assert count_queries(client, f"/{region_b.slug}/?sector=po") == count_queries(client, f"/{region_a.slug}/?sector=po")

"""What is cached for everyone: only for hosts we serve, and only from published content."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories


def test_a_cached_page_is_refused_for_a_host_we_do_not_serve(client, region_a):
    url = region_a.get_absolute_url()
    assert client.get(url).status_code == 200  # now in the page cache
    response = client.get(url, headers={"host": "evil.example"})
    assert response.status_code == 400
    assert region_a.name not in response.content.decode()
    assert "Dit verzoek kunnen we niet beantwoorden" in response.content.decode()  # in Dutch, like every page


def test_a_page_cached_for_one_host_is_never_served_for_another(client, db):
    url = reverse("api:regions")
    assert "http://testserver/" in client.get(url).content.decode()
    response = client.get(url, headers={"host": "localhost"})
    assert "http://localhost/" in response.content.decode() and "testserver" not in response.content.decode()


def national_editor():
    """National content is edited by the site's administrators."""
    return factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)


def national_draft(kind: str, national):
    """A national draft whose title holds a word that appears nowhere else."""
    if kind == "term":
        return factories.GlossaryTermFactory(region=national, term="Zwijgplichtregeling", status="draft")
    return factories.RoleFactory(region=national, name="Zwijgplichtregeling-coach", status="draft")


@pytest.mark.parametrize("kind", ["term", "role"])
def test_a_national_drafts_word_is_never_suggested_to_visitors_after_an_editor_previewed_it(client, national, kind):
    national_draft(kind, national)
    client.force_login(national_editor())
    preview = client.get("/voorbeeld" + reverse("front:search"), {"q": "zwijgplichtregeling"})
    assert preview.status_code == 200 and "Zwijgplichtregeling" in preview.content.decode()  # the editor sees it
    client.logout()

    response = client.get(reverse("front:search"), {"q": "zwjgplichtregeling"})  # a typo of the draft's word
    assert response.status_code == 200
    assert "zwijgplichtregeling" not in response.content.decode().lower()


def test_a_word_that_expired_overnight_is_no_longer_suggested(client, region_a, monkeypatch):
    today = timezone.localdate()
    factories.RoleFactory(region=region_a, name="Zwijgplichtregeling-coach", expire_on=today + datetime.timedelta(days=1))
    url = reverse("front:search")
    assert "zwijgplichtregeling" in client.get(url, {"q": "zwjgplichtregeling"}).content.decode().lower()

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    assert "zwijgplichtregeling" not in client.get(url, {"q": "zwjgplichtregeling"}).content.decode().lower()


@pytest.mark.filterwarnings("error::django.core.cache.backends.base.CacheKeyWarning")
def test_a_page_with_a_long_or_odd_query_string_is_cached_under_a_key_every_cache_accepts(client, db):
    url = reverse("api:regions") + "?x=" + "é " * 300
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url).content == first.content

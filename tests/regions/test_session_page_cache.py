"""Signed-in visitors get cached pages too, one copy per visibility level, with their own CSRF token and messages."""

import re

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, len(ctx.captured_queries)


def test_a_professional_gets_a_cached_copy_of_the_professional_page(client, data, professional):
    url = data["schools"][0].get_absolute_url()
    client.force_login(professional)
    first, full = queries(client, url)
    second, cached = queries(client, url)
    assert "Persoon 0-0" in second.content.decode()  # the professionals-only contact
    assert cached < full and cached <= 6  # session, user, groups, OTP device, content version
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_signed_in_non_professional_never_gets_the_professional_copy(client, data, professional):
    url = data["schools"][0].get_absolute_url()
    client.force_login(professional)
    assert "Persoon 0-0" in client.get(url).content.decode()
    member = Client()
    member.force_login(factories.UserFactory(username="lid"))
    html = member.get(url).content.decode()
    assert "Persoon 0-0" not in html and "Uitloggen" in html


def test_the_logout_form_of_a_cached_page_carries_the_requesters_own_token(data, professional):
    url = data["roles"][0].get_absolute_url()
    other = factories.UserFactory(username="collega")
    other.groups.set(professional.groups.all())
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(professional)
    second.force_login(other)
    first.get(url)  # renders and stores the page
    token = TOKEN.search(second.get(url).content.decode()).group(1)
    response = second.post("/uitloggen/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302  # a token from the first user's page would get 403
    assert "_auth_user_id" not in second.session


def test_a_waiting_message_is_shown_not_swallowed_by_the_cache(client, data, professional):
    url = data["roles"][0].get_absolute_url()
    client.force_login(professional)
    client.get(url)  # stored
    # The cookie Django's message framework sets after a form was sent (as the correction form does).
    client.cookies["messages"] = CookieStorage(None)._encode([Message(constants.SUCCESS, "Uw wijziging is opgeslagen.")])
    assert "Uw wijziging is opgeslagen." in client.get(url).content.decode()
    assert "Uw wijziging is opgeslagen." not in client.get(url).content.decode()


def test_a_published_change_shows_to_signed_in_visitors_on_the_next_request(
    client, data, professional, django_capture_on_commit_callbacks
):
    role = data["roles"][0]
    client.force_login(professional)
    assert "Helpt gezinnen." in client.get(role.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        role.tasks = "Nieuwe taakomschrijving."
        role.save()
    assert "Nieuwe taakomschrijving." in client.get(role.get_absolute_url()).content.decode()

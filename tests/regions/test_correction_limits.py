"""The correction form's limits hold with several workers behind a proxy: per client, shared, and once per form."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory
from django.urls import reverse

from regions.limits import RateLimit
from regions.models import Correction
from tests.factories import correction_data

PROXY = "10.0.0.7"
TOO_MANY = "Probeer het over een uur opnieuw"


def send(client, **headers):
    return client.post(reverse("correction"), correction_data(), **headers)


def test_two_visitors_behind_the_trusted_proxy_each_get_their_own_five(client, db, settings):
    settings.TRUSTED_PROXY_IPS = [f"{PROXY}/32"]
    first = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for _ in range(5):
        assert send(client, **first).status_code == 302
    refused = send(client, **first)
    assert refused.status_code == 429 and TOO_MANY in refused.content.decode()
    assert send(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302
    assert Correction.objects.count() == 6


def test_a_forwarded_for_header_from_an_untrusted_peer_is_ignored(client, db, settings):
    settings.TRUSTED_PROXY_IPS = [f"{PROXY}/32"]
    for n in range(5):
        assert send(client, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code == 302
    assert send(client, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_addresses_a_visitor_puts_in_front_of_the_proxys_do_not_escape_the_limit(client, db, settings):
    settings.TRUSTED_PROXY_IPS = [f"{PROXY}/32"]
    for n in range(5):
        made_up = f"192.0.2.{n}, 203.0.113.5"  # the visitor wrote the first one; the proxy appended the second
        assert send(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=made_up).status_code == 302
    assert send(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5").status_code == 429


def test_the_same_form_sent_twice_is_refused_the_second_time(client, db):
    data = correction_data()
    assert client.post(reverse("correction"), data).status_code == 302
    replay = client.post(reverse("correction"), data)
    assert replay.status_code == 409 and "Deze melding is al verstuurd" in replay.content.decode()
    assert Correction.objects.count() == 1


def test_a_form_sent_back_for_a_fix_can_still_be_sent(client, db):
    data = correction_data(message="")
    assert client.post(reverse("correction"), data).status_code == 400
    assert client.post(reverse("correction"), {**data, "message": "Het adres klopt niet."}).status_code == 302


def test_login_lockouts_count_the_same_client_address_behind_the_trusted_proxy(settings):
    settings.TRUSTED_PROXY_IPS = [f"{PROXY}/32"]
    request = RequestFactory().post("/inloggen/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5")
    assert get_client_ip_address(request) == "203.0.113.5"


SHARED_CACHE = os.environ.get("CACHE_URL", "").startswith(("redis://", "rediss://"))
OTHER_WORKER = """
import django
django.setup()
from regions.views import CORRECTIONS
for _ in range(5):
    assert CORRECTIONS.spend("203.0.113.77")
"""


@pytest.mark.skipif(not SHARED_CACHE, reason="needs a cache that several processes share: CACHE_URL=redis://...")
def test_corrections_counted_by_another_worker_process_count_here_too(client, db):
    """Another process (another gunicorn worker, or another machine) accepts five corrections from a visitor."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    root = Path(__file__).resolve().parents[2]
    worker = subprocess.run([sys.executable, "-c", OTHER_WORKER], cwd=root, env=env, capture_output=True, text=True)
    assert worker.returncode == 0, worker.stderr
    response = send(client, REMOTE_ADDR="203.0.113.77")
    assert response.status_code == 429 and TOO_MANY in response.content.decode()
    assert not Correction.objects.exists()


def test_when_two_workers_race_for_the_last_correction_only_one_gets_it(db):
    limit = RateLimit("race", limit=1, window=60)
    assert not limit.exhausted("203.0.113.8") and not limit.exhausted("203.0.113.8")  # both workers see it free
    assert [limit.spend("203.0.113.8"), limit.spend("203.0.113.8")] == [True, False]

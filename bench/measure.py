"""Measure one database at one data size: server time over HTTP through gunicorn, and SQL queries per page.

Run by bench/run.py with DATABASE_URL and DJANGO_SETTINGS_MODULE=bench.settings set; prints one JSON object.

- Time: each page is requested `BENCH_REPEAT` times over loopback from gunicorn (2 workers, production
  settings); the figure is the wall time of the whole request as the client sees it. Anonymous pages are
  served from the page cache after the first request, as in production.
- Floor: the same school page's HTML, saved as a file and served by WhiteNoise in the same gunicorn.
- Queries: counted in-process with an empty page cache, so the figure is what rendering the page costs.
- Uncached: the same pages for a signed-in professional (a session bypasses the page cache), i.e. full rendering.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.server import gunicorn  # noqa: E402
from directory.models import Role, School  # noqa: E402
from regions.models import Region  # noqa: E402
from routes.models import Route  # noqa: E402

SEARCHES = ["leerplichtambtenaar", "intern begeleider", "4 ziekmeldingen", "thuiszitten", "leerplichtambtenar"]


def pick_pages() -> dict[str, str | None]:
    """One representative URL per page kind, chosen from what the database holds."""
    school = School.objects.published().select_related("region").order_by("pk").first()
    region = school.region if school else Region.objects.filter(is_national=False).first()
    role = Role.objects.published().filter(region=region).order_by("pk").first()
    route = Route.objects.published().filter(region=region).order_by("pk").first()
    pages = {
        "home": "/",
        "region": f"/{region.slug}/",
        "school": school.get_absolute_url() if school else None,
        "role": role.get_absolute_url() if role else None,
        "route": route.get_absolute_url() if route else None,
        "parents_flow_step": f"/ouders/{region.slug}/",
        "api_list": f"/api/v1/{region.slug}/scholen/",
    }
    for n, query in enumerate(SEARCHES, start=1):
        pages[f"search_{n}"] = f"/zoeken/?q={query.replace(' ', '+')}&regio={region.slug}"
    return pages


def count_queries(client: Client, url: str) -> tuple[int, int]:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response.status_code


def professional_cookie() -> str:
    """A signed-in professional's session: such requests bypass the page cache, so they measure full rendering."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = get_user_model().objects.get_or_create(username="bench-professional", defaults={"email": "bench@example.org"})
    user.groups.add(Group.objects.get_or_create(name="Professionals")[0])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def timed(base: str, url: str, repeat: int, cookie: str = "") -> list[float]:
    def fetch() -> None:
        request = urllib.request.Request(base + url, headers={"Cookie": cookie} if cookie else {})
        try:
            urllib.request.urlopen(request, timeout=30).read()
        except urllib.error.HTTPError as exc:
            exc.read()

    for _ in range(3):
        fetch()  # warm both workers' caches and connections
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fetch()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def main() -> None:
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    client = Client()
    pages = pick_pages()
    queries = {name: count_queries(client, url) for name, url in pages.items() if url}
    if pages["school"]:
        floor_file = Path(settings.WHITENOISE_ROOT) / "school-floor.html"
        floor_file.write_bytes(client.get(pages["school"]).content)
    cookie = professional_cookie()
    connection.close()

    results: dict[str, dict] = {}
    with gunicorn(os.environ["DATABASE_URL"]) as base:
        floor = summary(timed(base, "/school-floor.html", repeat)) if pages["school"] else None
        if floor:
            results["static_floor"] = {**floor, "queries": 0, "ratio_to_static": 1.0, "status": 200}
        for name, url in pages.items():
            if url is None:
                results[name] = {"error": "geen gegevens"}
                continue
            figures = summary(timed(base, url, repeat))
            ratio = round(figures["median_ms"] / floor["median_ms"], 2) if floor else None
            full = summary(timed(base, url, repeat, cookie))
            count, status = queries[name]
            results[name] = {**figures, "queries": count, "ratio_to_static": ratio, "status": status, "url": url,
                             "uncached_median_ms": full["median_ms"], "uncached_p95_ms": full["p95_ms"]}  # fmt: skip
    print(json.dumps(results))


if __name__ == "__main__":
    main()

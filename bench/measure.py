"""Measure one database at one data size: server time over HTTP through gunicorn, and SQL queries per page.

Run by bench/run.py with DATABASE_URL and DJANGO_SETTINGS_MODULE=bench.settings set; prints one JSON object.

- Time: each page is requested `BENCH_REPEAT` times over loopback from gunicorn (2 workers, production
  settings); the figure is the wall time of the whole request as the client sees it. Anonymous pages are
  served from the page cache after the first request, as in production.
- Floor: the same school page's HTML, saved as a file and served by WhiteNoise in the same gunicorn.
- Queries: counted in-process with an empty page cache, so the figure is what rendering the page costs.
- Uncached: the same pages for a signed-in professional with the page caches switched off (BENCH_PAGE_CACHE=off,
  a second gunicorn), i.e. full rendering, as before signed-in visitors had a page cache of their own.
- Signed in: the same pages for a signed-in professional as production serves them (per-visibility-level cache).
- handbook_pdf: the time to generate one region's handbook PDF (front.handbook.render_pdf) in-process, without
  its cache, `min(BENCH_REPEAT, 5)` times; budget PDF_BUDGET_MS.
- Weight: what a first visit downloads, from the real responses: the page's HTML and every stylesheet it links,
  each gzip-compressed as a server would send it (level 6); fonts (woff2, already compressed) apart.
"""

from __future__ import annotations

import gzip
import json
import os
import re
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
from front.handbook import render_pdf  # noqa: E402
from regions.models import Region  # noqa: E402
from routes.models import Route  # noqa: E402

PDF_BUDGET_MS = 3000
SEARCHES = [
    "leerplichtambtenaar",
    "intern begeleider",
    "4 ziekmeldingen",
    "thuiszitten",
    "leerplichtambtenar",
    # Added for issue 15 (keys search_6 and up): compounds, typos and whole questions.
    "verzuimmelding",
    "eetstoornis",
    "ondersteuningscordinator",
    "wie betaalt dyslexie onderzoek",
    "kind wordt gepest",
    "wat moet ik doen als een leerling vaak verzuimt",
]


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
        # HSDS 3.0: a page of 50 organizations, each fully nested with its services (budget: p95 <= 50 ms, uncached).
        "hsds_orgs_full_50": "/api/hsds/organizations?full_service=true&per_page=50",
        "handbook": f"/{region.slug}/handboek/",
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


STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"')
FONT = re.compile(r'<link[^>]+href="([^"]+\.woff2)"')


def fetch_body(base: str, url: str) -> bytes:
    try:
        return urllib.request.urlopen(base + url, timeout=30).read()
    except urllib.error.HTTPError as exc:
        return exc.read()


def weight(base: str, url: str) -> dict[str, int]:
    """Bytes of a first visit, gzip-compressed as sent over the wire: HTML, linked stylesheets, preloaded fonts."""
    html = fetch_body(base, url)
    text = html.decode("utf-8", "replace")
    sheets = [a or b for a, b in STYLESHEET.findall(text)]
    css = sum(len(gzip.compress(fetch_body(base, href), 6)) for href in sheets)
    fonts = sum(len(fetch_body(base, href)) for href in FONT.findall(text))
    html_gz = len(gzip.compress(html, 6))
    return {"html_gzip_bytes": html_gz, "css_gzip_bytes": css, "html_css_gzip_bytes": html_gz + css,
            "stylesheets": len(sheets), "font_bytes": fonts}  # fmt: skip


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def pdf_generation(region_slug: str, repeat: int) -> dict:
    """Generating the region's handbook PDF from the database, as the first request after a change does."""
    region = Region.objects.get(slug=region_slug)
    render_pdf(region, "http://localhost/")  # WeasyPrint loads its fonts once per process
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            size = len(render_pdf(region, "http://localhost/"))
        times.append((time.perf_counter() - start) * 1000)
    return {**summary(times), "queries": len(queries), "ratio_to_static": None, "status": 200, "bytes": size,
            "budget_ms": PDF_BUDGET_MS, "url": f"/{region_slug}/handboek.pdf"}  # fmt: skip


def main() -> None:
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    client = Client()
    pages = pick_pages()
    queries = {name: count_queries(client, url) for name, url in pages.items() if url}
    if pages["school"]:
        floor_file = Path(settings.WHITENOISE_ROOT) / "school-floor.html"
        floor_file.write_bytes(client.get(pages["school"]).content)
    cookie = professional_cookie()
    handbook_pdf = pdf_generation(pages["region"].strip("/"), min(repeat, 5))
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
            signed_in = summary(timed(base, url, repeat, cookie))
            count, status = queries[name]
            results[name] = {**figures, "queries": count, "ratio_to_static": ratio, "status": status, "url": url,
                             "signed_in_median_ms": signed_in["median_ms"], "signed_in_p95_ms": signed_in["p95_ms"],
                             **weight(base, url)}  # fmt: skip
    with gunicorn(os.environ["DATABASE_URL"], env={"BENCH_PAGE_CACHE": "off"}) as base:
        for name, url in pages.items():
            if url is not None:
                full = summary(timed(base, url, repeat, cookie))
                results[name] |= {"uncached_median_ms": full["median_ms"], "uncached_p95_ms": full["p95_ms"]}
    results["handbook_pdf"] = handbook_pdf
    # Every search above together (the search page is never page-cached: it counts what was searched).
    searches = [name for name in results if name.startswith("search_") and "median_ms" in results[name]]
    if searches:
        with gunicorn(os.environ["DATABASE_URL"]) as base:
            times = [t for name in searches for t in timed(base, results[name]["url"], repeat)]
        results["search_all"] = {**summary(times), "queries": max(results[n]["queries"] for n in searches), "status": 200,
                                 "ratio_to_static": None, "pages": len(searches)}  # fmt: skip
    print(json.dumps(results))


if __name__ == "__main__":
    main()

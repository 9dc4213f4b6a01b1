"""Measure server time and SQL queries per page inside one Django process (one database, one data size).

Run by bench/run.py with DATABASE_URL and DJANGO_SETTINGS_MODULE=bench.settings set; prints one JSON object.
Server time is the full request through Django's middleware, views and templates (Django's test client,
no network). The floor is the same school page's HTML served as a static file by the same WhiteNoise.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.models import Role, School  # noqa: E402
from regions.models import Region  # noqa: E402
from routes.models import Route  # noqa: E402

SEARCHES = ["leerplichtambtenaar", "intern begeleider", "jeugdarts", "ziekteverzuim", "leerplichtambtenar"]


def pick_pages() -> dict[str, str]:
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


def timed(client: Client, url: str, repeat: int) -> tuple[list[float], int, int]:
    client.get(url)  # warm caches and connections
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return times, len(queries), response.status_code


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def main() -> None:
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    client = Client()
    pages = pick_pages()
    results: dict[str, dict] = {}

    floor_url = None
    if pages["school"]:
        html = client.get(pages["school"]).content
        floor_file = Path(settings.WHITENOISE_ROOT) / "school-floor.html"
        floor_file.write_bytes(html)
        floor_url = "/" + floor_file.name
    floor_client = Client()  # a new handler, so WhiteNoise indexes the file just written
    floor = None
    if floor_url:
        times, _, status = timed(floor_client, floor_url, repeat)
        floor = summary(times)
        results["static_floor"] = {**floor, "queries": 0, "ratio_to_static": 1.0, "status": status}

    for name, url in pages.items():
        if url is None:
            results[name] = {"error": "geen gegevens"}
            continue
        times, queries, status = timed(client, url, repeat)
        figures = summary(times)
        ratio = round(figures["median_ms"] / floor["median_ms"], 2) if floor and floor["median_ms"] else None
        results[name] = {**figures, "queries": queries, "ratio_to_static": ratio, "status": status, "url": url}
    print(json.dumps(results))


if __name__ == "__main__":
    main()

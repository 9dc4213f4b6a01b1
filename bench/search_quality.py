"""Search quality: how often the right page is the first result, and among the first three.

    .venv/bin/python bench/search_quality.py                         # SQLite and PostgreSQL, built if missing
    .venv/bin/python bench/search_quality.py --databases sqlite
    .venv/bin/python bench/search_quality.py --sqlite-url sqlite:////tmp/x.sqlite3 --postgres-url postgres://.../db --fresh

Each database holds the real handbook content (`load_content`). The questions are bench/search_questions.yaml;
a question with `expect: []` counts as right when nothing is found. Prints top-1 and top-3 accuracy per
database and every miss with what came first instead, and whether both databases gave the same top three.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
QUESTIONS = BENCH / "search_questions.yaml"
DEFAULT_URLS = {
    "sqlite": f"sqlite:///{BENCH / 'search-quality.sqlite3'}",
    "postgresql": os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432") + "/wdw_search_quality",
}


def manage(url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def build(database: str, url: str) -> None:
    print(f"  bouwt {database} ...", file=sys.stderr)
    if database == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        import psycopg

        server, name = url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    manage(url, "migrate", "--noinput")
    manage(url, "load_content")


def exists(database: str, url: str) -> bool:
    if database == "sqlite":
        return Path(url.removeprefix("sqlite:///")).exists()
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def worker() -> None:
    """Runs inside Django (DATABASE_URL set): answers every question, prints one JSON line."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import yaml

    from front.search import search
    from regions.models import Region

    regions = {r.slug: r for r in Region.objects.all()}
    answers = []
    questions = Path(os.environ.get("SEARCH_QUESTIONS", QUESTIONS))
    for question in yaml.safe_load(questions.read_text())["questions"]:
        region = regions[question["region"]] if question.get("region") else None
        hits = search(question["q"], region=region).hits
        answers.append({**question, "top": [h.url for h in hits[:3]], "titles": [h.title for h in hits[:3]]})
    print(json.dumps(answers))


def rank(answer: dict) -> int | None:
    """1-based rank of the first expected page among the first three; 0 for a right 'nothing found'."""
    if not answer["expect"]:
        return 0 if not answer["top"] else None
    for i, url in enumerate(answer["top"], start=1):
        if url in answer["expect"]:
            return i
    return None


def report(database: str, answers: list[dict]) -> dict:
    ranks = [rank(a) for a in answers]
    top1 = sum(1 for r in ranks if r in (0, 1)) / len(ranks)
    top3 = sum(1 for r in ranks if r is not None) / len(ranks)
    print(f"\n{database}: {len(answers)} vragen, top-1 {top1:.1%}, top-3 {top3:.1%}")
    for answer, r in zip(answers, ranks, strict=True):
        if r is None:
            got = "; ".join(answer["titles"]) or "niets"
            where = answer.get("region", "alle regio's")
            print(f"  MIS  {answer['q']!r} ({where}): kreeg {got}")
    return {"questions": len(answers), "top1": round(top1, 4), "top3": round(top3, 4)}


def main() -> None:
    if "--worker" in sys.argv:
        worker()
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--sqlite-url", default=DEFAULT_URLS["sqlite"])
    parser.add_argument("--postgres-url", default=DEFAULT_URLS["postgresql"])
    parser.add_argument("--fresh", action="store_true", help="Bouw de databases opnieuw op.")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="Een andere vragenset (zelfde opmaak).")
    args = parser.parse_args()
    urls = {"sqlite": args.sqlite_url, "postgresql": args.postgres_url}
    tops, figures = {}, {}
    for database in args.databases.split(","):
        url = urls[database]
        if args.fresh or not exists(database, url):
            build(database, url)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        env["SEARCH_QUESTIONS"] = str(args.questions.resolve())
        out = subprocess.run([PYTHON, __file__, "--worker"], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        answers = json.loads(out.stdout.strip().splitlines()[-1])
        figures[database] = report(database, answers)
        tops[database] = [a["top"] for a in answers]
    if len(tops) == 2:
        first, second = tops.values()
        same = sum(1 for a, b in zip(first, second, strict=True) if a == b)
        print(f"\nDezelfde eerste drie op beide databases: {same} van {len(first)} vragen.")
    if args.questions.resolve() == QUESTIONS:
        # The figures the README quotes are the main set's; another set only prints.
        (BENCH / "search_quality.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()

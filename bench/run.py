"""Benchmark: median/p95 server time and SQL queries per page, on SQLite and PostgreSQL, at demo and national size.

    .venv/bin/python bench/run.py                      # everything (builds the databases once, then reuses them)
    .venv/bin/python bench/run.py --databases sqlite --sizes demo --repeat 10
    .venv/bin/python bench/run.py --fresh              # rebuild the benchmark databases

Demo size is the real handbook content plus the demo schools; national size is generate_synthetic's
synthetic Netherlands in a separate database. Prints a table and writes bench/results.json shaped
{"<database>": {"<size>": {"<page>": {"median_ms", "p95_ms", "queries", "ratio_to_static", ...}}}}: median and p95
are what an anonymous visitor gets (page cache included, as in production); uncached_median_ms/uncached_p95_ms
are the same pages fully rendered for a signed-in professional (page caches off); signed_in_median_ms/signed_in_p95_ms
what a signed-in professional gets in production (the per-visibility-level cache); html_css_gzip_bytes what a
first visit downloads (HTML plus stylesheets, gzip), with html_gzip_bytes, css_gzip_bytes and font_bytes apart.
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
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def database_url(database: str, size: str) -> str:
    if database == "sqlite":
        return f"sqlite:///{BENCH / f'bench-{size}.sqlite3'}"
    return f"{PG_SERVER}/wdw_bench_{size}"


def exists(database: str, size: str) -> bool:
    if database == "sqlite":
        return (BENCH / f"bench-{size}.sqlite3").exists()
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (f"wdw_bench_{size}",)).fetchone() is not None


def drop(database: str, size: str) -> None:
    if database == "sqlite":
        (BENCH / f"bench-{size}.sqlite3").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "wdw_bench_{size}"')
        conn.execute(f'CREATE DATABASE "wdw_bench_{size}"')


def manage(url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def build(database: str, size: str) -> None:
    print(f"  bouwt {database}/{size} ...", file=sys.stderr)
    drop(database, size)
    url = database_url(database, size)
    manage(url, "migrate", "--noinput")
    if size == "demo":
        manage(url, "load_content")
    else:
        manage(url, "generate_synthetic", "--scale", "national")


def measure(database: str, size: str, repeat: int) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url(database, size), "BENCH_REPEAT": str(repeat),
           "DJANGO_SETTINGS_MODULE": "bench.settings"}  # fmt: skip
    out = subprocess.run([PYTHON, str(BENCH / "measure.py")], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(results: dict) -> str:
    lines = [f"{'database':<11}{'size':<10}{'page':<20}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'× static':>10}"
             f"{'full med':>10}{'full p95':>10}{'in p95':>8}{'KB gz':>7}"]  # fmt: skip
    for database, sizes in results.items():
        for size, pages in sizes.items():
            for page, f in pages.items():
                if "error" in f:
                    lines.append(f"{database:<11}{size:<10}{page:<20}{f['error']:>38}")
                    continue
                ratio = "" if f.get("ratio_to_static") is None else f"{f['ratio_to_static']:.2f}"
                flag = "" if f.get("status", 200) == 200 else f"  (HTTP {f['status']})"
                full = (
                    f"{f.get('uncached_median_ms', 0):>10.2f}{f.get('uncached_p95_ms', 0):>10.2f}"
                    if "uncached_p95_ms" in f
                    else ""
                )
                if "signed_in_p95_ms" in f:
                    full += f"{f['signed_in_p95_ms']:>8.2f}{f['html_css_gzip_bytes'] / 1024:>7.1f}"
                lines.append(
                    f"{database:<11}{size:<10}{page:<20}{f['median_ms']:>10.2f}{f['p95_ms']:>9.2f}{f['queries']:>9}{ratio:>10}{full}{flag}"
                )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--sizes", default="demo,national")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    results_file = BENCH / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    for database in args.databases.split(","):
        for size in args.sizes.split(","):
            if args.fresh or not exists(database, size):
                build(database, size)
            results.setdefault(database, {})[size] = measure(database, size, args.repeat)
    results_file.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(table({d: {s: results[d][s] for s in args.sizes.split(",")} for d in args.databases.split(",")}))
    for database in args.databases.split(","):
        for size in args.sizes.split(","):
            pdf = results[database][size].get("handbook_pdf")
            if pdf and "median_ms" in pdf:
                print(f"PDF-generatie handboek ({database}/{size}, {pdf['url']}): mediaan {pdf['median_ms']:.0f} ms, "
                      f"p95 {pdf['p95_ms']:.0f} ms, {pdf['bytes'] // 1024} kB, budget {pdf['budget_ms']} ms")  # fmt: skip


if __name__ == "__main__":
    main()

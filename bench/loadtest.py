"""Load test on loopback: the app under gunicorn (production settings) driven by wrk for a fixed time.

    .venv/bin/python bench/loadtest.py                       # PostgreSQL, national size, 30 s, 32 connections
    .venv/bin/python bench/loadtest.py --database sqlite --size demo --duration 10

Uses the databases bench/run.py built (run that first). wrk (Debian package `wrk`) cycles through a mix of
pages with a small Lua script; the output is throughput, latency percentiles and the error count, printed and
written to bench/loadtest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import database_url  # noqa: E402
from bench.server import gunicorn  # noqa: E402

BENCH = Path(__file__).resolve().parent

LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%%d duration_us=%%d errors=%%d non2xx=%%d p50=%%d p90=%%d p99=%%d max=%%d\\n",
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def page_mix(url: str) -> list[str]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    code = (
        "import django,json;django.setup();from bench.measure import pick_pages;"
        "print(json.dumps([u for u in pick_pages().values() if u and not u.startswith('/ouders')]))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=BENCH.parent, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgresql")
    parser.add_argument("--size", default="national")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk ontbreekt: installeer het met 'apt-get install wrk'.")

    url = database_url(args.database, args.size)
    paths = page_mix(url)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(json.dumps(p) for p in paths))
    with gunicorn(url, workers=args.workers) as base:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s", "-s", script.name, base],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    os.unlink(script.name)
    fields = dict(re.findall(r"(\w+)=(\d+)", out.stdout.split("RESULT", 1)[1]))
    seconds = int(fields["duration_us"]) / 1e6
    result = {
        "database": args.database, "size": args.size, "duration_s": round(seconds, 1), "connections": args.connections,
        "gunicorn_workers": args.workers, "requests": int(fields["requests"]),
        "requests_per_s": round(int(fields["requests"]) / seconds, 1), "errors": int(fields["errors"]),
        "non_2xx": int(fields["non2xx"]),
        "latency_ms": {k: round(int(fields[k]) / 1000, 2) for k in ("p50", "p90", "p99", "max")},
        "pages": paths,
    }  # fmt: skip
    (BENCH / "loadtest.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

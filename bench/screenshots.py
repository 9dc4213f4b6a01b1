"""README screenshots, made in Chromium with Playwright from the real handbook content.

    .venv/bin/python bench/screenshots.py            # builds bench/screenshots.sqlite3 once, writes docs/screenshots/

Serves the app with gunicorn (bench settings, as the benchmark does) and saves the first screen of each page at
1280 px wide, and the home page at 360 px, as PNG files named after the page.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import gunicorn  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DATABASE = ROOT / "bench" / "screenshots.sqlite3"
PAGES = {
    "home": ("/", 1280),
    "home-360": ("/", 360),
    "region-sector": ("/amsterdam-diemen/?sector=po", 1280),
    "school": ("/amsterdam-diemen/scholen/voorbeeldschool-de-linde/", 1280),
    "route": ("/amersfoort/routes/pm-structuur/", 1280),
    "parents-outcome": ("/ouders/amersfoort/?pad=1.2.2", 1280),
}


def build(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    for args in (["migrate", "--noinput"], ["load_content"]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fresh", action="store_true", help="rebuild the database from fixtures/content")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    url = f"sqlite:///{DATABASE}"
    if args.fresh or not DATABASE.exists():
        DATABASE.unlink(missing_ok=True)
        build(url)
    OUT.mkdir(parents=True, exist_ok=True)
    with gunicorn(url) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, (path, width) in PAGES.items():
            page = browser.new_page(viewport={"width": width, "height": 800 if width > 400 else 720})
            response = page.goto(base + path)
            if response is None or response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status if response else '?'}")
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(OUT / f"{name}.png"))
            page.close()
            print(f"docs/screenshots/{name}.png  {path}")
        browser.close()


if __name__ == "__main__":
    main()

"""The committed CSS is what frontend/build.mjs makes from the npm packages and the templates of this commit."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"


@pytest.fixture
def node():
    node = shutil.which("node")
    if node is None or not (FRONTEND / "node_modules" / "purgecss").exists():
        pytest.skip("node or frontend/node_modules missing: run .ci/setup (it runs npm ci in frontend/)")
    return node


def test_rebuilding_the_css_reproduces_the_committed_files(node):
    result = subprocess.run([node, "build.mjs", "--check"], cwd=FRONTEND, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_only_the_components_in_use_are_shipped():
    css = (ROOT / "static/build/components.css").read_text()
    assert ".utrecht-button--primary-action" in css  # used by every search form
    assert ".utrecht-accordion" not in css and ".utrecht-calendar" not in css  # in the library, used nowhere
    assert len(css.encode()) < 100_000

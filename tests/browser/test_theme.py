"""Our own theme in Chromium: every text in the font the theme names (loaded, not a fallback), axe clean, and
nothing fetched from anywhere but our own server."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/amsterdam-diemen/",
    "/amsterdam-diemen/?sector=po",
    "/amsterdam-diemen/scholen/voorbeeldschool-de-linde/",
    "/amersfoort/routes/pm-structuur/",
    "/ouders/amersfoort/?pad=2",
    "/zoeken/?q=leerplicht",
    "/inloggen/",
]

# The first family named by the computed font of every element that holds text, and the families of the loaded
# FontFace objects: a family counts only when the browser has actually loaded its file.
FONT_REPORT = """async () => {
  await document.fonts.ready;
  const loaded = [...document.fonts].filter(f => f.status === "loaded").map(f => f.family.replace(/["']/g, ""));
  const used = {};
  for (const el of document.querySelectorAll("body *")) {
    if (["SCRIPT", "STYLE", "NOSCRIPT", "svg"].includes(el.tagName)) continue;
    const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
      || ["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(el.tagName);
    if (!hasText) continue;
    const first = getComputedStyle(el).fontFamily.split(",")[0].trim().replace(/["']/g, "");
    (used[first] = used[first] || []).push(el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  }
  return {loaded, used, check: document.fonts.check('16px "Noto Sans"') && document.fonts.check('bold 16px "Noto Sans"')};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_every_text_renders_in_the_theme_font_axe_clean_and_nothing_third_party(live_server, page, content, axe, width):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": width, "height": 800})
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        report = page.evaluate(FONT_REPORT)
        assert report["check"], f"{path}: Noto Sans is not loaded"
        assert set(report["used"]) == {"Noto Sans"}, f"{path}: { {k: v[:5] for k, v in report['used'].items()} }"
        assert "Noto Sans" in report["loaded"], path
        axe.check(page)
    foreign = [url for url in requests if not url.startswith(live_server.url) and not url.startswith("data:")]
    assert requests and not foreign, foreign

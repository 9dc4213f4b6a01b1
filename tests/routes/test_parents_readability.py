"""Every parents' page reads easily: Flesch–Douma (textstat, Dutch) of at least 60 for the page's prose."""

from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
import textstat
from django.core.management import call_command

from tests.caching import clear_cache

MINIMUM = 60
# Not prose: contact details and opening hours (numbers and addresses), the trail of answers, the navigation.
BLOCK = "\x1e"  # a block element starts: what came before ends a sentence
SKIPPED_CLASSES = {"outcome-contact", "trail", "flow-nav", "meta", "quick-exit-nav"}


class Prose(HTMLParser):
    """The text of <main> outside the skipped parts, one sentence-like chunk per block element; and the links."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []
        self.links: list[str] = []

    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def in_main(self) -> bool:
        return any(tag == "main" for tag, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") and self.in_main():
            self.links.append(attrs["href"])
        if tag in self.VOID:
            return
        skip = bool(SKIPPED_CLASSES & set((attrs.get("class") or "").split())) or tag == "summary"
        self.stack.append((tag, skip))
        if tag in {"p", "li", "h1", "h2", "h3", "dd", "dt"}:
            self.chunks.append(BLOCK)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.in_main() and not self.skipping():
            self.chunks.append(data.replace("\n", " "))

    def text(self) -> str:
        # A heading or answer without a full stop is still a sentence of its own.
        lines = [" ".join(chunk.split()) for chunk in "".join(self.chunks).split(BLOCK)]
        return " ".join(line if line[-1] in ".?!:" else line + "." for line in lines if line)


def parents_pages(client) -> dict[str, str]:
    """Every page reachable from /ouders/ by following the answers: url -> its prose."""
    pages, todo = {}, ["/ouders/"]
    while todo:
        url = todo.pop()
        if url in pages:
            continue
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        parser = Prose()
        parser.feed(response.content.decode())
        pages[url] = parser.text()
        for href in parser.links:
            target = urljoin(url, href)
            if target.startswith("/ouders/"):
                todo.append(target)
    return pages


@pytest.mark.django_db
def test_every_parents_page_scores_at_least_60_on_flesch_douma(client, capsys):
    clear_cache()
    call_command("load_content", verbosity=0)
    textstat.set_lang("nl")
    pages = parents_pages(client)
    assert len(pages) > 20  # the start pages, every question and every outcome of three regions
    scores = {url: textstat.flesch_reading_ease(text) for url, text in pages.items()}
    with capsys.disabled():
        for url, score in sorted(scores.items(), key=lambda item: item[1]):
            print(f"{score:6.1f}  {url}")
    low = {url: (score, pages[url][:300]) for url, score in scores.items() if score < MINIMUM}
    assert not low, low

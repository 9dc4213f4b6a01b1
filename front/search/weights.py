"""Every number that decides the order of search results, in one place.

A document's score is the sum, over the query's words, of how rare the word is (idf) times where it matched
(FIELD) times how it matched (MATCH); multiplied by the share of the query's weight it matched (so a result
that answers the whole question beats one that shares a single word), by its kind (KIND) and by what the
question asks for (INTENTS).
"""

from __future__ import annotations

import re

FIELD = {"title": 3.0, "keywords": 2.0, "body": 1.0}
TITLE_WHOLE = 3.0  # every word of the title was asked for: "jeugdarts" is the Jeugdarts, before a page that mentions one
BODY_REPEAT = 0.2  # per extra occurrence in the body, up to BODY_REPEAT_MAX of them
BODY_REPEAT_MAX = 4
MATCH = {"word": 1.0, "base": 0.9, "parts": 0.8, "glossary": 0.75, "typo": 0.7, "part": 0.4}
PART_MIN_LENGTH = 4  # a part searched alone: shorter parts ("pas", "ver") are too common to say anything alone
PART_SHARE = 0.5  # how much of a compound one of its parts alone answers

KIND = {
    "role": 1.3,
    "organisation": 1.15,
    "trigger": 1.1,
    "situation": 1.15,
    "step": 1.0,
    "meeting": 1.0,
    "parents": 1.05,
    "school": 1.0,
    "whopays": 1.0,
    "faq": 1.0,
    "topic": 1.0,
    "term": 0.7,  # explains a word; the role or door it names is the answer
}

# A question's intent is read from its wording before the question words are dropped: (name, pattern on the
# folded query, multiplier per kind). The first pattern that matches wins; the words it matched are not searched
# for ("wie betaalt dyslexieonderzoek" searches "dyslexieonderzoek"), other words are ("verslaving ouder").
INTENTS: list[tuple[str, re.Pattern, dict[str, float]]] = [
    ("wie betaalt", re.compile(r"\b(wie|wat)\s+(betaalt|betalen|vergoedt|financiert|bekostigt)\b|\bkosten\s+van\b"),
     {"whopays": 2.0, "organisation": 1.2, "term": 0.8}),
    ("wie regie", re.compile(r"\bwie\s+(heeft|houdt|neemt|voert)\s+(de\s+)?regie\b"),
     {"role": 1.4, "step": 1.2, "meeting": 1.1}),
    ("ouder", re.compile(r"\b(als|ik\s+ben)\s+(een\s+)?(ouder|ouders|moeder|vader|verzorger)\b|\bmijn\s+(kind|zoon|dochter)\b"),
     {"parents": 1.6, "faq": 1.3, "organisation": 1.1, "step": 0.8, "meeting": 0.7}),
    ("wat doen", re.compile(r"\b(wat|hoe)\s+(moet|kan|doe|kun|ga)\s+(ik|je|we|jij|u)\b|\bwat\s+te\s+doen\b|\bwat\s+nu\b"),
     {"situation": 1.5, "step": 1.3, "trigger": 1.2, "term": 0.6}),
    ("wie", re.compile(r"^\s*(wie|bij\s+wie|naar\s+wie|met\s+wie)\b|\bwie\s+(is|belt|bel|helpt|doet)\b"),
     {"role": 1.8, "organisation": 1.5, "meeting": 0.9, "step": 0.7, "term": 0.5}),
]  # fmt: skip

MISSING_KNOWN = 0.5  # how much a known word a page lacks counts against it, against 1 for a word no page holds
MIN_COVERAGE = 0.5  # with several words, a result must match more than this share of their weight (idf)
TYPO_MIN_LENGTH = 4
TYPO_CANDIDATES = 60
CANDIDATES = 400
SCHOOLS = 60  # schools from the school finder, at most


def typo_distance(length: int) -> int:
    """The edit distance a typo may have: one for a short word, two for a longer one."""
    return 1 if length <= 7 else 2


def intent(folded_query: str) -> tuple[str, dict[str, float], str]:
    """(intent name, multipliers per kind, the query without the words that stated the intent)."""
    for name, pattern, weights in INTENTS:
        match = pattern.search(folded_query)
        if match:
            return name, weights, (folded_query[: match.start()] + " " + folded_query[match.end() :]).strip()
    return "", {}, folded_query

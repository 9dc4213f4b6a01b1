"""A query in, ranked results out: parse the question, find candidates in the index, score them in Python.

1. The question's intent is read and its question words dropped ("wie betaalt dyslexieonderzoek" -> intent
   "wie betaalt", words ["dyslexieonderzoek"]).
2. Each word becomes alternatives: its stem, its compound parts (together, and each alone as a weaker reading), a
   participle's base, the other names of a glossary term it names, and for a word the index does not know, the
   nearest known word (a typo).
3. The database's text index returns the documents holding any alternative (backends.py).
4. Python scores them with weights.py and keeps what is published, in scope and in the chosen sector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString

from directory.models import GlossaryTerm
from directory.school_search import find_schools
from front.models import SearchDocument, SearchTerm
from front.search import weights
from front.search.backends import candidates, similar_terms
from front.search.documents import BY_KEY, KIND_LABELS, KIND_NOUNS
from front.search.snippets import snippet
from front.search.text import fold, query_bases, query_words, stem, word_terms
from regions.cache import cached_by_version
from regions.models import Region, Sector
from regions.selectors import national_region

MAX_QUERY_LENGTH = 200


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    score: float
    region: str
    matched: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def kind_noun(self) -> str:
        return KIND_NOUNS[self.kind]

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "kind_label": str(self.kind_label),
            "title": self.title,
            "url": self.url,
            "snippet": str(self.snippet),
            "region": self.region,
            "score": round(self.score, 3),
            "matched": self.matched,
        }


@dataclass
class Results:
    query: str
    hits: list[Hit]
    expansions: list[str]
    corrected: str = ""
    region: Region | None = None
    sector: Sector | None = None
    intent: str = ""


@dataclass
class Alternative:
    terms: list[str]
    how: str  # a key of weights.MATCH
    label: str  # what the page says it searched for


@dataclass
class Word:
    text: str
    alternatives: list[Alternative]


def _damerau(a: str, b: str, cap: int) -> int:
    """Edit distance with transpositions; stops early above `cap`."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


def _glossary_names(folded: str) -> tuple[dict[str, list[str]], list[str]]:
    """For every run of query words that is a glossary term's name: the term's other names; and those names."""
    tokens = folded.split()
    grams = {" ".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, min(len(tokens), i + 4) + 1)}
    by_gram: dict[str, list[str]] = {}
    shown: list[str] = []
    for term in GlossaryTerm.objects.published().only("abbreviation", "term", "synonyms"):
        names = [n for n in term.names if fold(n)]
        for name in names:
            if fold(name) in grams:
                by_gram.setdefault(fold(name), []).extend(n for n in names if fold(n) != fold(name))
                shown.extend(names)
    return by_gram, list(dict.fromkeys(shown))


def _parse(text: str) -> tuple[list[Word], dict[str, int], list[str], str]:
    """The query's words with their alternatives, the document frequency of every term, the glossary names
    searched as well, and the corrected query ('' when no word was corrected)."""
    words = [Word(w, []) for w in query_words(text)]
    by_gram, shown = _glossary_names(" ".join(fold(w.text) for w in words))
    for word in words:
        own, parts, base = word_terms(word.text)
        word.alternatives.append(Alternative([own], "word", word.text))
        for extra in dict.fromkeys([base, *query_bases(word.text)]):
            if extra and extra != own:
                word.alternatives.append(Alternative([extra], "base", word.text))
        if parts:
            word.alternatives.append(Alternative(list(parts), "parts", word.text))
            # One part alone is a weaker reading: "opvoedondersteuning" finds "opvoed- en opgroeivragen".
            for part in dict.fromkeys(parts):
                if len(part) >= weights.PART_MIN_LENGTH and part != own:
                    word.alternatives.append(Alternative([part], "part", part))
    # A glossary name of several words ("intern begeleider") gives each of its words the other names.
    for gram, names in by_gram.items():
        for word in words:
            if fold(word.text) in gram.split():
                for name in names:
                    terms = [stem(t) for t in fold(name).split()]
                    word.alternatives.append(Alternative(terms, "glossary", name))
    wanted = {t for w in words for a in w.alternatives for t in a.terms}
    frequencies = dict(SearchTerm.objects.filter(term__in=wanted, documents__gt=0).values_list("term", "documents"))
    corrected, changed = [], False
    for word in words:
        word.alternatives = [a for a in word.alternatives if all(t in frequencies for t in a.terms)]
        if not any(a.how == "parts" for a in word.alternatives):
            # A part alone is a reading only when the content knows every part: "belastingaangifte" is not about
            # the one page that says "belasting".
            word.alternatives = [a for a in word.alternatives if a.how != "part"]
        replacement = fold(word.text)
        if not word.alternatives and len(word.text) >= weights.TYPO_MIN_LENGTH and not word.text.isdigit():
            near = _nearest(stem(fold(word.text)))
            if near:
                frequencies[near[0]] = near[1]
                word.alternatives.append(Alternative([near[0]], "typo", near[0]))
                replacement, changed = near[0], True
        corrected.append(replacement)
    return words, frequencies, shown, " ".join(corrected) if changed else ""


def _nearest(term: str) -> tuple[str, int] | None:
    cap = weights.typo_distance(len(term))
    best = None
    for candidate, documents in similar_terms(term, weights.TYPO_CANDIDATES, cap):
        distance = _damerau(term, candidate, cap)
        if distance <= cap and (best is None or (distance, -documents, candidate) < best[0]):
            best = ((distance, -documents, candidate), (candidate, documents))
    return best[1] if best else None


def _weight(word: Word, frequencies: dict[str, int], total: int) -> float:
    """How much a word says about what the question is about: its rarest alternative's idf. A word no content
    holds says the most (the question is about something else), except a number, which says little."""
    if not word.alternatives:
        return 1.0 if fold(word.text).isdigit() else math.log(1 + total)
    return max(math.log(1 + total / max(min(frequencies.get(t, 1) for t in a.terms), 1)) for a in word.alternatives)


def _score(row: tuple, words: list[Word], word_weights: list[float], frequencies: dict[str, int], total: int,
           kinds: dict[str, float], least: float):  # fmt: skip
    """(score, matched words) of one candidate document; `word_weights` are _weight() of `words`, the same for every
    candidate."""
    _, kind, _, _, title, keywords, body = row
    fields = {"title": title.split(), "keywords": keywords.split(), "body": body.split()}
    sets = {name: set(terms) for name, terms in fields.items()}
    score, matched, title_hit, in_title, shares = 0.0, [], set(), 0, {}
    for word in words:
        best, title_match, share = 0.0, False, 0.0
        for alt in word.alternatives:
            idf = math.log(1 + total / max(min(frequencies.get(t, 1) for t in alt.terms), 1))
            for name, terms in sets.items():
                if all(t in terms for t in alt.terms):
                    value = idf * weights.FIELD[name] * weights.MATCH[alt.how]
                    if name == "body":
                        repeats = min(fields["body"].count(alt.terms[0]) - 1, weights.BODY_REPEAT_MAX)
                        value *= 1 + weights.BODY_REPEAT * repeats
                    if name == "title":
                        title_hit.update(alt.terms)
                        title_match = True
                    best = max(best, value)
                    share = max(share, weights.PART_SHARE if alt.how == "part" else 1.0)
        if best:
            score += best
            matched.append(fold(word.text))
            shares[fold(word.text)] = share
            in_title += title_match
    # A known word the page lacks counts half (people paraphrase); a word no page holds counts whole. A word
    # matched by one of its parts only is found in part.
    found = missing = 0.0
    for w, weight in zip(words, word_weights, strict=True):
        share = shares.get(fold(w.text), 0.0)
        found += weight * share
        missing += weight * (1 - share) * (weights.MISSING_KNOWN if w.alternatives else 1.0)
    coverage = found / (found + missing) if found else 0.0
    if not matched or (len(words) > 1 and coverage <= least):
        return 0.0, []
    if sets["title"]:
        # The share of the title the question named: "jeugdarts" is all of "Jeugdarts", a little of a long title.
        score += weights.TITLE_WHOLE * in_title * len(title_hit) / len(sets["title"])
    return score * coverage * weights.KIND[kind] * kinds.get(kind, 1.0), matched


def search(query: str, *, region: Region | None = None, sector: Sector | None = None, limit: int = 40) -> Results:
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    results = Results(query=query, hits=[], expansions=[], region=region, sector=sector)
    intent, kinds, rest = weights.intent(query.lower())
    results.intent = intent
    words, frequencies, shown, corrected = _parse(rest)
    results.expansions, results.corrected = shown, corrected
    words = [w for w in words if w.alternatives] or []
    if not words:
        results.hits = _school_hits(query, region, sector)[:limit]
        return results
    region_ids = None
    if region is not None:
        national = national_region()
        region_ids = [region.pk, *([national.pk] if national else [])]
    groups = [[a.terms for a in w.alternatives] for w in words]
    rows = candidates(groups, region_ids, weights.CANDIDATES)
    all_words = query_words(rest)
    # Words nobody's content holds still count against coverage: "paspoort kwijt school" is not about school.
    scoring_words = words + [Word(w, []) for w in all_words if w not in {x.text for x in words}]
    total = cached_by_version("search-documents", "-", SearchDocument.objects.count)
    scored = _scored(rows, scoring_words, frequencies, total, kinds, weights.MIN_COVERAGE)
    if not scored and len(scoring_words) == len(words):
        # Every word is known, yet no page holds most of them ("leerling verzuimt zonder reden"): show the pages
        # that hold some. A word no page holds at all keeps the answer empty ("paspoort verlengen").
        scored = _scored(rows, scoring_words, frequencies, total, kinds, 0.0)
    needles = {fold(w.text): [fold(w.text), *(t for a in w.alternatives for t in a.terms)] for w in words}
    results.hits = _hits(scored, sector, limit, needles)
    results.hits = sorted(results.hits + _school_hits(query, region, sector), key=lambda h: (-h.score, h.title))[:limit]
    return results


def _scored(rows, words, frequencies, total, kinds, least: float) -> list:
    word_weights = [_weight(w, frequencies, total) for w in words]
    scored = []
    for row in rows:
        score, matched = _score(row, words, word_weights, frequencies, total, kinds, least)
        if score > 0:
            scored.append((score, row, matched))
    return scored


def _hits(scored: list, sector: Sector | None, limit: int, needles: dict[str, list[str]]) -> list[Hit]:
    """The scored documents that may be shown, as hits: one query per kind that has candidates."""
    # Only the best few are read from their tables; a few more than shown, as drafts and other sectors drop out.
    scored = sorted(scored, key=lambda item: -item[0])[: limit * 3]
    by_kind: dict[str, list[int]] = {}
    for _, row, _ in scored:
        by_kind.setdefault(row[1], []).append(row[2])
    objects = {}
    for key, ids in by_kind.items():
        kind = BY_KEY[key]
        qs = kind.published().filter(pk__in=ids).select_related(*kind.related)
        if sector is not None and kind.sector_path:
            qs = qs.filter(**{kind.sector_path: sector}).distinct()
        objects.update({(key, obj.pk): obj for obj in qs})
    hits = []
    for score, row, matched in scored:
        obj = objects.get((row[1], row[2]))
        if obj is None:
            continue
        kind = BY_KEY[row[1]]
        region = _region_of(obj)
        text = " ".join(kind.body(obj))
        hits.append(
            Hit(
                kind.key,
                kind.display(obj),
                obj.get_absolute_url(),
                snippet(text, [n for m in matched for n in needles.get(m, [])]),
                score,
                region.name,
                matched,
            )
        )
    hits.sort(key=lambda h: (-h.score, h.title))
    return hits[:limit]


def _region_of(obj) -> Region:
    for path in ("region", "route", "flow"):
        target = getattr(obj, path, None)
        if isinstance(target, Region):
            return target
        if target is not None and hasattr(target, "region"):
            return target.region
    raise ValueError(obj)


def _school_hits(query: str, region: Region | None, sector: Sector | None) -> list[Hit]:
    """Schools from the school finder: one the query names (or its code or postcode) outranks what only mentions it."""
    return [
        Hit("school", str(m.school), m.school.get_absolute_url(), escape(m.summary), m.score, m.school.region.name, [m.how])
        for m in find_schools(query, region=region, sector=sector, limit=weights.SCHOOLS)
    ]

"""Search across roles, organisations, schools, meetings, route steps, triggers, situations and terms.

One code path for both databases: each kind fetches a bounded list of candidates with one query, and Python
ranks them with the same weights everywhere, so results and their order do not depend on the database.

- Expansion comes from the glossary, not from code: when the query (or a word of it) is one of a term's
  names ("lpa", "IB'er", "intern begeleider"), every other name of that term is searched as well.
- On PostgreSQL the candidates also come from full-text search with the Dutch configuration (so
  "ziekmeldingen" finds "ziekmelding") and from trigram similarity on titles (so "leerplichtambtenar" finds
  the role). On SQLite, words are matched as substrings, and a query that finds nothing is retried with each
  word replaced by the closest word from the titles and glossary (difflib), which handles most typos.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from directory.models import GlossaryTerm, Meeting, Organisation, Role, School
from regions.cache import cached_by_version
from regions.models import Region, Sector
from routes.models import Situation, Step, Trigger

MAX_QUERY_LENGTH = 200
CANDIDATES_PER_KIND = 60
SNIPPET_RADIUS = 90
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "in",
        "op",
        "met",
        "bij",
        "naar",
        "om",
        "te",
        "is",
        "wie",
        "wat",
        "waar",
        "hoe",
        "ik",
        "je",
        "u",
        "mijn",
    ]
)


def normalise(text: str) -> str:
    """Lowercase, without accents, apostrophes or hyphens: "IB'er" and "IBer" compare equal, like "coördinator"."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    text = re.sub(r"['’‘`´]", "", text.lower())
    return re.sub(r"[^a-z0-9%]+", " ", text).strip()


def stem(word: str) -> str:
    """A light Dutch suffix strip for substring matching: "ziekmeldingen" -> "ziekmeld"."""
    for suffix in ("ingen", "heden", "ing", "en", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


@dataclass
class Kind:
    key: str
    label: str
    model: type
    title_fields: tuple[str, ...]
    body_fields: tuple[str, ...]
    sector_path: str | None = None
    weight: float = 1.0  # roles answer "who do I call", so they outrank the glossary entry that explains them
    fulltext: bool = True  # PostgreSQL full-text search; schools are found by name, place and postcode only

    @property
    def region_path(self) -> str:
        return self.model.region_path


# A table, clearer aligned: the formatter leaves it as it is.
KINDS = [
    Kind("role", "Rollen", Role, ("name", "abbreviation"), ("summary", "tasks", "approach_for", "not_for", "contact"),
         sector_path="sectors", weight=1.3),
    Kind("organisation", "Organisaties", Organisation, ("name", "short_name"), ("description",), weight=1.15),
    Kind("situation", "Situaties", Situation, ("title",), ("description",), sector_path="sectors"),
    Kind("trigger", "Signalen", Trigger, ("name",), ("description", "target_share"), weight=1.2),
    Kind("step", "Routestappen", Step, ("title", "code"), ("description", "parents", "deadlines", "regie_text"),
         sector_path="route__sectors"),
    Kind("meeting", "Overleggen", Meeting, ("name", "abbreviation"), ("purpose", "members_text", "frequency"),
         sector_path="sectors"),
    Kind("school", "Scholen", School, ("name",), ("city", "postcode"), sector_path="sector",
         fulltext=False),
    Kind("term", "Begrippen", GlossaryTerm, ("abbreviation", "term"), ("explanation",), weight=0.7),
]  # fmt: skip
KIND_LABELS = {k.key: k.label for k in KINDS}


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

    def groups(self) -> list[tuple[str, list[Hit]]]:
        """Hits grouped by kind, groups in the order of their best hit."""
        grouped: dict[str, list[Hit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.kind, []).append(hit)
        return [(KIND_LABELS[key], hits) for key, hits in grouped.items()]


def expand(query: str, terms: list[GlossaryTerm]) -> tuple[list[str], list[GlossaryTerm]]:
    """The phrases to look for: the query's words plus every name of a glossary term the query names."""
    norm = normalise(query)
    tokens = norm.split()
    # Every contiguous run of words, so "intern begeleider" matches as a whole, not only "intern".
    grams = {" ".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, min(len(tokens), i + 4) + 1)}
    matched = [t for t in terms if grams & {normalise(n) for n in t.names}]
    phrases: dict[str, None] = dict.fromkeys(words(query))
    for term in matched:
        for name in term.names:
            phrases.setdefault(normalise(name), None)
    return [p for p in phrases if p], matched


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _national_ids() -> list[int]:
    return cached_by_version(
        "national-region-ids", "-", lambda: list(Region.objects.filter(is_national=True).values_list("pk", flat=True))
    )


def _scoped(kind: Kind, region: Region | None, sector: Sector | None, national_ids: list[int] | None = None) -> QuerySet:
    qs = kind.model.objects.published().select_related(kind.region_path)
    if region is not None:
        # Region ids, not a join on Region: lets PostgreSQL use the region index before any text matching.
        national = _national_ids() if national_ids is None else national_ids
        qs = qs.filter(**{f"{kind.region_path}_id__in": [region.pk, *national]})
    if sector is not None and kind.sector_path:
        qs = qs.filter(**{kind.sector_path: sector})
    if kind.model in (School,) and not settings.SHOW_DEMO_DATA:
        qs = qs.filter(is_demo=False)
    return qs.distinct() if sector is not None and kind.sector_path else qs


def _text_filter(kind: Kind, phrases: list[str], raw: str) -> Q:
    """Substring matches of any phrase in any field; accents are folded by Python ranking afterwards."""
    needles = set(phrases) | {stem(p) for p in phrases} | ({raw.strip()} if raw.strip() else set())
    if any(not n.isdigit() for n in needles):
        needles = {n for n in needles if not n.isdigit()}  # "4" alone would match nearly everything
    conditions = [
        Q(**{f"{name}__icontains": needle})
        for needle in needles
        if len(needle) > 1 or needle.isdigit()
        for name in kind.title_fields + kind.body_fields
    ]
    if kind.model is GlossaryTerm:
        conditions += [Q(synonyms__icontains=needle) for needle in needles if len(needle) > 1]
    if kind.model is School:
        digits = re.sub(r"\s", "", raw)[:4]
        if digits.isdigit() and len(digits) == 4:
            conditions.append(Q(postcode__startswith=digits))
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


def _postgres_candidates(kind: Kind, qs, phrases: list[str], raw: str, condition: Q):
    """Add Dutch full-text and trigram matches; the vector is computed only for rows already in scope."""
    from django.contrib.postgres.search import SearchQuery, SearchVector

    if kind.fulltext:
        qs = qs.annotate(_v=SearchVector(*kind.title_fields, *kind.body_fields, config="dutch"))
        condition |= Q(_v=reduce(or_, [SearchQuery(p, config="dutch", search_type="plain") for p in phrases]))
    if raw.strip():
        condition |= Q(**{f"{kind.title_fields[0]}__trigram_word_similar": raw.strip()})
    return qs.filter(condition)


def _field_text(obj, names: tuple[str, ...]) -> str:
    return " ".join(str(getattr(obj, n) or "") for n in names)


def _title_values(kind: Kind, obj) -> list[str]:
    values = [normalise(str(getattr(obj, n) or "")) for n in kind.title_fields]
    if kind.model is GlossaryTerm:
        values += [normalise(n) for n in obj.synonyms]
    return [v for v in values if v]


def _score(kind: Kind, obj, phrases: list[str], query_words: list[str], expanded: set[str]) -> tuple[float, list[str]]:
    """Best title match, plus a capped amount for body matches, times the kind's weight.

    Taking the best title match (not the sum) keeps a glossary entry that lists every synonym from
    outranking the role it explains.
    """
    titles = _title_values(kind, obj)
    title = " ".join(titles)
    body = normalise(_field_text(obj, kind.body_fields))
    title_score, body_score, matched = 0.0, 0.0, []
    for phrase in phrases:
        weight = 0.7 if phrase in expanded else 1.0
        pattern = rf"\b{re.escape(phrase)}"
        if phrase in titles:
            title_score = max(title_score, 12 * weight)
        elif re.search(pattern, title):
            title_score = max(title_score, 8 * weight)
        elif re.search(pattern, body) or re.search(rf"\b{re.escape(stem(phrase))}", body):
            body_score += (1 + min(body.count(stem(phrase)), 3) * 0.5) * weight
        else:
            continue
        matched.append(phrase)
    score = title_score + min(body_score, 5)
    plain = " ".join(normalise(str(getattr(obj, n) or "")) for n in kind.title_fields) + " " + body
    if len(query_words) > 1 and all(re.search(rf"\b{re.escape(stem(w))}", plain) for w in query_words):
        score += 3 * len(query_words)
    return score * kind.weight, matched


def _snippet(obj, kind: Kind, needles: list[str]) -> SafeString:
    """A piece of the body around the first match, escaped, with the matched words marked."""
    text = re.sub(r"\s+", " ", re.sub(r"[#*_>`]", "", _field_text(obj, kind.body_fields))).strip()
    if not text:
        return mark_safe("")
    # Fold character by character so positions in `folded` are positions in `text`.
    folded = "".join((unicodedata.normalize("NFKD", c)[:1] or c).lower() for c in text)
    positions = [m.start() for n in needles if n for m in [re.search(rf"\b{re.escape(n)}", folded)] if m]
    start = max(min(positions) - SNIPPET_RADIUS, 0) if positions else 0
    end = min(start + 2 * SNIPPET_RADIUS, len(text))
    piece, folded_piece = text[start:end], folded[start:end]
    spans = sorted({(m.start(), m.end()) for n in needles if n for m in re.finditer(rf"\b{re.escape(n)}\w*", folded_piece)})
    out, cursor = [], 0
    for a, b in spans:
        if a < cursor:
            continue
        out += [escape(piece[cursor:a]), "<mark>", escape(piece[a:b]), "</mark>"]
        cursor = b
    out.append(escape(piece[cursor:]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every piece of editor text above is escaped


def _title(obj, kind: Kind) -> str:
    if kind.model is Step:
        return f"{obj} ({obj.route.name})"
    return str(obj)


def _region_name(obj, kind: Kind) -> str:
    region = obj.route.region if kind.model is Step else obj.region
    return region.name


def _vocabulary(region: Region | None) -> frozenset[str]:
    """Every word of every title and glossary name in scope, cached until content changes."""

    def compute() -> frozenset[str]:
        national_ids = _national_ids() if region is not None else []
        seen: set[str] = set()
        for kind in KINDS:
            if kind.model is School:
                continue
            for values in _scoped(kind, region, None, national_ids).values_list(*kind.title_fields):
                for value in values:
                    seen.update(normalise(value or "").split())
        for synonyms in GlossaryTerm.objects.published().values_list("synonyms", flat=True):
            for name in synonyms or []:
                seen.update(normalise(name).split())
        return frozenset(w for w in seen if len(w) > 2)

    return cached_by_version("search-vocabulary", region.slug if region else "-", compute)


def _correct(query: str, region: Region | None) -> str:
    """The query with each unknown word replaced by the closest known word; '' when nothing changed."""
    vocabulary = _vocabulary(region)
    corrected, changed = [], False
    for word in normalise(query).split():
        if len(word) >= 4 and not word.isdigit() and word not in vocabulary:
            close = difflib.get_close_matches(word, sorted(vocabulary), n=1, cutoff=0.8)
            if close and close[0] != word:
                corrected.append(close[0])
                changed = True
                continue
        corrected.append(word)
    return " ".join(corrected) if changed else ""


def search(query: str, *, region: Region | None = None, sector: Sector | None = None, limit: int = 40) -> Results:
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    results = Results(query=query, hits=[], expansions=[], region=region, sector=sector)
    if not words(query):
        return results
    terms = list(GlossaryTerm.objects.published().only("abbreviation", "term", "synonyms"))
    results.hits, results.expansions = _run(query, terms, region, sector, limit)
    corrected = _correct(query, region)
    if corrected:
        # A word we do not know is probably a typo: add what the corrected query finds, ranked just below.
        results.corrected = corrected
        more, expansions = _run(corrected, terms, region, sector, limit)
        seen = {h.url: h for h in results.hits}
        for hit in more:
            if hit.url not in seen or seen[hit.url].score < hit.score * 0.95:
                hit.score *= 0.95
                seen[hit.url] = hit
        results.hits = sorted(seen.values(), key=lambda h: (-h.score, h.title))[:limit]
        results.expansions = list(dict.fromkeys(results.expansions + expansions))
    return results


def _run(query: str, terms: list[GlossaryTerm], region, sector, limit: int) -> tuple[list[Hit], list[str]]:
    phrases, matched_terms = expand(query, terms)
    query_words = words(query)
    expanded = set(phrases) - set(query_words)
    hits: list[Hit] = []
    national_ids = _national_ids() if region is not None else []
    for kind in KINDS:
        condition = _text_filter(kind, phrases, query)
        scoped = _scoped(kind, region, sector, national_ids)
        candidates = _postgres_candidates(kind, scoped, phrases, query, condition) if _is_postgres() else scoped.filter(condition)
        for obj in candidates[:CANDIDATES_PER_KIND]:
            score, matched = _score(kind, obj, phrases, query_words, expanded)
            if score <= 0 and not _is_postgres():
                continue
            # On PostgreSQL a candidate may come from stemming or a typo match alone: rank it low but keep it.
            score = score or 1.0
            title, url, snippet = _title(obj, kind), obj.get_absolute_url(), _snippet(obj, kind, phrases)
            hits.append(Hit(kind.key, title, url, snippet, score, _region_name(obj, kind), matched))
    hits.sort(key=lambda h: (-h.score, h.title))
    names = [n for t in matched_terms for n in t.names]
    return hits[:limit], names

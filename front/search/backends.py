"""The database's own text index, one implementation per database, the same answers from both.

SQLite: an FTS5 table over SearchDocument.terms and an FTS5 trigram table over the vocabulary (SearchTerm).
PostgreSQL: a stored tsvector ('simple' configuration: the terms are stemmed already) with a GIN index, and a
pg_trgm GIN index over the vocabulary. Both are created by migration front/0002. Only candidates come from here;
the order of results is decided in Python (engine.py) so it does not depend on the database.
"""

from __future__ import annotations

import re

from django.db import connection

Groups = list[list[list[str]]]  # per query word, its alternatives, each a list of terms that must all occur

SAFE_TERM = re.compile(r"^[a-z0-9]+$")
# {region} becomes "AND d.region_id IN (%s, ...)": placeholders only, never a value.
_COLUMNS = "SELECT d.id, d.kind, d.object_id, d.region_id, d.title_terms, d.keyword_terms, d.body_terms"
POSTGRESQL_DOCUMENTS = (
    _COLUMNS + " FROM front_searchdocument d, to_tsquery('simple', %s) q"
    " WHERE d.tsv @@ q{region} ORDER BY ts_rank(d.tsv, q) DESC, d.id LIMIT %s"
)
SQLITE_DOCUMENTS = (
    _COLUMNS + " FROM front_searchdocument_fts f JOIN front_searchdocument d ON d.id = f.rowid"
    " WHERE front_searchdocument_fts MATCH %s{region} ORDER BY f.rank, d.id LIMIT %s"
)


def _fts5_expression(groups: Groups) -> str:
    def alternative(terms: list[str]) -> str:
        return "(" + " AND ".join(f'"{t}"' for t in terms) + ")"

    return " OR ".join("(" + " OR ".join(alternative(a) for a in alts) + ")" for alts in groups if alts)


def _tsquery(groups: Groups) -> str:
    def alternative(terms: list[str]) -> str:
        return "(" + " & ".join(f"'{t}'" for t in terms) + ")"

    return " | ".join("(" + " | ".join(alternative(a) for a in alts) + ")" for alts in groups if alts)


def candidates(groups: Groups, region_ids: list[int] | None, limit: int) -> list[tuple]:
    """Documents holding any alternative of any query word, best matches first, at most `limit`."""
    # Terms come from text.fold (ASCII letters and digits); anything else would be query syntax, so it is refused.
    if not any(groups) or any(not SAFE_TERM.match(t) for alts in groups for alt in alts for t in alt):
        return []
    region_sql, params = "", []
    if region_ids is not None:
        region_sql = f" AND d.region_id IN ({', '.join(['%s'] * len(region_ids))})"
        params = list(region_ids)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_DOCUMENTS.replace("{region}", region_sql), [_tsquery(groups), *params, limit])
        else:
            cursor.execute(SQLITE_DOCUMENTS.replace("{region}", region_sql), [_fts5_expression(groups), *params, limit])
        return cursor.fetchall()


def similar_terms(term: str, limit: int, spread: int) -> list[tuple[str, int]]:
    """Vocabulary terms of about the same length sharing trigrams with `term`, most similar first: candidates for a
    typo's correction. Both databases rank the same few thousand terms; Python picks by edit distance."""
    lengths = [max(len(term) - spread, 1), len(term) + spread]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT term, documents FROM front_searchterm WHERE documents > 0 AND length(term) BETWEEN %s AND %s"
                " ORDER BY similarity(term, %s) DESC, term LIMIT %s",
                [*lengths, term, limit],
            )
        else:
            trigrams = sorted({term[i : i + 3] for i in range(len(term) - 2)})
            if not trigrams:
                return []
            cursor.execute(
                "SELECT t.term, t.documents FROM front_searchterm_trigram g JOIN front_searchterm t ON t.id = g.rowid"
                " WHERE front_searchterm_trigram MATCH %s AND t.documents > 0 AND length(t.term) BETWEEN %s AND %s"
                " ORDER BY g.rank, t.term LIMIT %s",
                [" OR ".join(f'"{g}"' for g in trigrams), *lengths, limit],
            )
        return cursor.fetchall()

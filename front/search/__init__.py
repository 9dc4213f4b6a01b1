"""Search across roles, organisations, situations, route steps, signals, meetings, parents' pages, schools and
terms, in the words people use.

- text.py and compounds.py turn text into terms: Snowball stems, Dutch compound parts (Hunspell), participles.
- documents.py is the registry of searchable kinds; index.py keeps one SearchDocument per object, up to date
  through signals (`manage.py rebuild_search_index` rebuilds it).
- backends.py finds candidates with the database's own text index: FTS5 on SQLite, tsvector/GIN and pg_trgm on
  PostgreSQL. Both see the same stored terms, and Python ranks the candidates (engine.py) with the one table of
  weights in weights.py, so both databases give the same results.
- log.py records what was searched and not found or not followed, for editors.
"""

from front.search.documents import KIND_LABELS, KINDS
from front.search.engine import Hit, Results, search
from front.search.text import tokens as words

__all__ = ["KINDS", "KIND_LABELS", "Hit", "Results", "search", "words"]

"""Dutch compound splitting and participles, driven by a Hunspell dictionary (Debian's hunspell-nl).

No word list of our own: Hunspell's compound rules decide, and for compounds the dictionary lists whole, a split
into two words it knows by themselves, optionally joined by the linking "s" or "e". The dictionary
loads once per process (a few seconds) and every answer is cached.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from django.conf import settings
from spylls.hunspell import Dictionary

log = logging.getLogger(__name__)

MIN_PART = 3  # shorter "parts" are nearly always suffixes or letters of a longer word
MIN_COMPOUND = 7
MIN_TAIL = 5
_lock = threading.Lock()
_dictionary = None


def _lookup():
    """The dictionary's lookup, or None when no dictionary is installed (then words simply stay whole)."""
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                path = getattr(settings, "HUNSPELL_DICTIONARY", "")
                try:
                    _dictionary = Dictionary.from_files(path).lookuper
                except OSError as error:
                    log.warning("Geen Hunspell-woordenboek op %r (%s): samenstellingen worden niet gesplitst.", path, error)
                    _dictionary = False
    return _dictionary or None


@lru_cache(maxsize=200_000)
def is_word(word: str) -> bool:
    """A word the dictionary knows on its own, inflections included, but not merely as a compound."""
    lookup = _lookup()
    if lookup is None or len(word) < MIN_PART:
        return False
    return any(True for _ in lookup.good_forms(word, capitalization=False, compound_forms=False))


def _part(text: str) -> str:
    """A compound's part without its linking "s" ("samenwerkings" -> "samenwerking") when that is a word."""
    return text[:-1] if text.endswith("s") and is_word(text[:-1]) else text


@lru_cache(maxsize=200_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound: "kindermishandeling" -> ("kinder", "mishandeling"); () when it is none.

    Hunspell's own compound analysis first (fewest parts). Compounds the dictionary lists as words of their own
    ("eetstoornis", "ziekmelding") get no analysis from it; those are split where both halves are words, the
    second of at least MIN_TAIL letters, so endings ("pass|end", "gesp|rek") are not taken for words.
    """
    lookup = _lookup()
    if len(word) < MIN_COMPOUND or not word.isalpha() or lookup is None:
        return ()
    forms = [f for f in lookup.good_forms(word, capitalization=False, affix_forms=False) if len(f.parts) > 1]
    if forms:
        *heads, tail = (p.text for p in min(forms, key=lambda f: len(f.parts)).parts)
        return (*(_part(h) for h in heads), tail)
    for i in range(MIN_PART, len(word) - MIN_TAIL + 1):
        left, right = word[:i], word[i:]
        if is_word(right) and (is_word(left) or (left.endswith(("s", "e")) and is_word(left[:-1]))):
            return (_part(left) if is_word(left) else left[:-1], right)
    return ()


@lru_cache(maxsize=200_000)
def participle_base(word: str) -> str:
    """For a past participle "ge..." whose rest is a word: that rest ("gepest" -> "pest"), else ''."""
    if len(word) >= 6 and word.startswith("ge") and word.isalpha() and is_word(word[2:]):
        return word[2:]
    return ""


@lru_cache(maxsize=200_000)
def dictionary_stems(word: str) -> tuple[str, ...]:
    """The dictionary's own stems of an inflected word, other than the word: "verzuimt" -> ("verzuim",)."""
    lookup = _lookup()
    if lookup is None or len(word) < 4 or not word.isalpha():
        return ()
    stems = dict.fromkeys(f.stem for f in lookup.good_forms(word, capitalization=False, compound_forms=False))
    return tuple(s for s in stems if s != word and len(s) >= MIN_PART)


def warm_up() -> None:
    """Load the dictionary in the background, so the first search after a server start does not wait for it."""
    threading.Thread(target=_lookup, name="hunspell-nl", daemon=True).start()

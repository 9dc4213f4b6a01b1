"""Turning text into search terms, the same way for content and for queries.

A word becomes its Snowball stem (Dutch), and for a Dutch compound also the stems of its parts, so
"verzuimmelding" is found by "verzuim melding" and the other way round. Question words and other words that
say nothing about the subject ("wie", "mijn", "kan", "ik") are dropped from queries; the question's intent is
read from them first (see weights.INTENTS).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from front.search.compounds import dictionary_stems, participle_base, split_compound

# Words of a question or a sentence that carry no subject. Not a list of content words: a word here is never
# searched for, so it holds only pronouns, articles, auxiliaries and question words.
QUESTION_WORDS = frozenset(
    """
    de het een en of van voor in op met bij naar om te is zijn was wordt worden werd aan als dan dat die dit deze
    wie wat waar waarom wanneer hoe welke welk hoeveel waarheen
    ik je jij u we wij ze zij hij mijn mn jouw uw ons onze hun haar zijn mij me zich
    kan kun kunt kunnen moet moeten mag mogen wil wilt willen ga gaat gaan doe doet doen heb heeft hebben
    er nog ook al niet geen wel heel erg zo toch even maar meer iets iemand terecht hier daar
    zonder over tot uit door na tegen sinds per via onder tussen tijdens omdat want of dus
    """.split()
)

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lowercase, without accents or apostrophes, everything else a space: "IB'er" -> "iber", "coördinator"."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    text = re.sub(r"['’‘`´]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def tokens(text: str) -> list[str]:
    return fold(text).split()


def _fold_word(word: str) -> str:
    return fold(word).replace(" ", "")


def raw_words(text: str) -> list[str]:
    """Lowercase words with their accents kept, which the dictionary needs ("suïcidepreventie")."""
    return [w for w in re.split(r"[^\w]+|_", (text or "").lower().replace("'", "").replace("’", "")) if w]


def query_words(text: str) -> list[str]:
    """The words of a query that say what it is about, lowercase with their accents."""
    out = []
    for word in raw_words(text):
        folded = _fold_word(word)
        if folded and folded not in QUESTION_WORDS and (len(folded) > 1 or folded.isdigit()):
            out.append(word)
    return out


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return word if word.isdigit() else _stemmer.stemWord(word)


@lru_cache(maxsize=100_000)
def word_terms(word: str) -> tuple[str, tuple[str, ...], str]:
    """(stem, stems of the compound's parts, stem of the participle's base) for one lowercase word.

    "verzuimmelding" -> ("verzuimmeld", ("verzuim", "meld"), ""); "gepest" -> ("pes", (), "pest").
    The dictionary sees the word with its accents; the terms are folded.
    """
    folded = _fold_word(word)
    parts = tuple(stem(_fold_word(p)) for p in split_compound(word) if _fold_word(p))
    base = participle_base(word)
    return stem(folded), parts, stem(_fold_word(base)) if base else ""


def index_terms(text: str) -> list[str]:
    """Every term a piece of content is found by: each word's stem, its compound parts and participle base."""
    out: list[str] = []
    for word in raw_words(text):
        folded = _fold_word(word)
        if not folded or (len(folded) < 2 and not folded.isdigit()):
            continue
        own, parts, base = word_terms(word)
        out.append(own)
        out.extend(parts)
        if base:
            out.append(base)
    return out


@lru_cache(maxsize=100_000)
def query_bases(word: str) -> tuple[str, ...]:
    """Further terms a query word may mean, from the dictionary's stems: "verzuimt" -> ("verzuim",)."""
    own = stem(_fold_word(word))
    return tuple(dict.fromkeys(t for t in (stem(_fold_word(s)) for s in dictionary_stems(word)) if t and t != own))

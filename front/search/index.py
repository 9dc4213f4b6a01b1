"""The search index: one SearchDocument per searchable object, kept current by signals.

Every save or delete of a registered kind (documents.KINDS) rewrites that object's document at once, in the
same transaction, so a zoekwoord an editor adds is found on the next search. `rebuild()` writes everything
anew (after bulk loads that skip signals, such as generate_synthetic, or pause them, such as load_content).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from front.models import SearchDocument, SearchTerm
from front.search.documents import BY_MODEL, KINDS, Kind
from front.search.text import index_terms


def document_for(kind: Kind, obj) -> SearchDocument:
    title = index_terms(" ".join(kind.title(obj)))
    keywords = index_terms(" ".join(kind.keywords(obj)))
    region = kind.region(obj)
    # The region's name counts as body text: "leerplicht schiedam" means the one in Schiedam's region.
    body = index_terms(" ".join([*kind.body(obj), region.name]))
    return SearchDocument(
        kind=kind.key,
        object_id=obj.pk,
        region_id=region.pk,
        title_terms=" ".join(title),
        keyword_terms=" ".join(keywords),
        body_terms=" ".join(body),
        terms=" ".join([*title, *keywords, *body]),
    )


def _unique_terms(doc: SearchDocument | None) -> set[str]:
    return set(doc.terms.split()) if doc is not None else set()


def _count(terms: set[str], delta: int) -> None:
    if not terms:
        return
    if delta > 0:
        SearchTerm.objects.bulk_create([SearchTerm(term=t[:100]) for t in terms], ignore_conflicts=True)
    SearchTerm.objects.filter(term__in=[t[:100] for t in terms]).update(documents=F("documents") + delta)


def reindex(kind: Kind, obj) -> None:
    with transaction.atomic():
        old = SearchDocument.objects.filter(kind=kind.key, object_id=obj.pk).first()
        new = document_for(kind, obj)
        if old is not None:
            new.pk = old.pk
        new.save()
        before, after = _unique_terms(old), _unique_terms(new)
        _count(after - before, +1)
        _count(before - after, -1)


def remove(kind: Kind, pk: int) -> None:
    with transaction.atomic():
        old = SearchDocument.objects.filter(kind=kind.key, object_id=pk).first()
        if old is not None:
            _count(_unique_terms(old), -1)
            old.delete()


def rebuild() -> int:
    """Write the whole index anew; returns the number of documents."""
    docs: list[SearchDocument] = []
    for kind in KINDS:
        for obj in kind.model.objects.select_related(*kind.related).iterator(chunk_size=2000):
            docs.append(document_for(kind, obj))
    frequencies = Counter(t for d in docs for t in _unique_terms(d))
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        SearchDocument.objects.bulk_create(docs, batch_size=1000)
        SearchTerm.objects.bulk_create([SearchTerm(term=t[:100], documents=n) for t, n in frequencies.items()], batch_size=2000)
    return len(docs)


_paused: ContextVar[bool] = ContextVar("search_index_paused", default=False)


@contextmanager
def paused() -> Iterator[None]:
    """Saves and deletes inside leave the index alone: for a bulk load that calls rebuild() when it is done, so
    each object is indexed once instead of at every save of it and its children."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if raw or _paused.get():
        return  # fixtures and bulk loads: the loader rebuilds afterwards
    reindex(BY_MODEL[sender], instance)


def _deleted(sender, instance, **kwargs) -> None:
    if not _paused.get():
        remove(BY_MODEL[sender], instance.pk)


def connect_signals() -> None:
    """Called from FrontConfig.ready()."""
    for model in BY_MODEL:
        post_save.connect(_saved, sender=model, dispatch_uid=f"wdw-search-save-{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"wdw-search-delete-{model._meta.label}")

"""The content-file section this app loads: the municipalities a handbook names."""

from __future__ import annotations

from regions.forms import MunicipalityForm
from regions.loading import Loader, Section, Source, text


def load_municipality(loader: Loader, src: Source, item: dict) -> None:
    values = {
        "region": src.region,
        "name": item["name"],
        "scope_note": text(item, "scope_note"),
        **loader.source_fields(src, item),
    }
    loader.upsert(src, MunicipalityForm, {"slug": item["slug"]}, values)


SECTIONS = [Section("municipalities", load_municipality)]

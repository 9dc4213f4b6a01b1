"""The content-file section this app loads: a region's parents' flow with its nodes, checked as a whole graph."""

from __future__ import annotations

from directory.models import Organisation
from parents.forms import FlowNodeForm, ParentFlowForm, node_spec
from parents.graph import validate_flow
from regions.loading import Loader, Section, Source, text


def load_parent_flow(loader: Loader, src: Source, item: dict) -> None:
    """A parents' flow and its nodes; the graph is validated like the admin does before anything is saved."""
    where = f"wegwijzer '{item['slug']}'"
    nodes = item.get("nodes") or []
    specs = [
        node_spec(n.get("slug", ""), n.get("kind", ""), n.get("order", i), n.get("answers") or []) for i, n in enumerate(nodes)
    ]
    for problem in validate_flow(specs):
        loader.error(src, where, problem)
    flow = loader.upsert(
        src,
        ParentFlowForm,
        {"region": src.region, "slug": item["slug"]},
        {"title": item["title"], "intro": text(item, "intro"), **loader.source_fields(src, item)},
    )
    if flow is None:
        return
    wanted = set()
    for order, node in enumerate(nodes, start=1):
        wanted.add(node["slug"])
        loader.upsert(
            src,
            FlowNodeForm,
            {"flow": flow, "slug": node["slug"]},
            {
                "kind": node["kind"],
                "order": node.get("order", order),
                "title": node["title"],
                "body": text(node, "body"),
                "answers": [{"label": a["label"], "to": a["to"]} for a in node.get("answers") or []],
                "organisations": loader.refs(src, Organisation, node.get("organisations"), f"{where}/{node['slug']}"),
                "expectations": text(node, "expectations"),
                "sensitive": bool(node.get("sensitive", False)),
                # A node names its own section; its document is the file's unless it says otherwise.
                **(loader.source_fields(src, node) if node.get("source") else {"source_document": "", "source_section": ""}),
            },
        )
    stale = flow.nodes.exclude(slug__in=wanted)
    if stale.exists():
        loader.summary.add("deleted", "stappen van de wegwijzer", stale.count())
        stale.delete()


SECTIONS = [Section("parent_flows", load_parent_flow)]

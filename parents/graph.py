"""The shape of a parents' flow: every path must end at an outcome. Used by the admin form and the loader alike."""

from __future__ import annotations

from dataclasses import dataclass

from parents.models import FlowNode, NodeKind, ParentFlow


@dataclass(frozen=True)
class NodeSpec:
    """What validation needs of a node, whether it comes from a form, a file or the database."""

    slug: str
    kind: str
    order: int
    answers: tuple[tuple[str, str], ...]  # (label, target slug)


def validate_flow(nodes: list[NodeSpec]) -> list[str]:
    """Every problem in the graph, in Dutch; an empty list means every path ends at an outcome."""
    errors: list[str] = []
    by_slug = {n.slug: n for n in nodes}
    questions = sorted((n for n in nodes if n.kind == NodeKind.QUESTION), key=lambda n: n.order)
    if not questions:
        return ["De wegwijzer heeft minstens één vraag nodig."]
    if not any(n.kind == NodeKind.OUTCOME for n in nodes):
        errors.append("De wegwijzer heeft minstens één uitkomst nodig.")
    for node in nodes:
        if node.kind == NodeKind.QUESTION and not node.answers:
            errors.append(f"Vraag '{node.slug}' heeft geen antwoorden: daar loopt de ouder vast.")
        if node.kind == NodeKind.OUTCOME and node.answers:
            errors.append(f"Uitkomst '{node.slug}' mag geen antwoorden hebben.")
        labels = [label for label, _target in node.answers]
        if len(labels) != len(set(labels)):
            errors.append(f"Vraag '{node.slug}' heeft twee antwoorden met dezelfde tekst.")
        for label, target in node.answers:
            if target not in by_slug:
                errors.append(f"Antwoord '{label}' bij vraag '{node.slug}' verwijst naar '{target}', die niet bestaat.")
            elif target == node.slug:
                errors.append(f"Antwoord '{label}' bij vraag '{node.slug}' verwijst naar dezelfde vraag.")
    if errors:
        return errors
    # Reachability and loops, by a depth-first walk from the first question.
    state: dict[str, str] = {}

    def walk(slug: str) -> None:
        state[slug] = "open"
        for _label, target in by_slug[slug].answers:
            if state.get(target) == "open":
                errors.append(f"Vanaf '{slug}' komt de ouder terug bij '{target}': een kringloop zonder uitkomst.")
            elif target not in state:
                walk(target)
        state[slug] = "done"

    walk(questions[0].slug)
    for node in nodes:
        if node.slug not in state:
            what = "Uitkomst" if node.kind == NodeKind.OUTCOME else "Vraag"
            errors.append(f"{what} '{node.slug}' is onbereikbaar: geen antwoord leidt ernaartoe.")
    return errors


def flow_paths(flow: ParentFlow) -> list[list[tuple[FlowNode, int | None]]]:
    """Every path from the first question to an outcome, as (node, index of the answer taken) pairs."""
    nodes = {n.slug: n for n in flow.nodes.all()}
    start = flow.start()
    paths: list[list[tuple[FlowNode, int | None]]] = []

    def walk(node: FlowNode, path: list) -> None:
        if node.is_outcome:
            paths.append([*path, (node, None)])
            return
        for index, answer in enumerate(node.answer_list(), start=1):
            walk(nodes[answer["to"]], [*path, (node, index)])

    if start:
        walk(start, [])
    return paths

"""The « Versions » section: what changed from each version to the next, each item's history,
and a page at every address an earlier version had, so that no old link ends on « introuvable »."""

from __future__ import annotations

from ...diff import Change
from ...diff.compare import KINDS
from ...diff.report import NAMES, STATUS_WORDS, summary
from ...versions import Gone, History, Step
from ..text import md, slug
from ..urls import Links, bloc_page, competence_page, grid_page, modality_page, record_page

VERSIONS = "versions/index.md"


def step_page(step: Step) -> str:
    return f"versions/{slug(step.older.nom) or 'version'}-{slug(step.newer.nom) or 'version'}.md"


def step_title(step: Step) -> str:
    return f"De « {step.older.nom} » à « {step.newer.nom} »"


def gone_pages(gone: Gone) -> list[str]:
    """The addresses an item had that the current version no longer has."""
    if gone.kind == "bloc":
        return [bloc_page(gone.id), record_page(gone.id)]
    if gone.kind == "competence":
        return [competence_page(gone.id)]
    if gone.kind == "modalite":
        return [modality_page(gone.id), grid_page(gone.id)]
    return []  # activities and criteria are anchors on their bloc's and competence's pages


def render_versions_index(history: History, links: Links) -> str:
    out = ["# Versions", "", "Les versions du référentiel, de la plus ancienne à l'actuelle :", ""]
    for step in history.steps:
        counts = summary(list(step.changes))
        total = sum(n for kind in counts.values() for n in kind.values())
        out.append(f"- {links.md_page(step_page(step), step_title(step))} : {total} changement(s)")
    out += [
        "",
        f"{len(history.gone)} identifiant(s) d'une version antérieure n'existe(nt) plus ; leur "
        "ancienne adresse dit ce qu'ils sont devenus.",
        "",
    ]
    return "\n".join(out)


def render_step(step: Step, links: Links) -> str:
    counts = summary(list(step.changes))
    out = [f"# {md(step_title(step))}", ""]
    if not step.changes:
        return "\n".join([*out, "Aucune différence.", ""])
    statuses = list(STATUS_WORDS)
    out.append("| | " + " | ".join(STATUS_WORDS[s].capitalize() + "s" for s in statuses) + " |")
    out.append("|---|" + "---:|" * len(statuses))
    for kind in KINDS:
        out.append(f"| {NAMES[kind][0]} | " + " | ".join(str(counts[kind][s]) for s in statuses) + " |")
    out.append("")
    for kind in KINDS:
        of_kind = [change for change in step.changes if change.kind == kind]
        if of_kind:
            out += [f"## {NAMES[kind][0]}", ""]
            out += [f"- {_change_line(change, links)}" for change in of_kind]
            out.append("")
    return "\n".join(out)


def _name(item_id: str, links: Links) -> str:
    """A link to the item if the current version has it, else its ID as text."""
    try:
        return links.md_id(item_id)
    except KeyError:
        return md(item_id)


def _change_line(change: Change, links: Links) -> str:
    old, new = change.old, change.new
    told = ", ".join(STATUS_WORDS[s] for s in change.status)
    if new is None:
        assert old is not None
        return f"{md(old.id)} — **{told}** : « {md(old.text)} »"
    if old is None:
        return f"{_name(new.id, links)} — **{told}** : « {md(new.text)} »"
    name = _name(new.id, links) if old.id == new.id else f"{md(old.id)} → {_name(new.id, links)}"
    line = f"{name} — **{told}**"
    if "deplace" in change.status:
        line += f" ({md(old.parent)} → {md(new.parent)})"
    if change.words:
        line += " : " + words_md(change)
    return line


def words_md(change: Change) -> str:
    """The reworded text, removed words struck through and added ones marked."""
    parts = []
    for op, text in change.words:
        if op == "-":
            parts.append(f"<del>{md(text)}</del>")
        elif op == "+":
            parts.append(f"<ins>{md(text)}</ins>")
        else:
            parts.append(md(text))
    return " ".join(parts)


def history_section(item_id: str, history: History, links: Links) -> str:
    """« Historique » of an item page: the versions where it changed, or nothing."""
    found = history.changes_of(item_id)
    if not found:
        return ""
    out = ["## Historique", ""]
    for step, change in found:
        told = ", ".join(STATUS_WORDS[s] for s in change.status)
        line = f"- {links.md_page(step_page(step), step_title(step))} : {told}"
        if change.old and change.new and change.old.id != change.new.id:
            line += f" (auparavant {md(change.old.id)})"
        out.append(line)
    return "\n".join(out) + "\n"


def render_gone(gone: Gone, links: Links) -> str:
    """What an old address says: where the item went, or when it was removed, and its old text."""
    label = NAMES[gone.kind][1]
    out = [f"# {md(gone.id)} n'existe plus", ""]
    where = links.md_page(step_page(gone.step), step_title(gone.step))
    if gone.now is not None:
        out.append(f"Cet identifiant ({label}) est devenu {_name(gone.now, links)} ({where}).")
    else:
        out.append(f"Cet identifiant ({label}) a été retiré du référentiel ({where}).")
    out += [
        "",
        f"Son texte dans la version « {md(gone.step.older.nom)} » :",
        "",
        f"> {md(gone.text)}",
        "",
    ]
    return "\n".join(out)

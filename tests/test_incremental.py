"""The search entries of a partial build: the rebuilt pages' replace theirs, the others' are kept."""

from __future__ import annotations

from referentiel.plugin.incremental import SearchEntries


def _entry(location: str, text: str) -> dict[str, str]:
    return {"location": location, "title": location, "text": text}


def test_rebuilt_pages_replace_their_entries_and_the_others_are_kept() -> None:
    """A rebuilt page's sections are those of this build only, a removed section is gone, a page
    no longer in the site loses its entries, and the site's page order is kept."""
    entries = SearchEntries()
    first = [_entry("a/", "un"), _entry("a/#s1", "deux"), _entry("b/", "trois"), _entry("c/", "quatre")]
    assert entries.merge(first, {"a/", "b/", "c/"}, ["a/", "b/", "c/"]) == first

    fresh = [_entry("b/", "trois révisé"), _entry("b/#nouvelle", "cinq")]
    merged = entries.merge(fresh, {"b/", "a/"}, ["b/", "a/"])
    assert [e["location"] for e in merged] == ["b/", "b/#nouvelle"]
    assert merged[0]["text"] == "trois révisé"
    # « révisé » is also found as « revise », like every entry of a full build.
    assert "revise" in merged[0]["variantes"]


def test_pages_not_rebuilt_keep_their_entries() -> None:
    """A build that rebuilt one page keeps every other page's entries as they were."""
    entries = SearchEntries()
    entries.merge([_entry("a/", "un"), _entry("b/", "deux")], {"a/", "b/"}, ["a/", "b/"])
    merged = entries.merge([_entry("b/", "deux bis")], {"b/"}, ["a/", "b/"])
    assert [(e["location"], e["text"]) for e in merged] == [("a/", "un"), ("b/", "deux bis")]

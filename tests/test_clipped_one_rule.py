"""One "exactly one organisation" rule for a clipped name ("Dockers Assn"), asked by
the mentions (an untagged clipped name) and by the entities (any mention against the
clusters): names that fold alike are one organisation to both. Invented text."""

from __future__ import annotations

import pytest

from kb.extract.names import only_clipped

pytestmark = pytest.mark.slow


def test_two_spellings_of_one_name_are_one_organisation(run):
    # the two spellings fold alike: the mentions counted two bodies, and left
    # the clipped form out, where the entities see one
    x = run(
        "The Varda Dockers' Association raised fees on Monday. The Varda Dockers "
        "Association sent a letter to members. The Dockers Assn said costs had risen."
    )
    names = {e.key: e.name for e in x.entities}
    assert names[x.claims[-1].claimant] == "Varda Dockers' Association"
    assert [e.name for e in x.entities if e.actor_kind is not None] == [
        "Varda Dockers' Association"
    ]


def test_only_clipped_counts_organisations_not_names():
    # each organisation's names as folded words, two names of "a"
    one = {
        "a": [["varda", "dockers", "association"], ["varda", "dockers'", "association"]]
    }
    assert only_clipped(["assn"], one) == "a"
    two = {**one, "b": [["kellan", "dockers", "association"]]}
    assert only_clipped(["assn"], two) is None
    assert only_clipped(["assn"], {}) is None

"""What this round's open set showed beside its scores: a cue whose object is a bare
pronoun made an empty claim, and the shapes then rejected the whole article.
Invented sentences (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

_PRONOUN_OBJECT = (
    "A blog said the mayor had sold the depot.\n\n"
    "The mayor denied that, insisting the depot was still owned by the city. "
    '"Nothing has changed," the mayor said.'
)


def test_a_pronoun_object_makes_no_empty_claim(run):
    x = run(_PRONOUN_OBJECT)
    spans = [s for c in x.claims for s in (c.statement_span, *c.content_spans())]
    assert all(s.end > s.start for s in spans), [c.statement for c in x.claims]
    assert "the depot was still owned by the city" in [c.statement for c in x.claims]


def test_the_article_conforms(tmp_path):
    from kb.jobs.export import export

    article = tmp_path / "contract.txt"
    article.write_text(_PRONOUN_OBJECT + "\n", encoding="utf-8")
    result = export([article])
    assert result.written == 1, result.summary()
    assert result.exit_code == 0

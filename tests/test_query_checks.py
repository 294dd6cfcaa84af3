"""kb/store/query_checks.py: readable parse errors and unknown kb: terms, as text
(the CLI's messages are tested in test_cli_store.py)."""

from __future__ import annotations

from kb.store.query_checks import parse_error_message, unknown_terms

# oxigraph's message for an unclosed group, cut short
UNCLOSED = (
    "error at 1:32: expected one of \",\", \"}\", ['%'], ['A' ..= 'Z' | 'a' ..= 'z'"
    " | '\\u{00C0}'..='\\u{00D6}'\n| '\\u{00F8}'..='\\u{02FF}'], ['\\\\'], [_]"
)


def test_character_classes_are_dropped_and_tokens_kept() -> None:
    message = parse_error_message("SELECT ?s WHERE { ?s a kb:Person", UNCLOSED)
    assert message == (
        'the query does not parse: at line 1, column 32, expected one of ",", "}"; '
        "a '{' is never closed"
    )


def test_an_empty_query_and_a_query_of_comments_are_empty() -> None:
    for text in ("", "  \n", "# just a note\n", "PREFIX ex: <http://e/>\n"):
        assert parse_error_message(text, "error at 1:1: expected [_]").startswith(
            "the query is empty"
        )


def test_braces_and_strings_inside_strings_iris_and_comments_do_not_count() -> None:
    text = 'SELECT * { ?s ?p "{ (" . ?s ?q <http://e/x> # {\n ?s ?r ?o . BAD }'
    assert parse_error_message(text, "error at 2:13: expected [_]") == (
        "the query does not parse: at line 2, column 13"
    )


def test_terms_of_other_prefixes_and_of_strings_are_left_alone() -> None:
    text = 'SELECT * { ?s schema:Persn ?o ; kb:Evnt "kb:Persn" } # kb:Persn'
    assert unknown_terms(text) == [
        "kb:Evnt is not a term of the newskb vocabulary (ontology/kb.ttl), so it "
        "matches nothing: did you mean kb:Event?"
    ]


def test_a_term_of_another_vocabulary_is_named_with_its_prefix() -> None:
    (label,) = unknown_terms("SELECT * { ?s kb:label ?name }")
    assert label.endswith("did you mean rdfs:label?")
    (nothing,) = unknown_terms("SELECT * { ?s kb:zzqx ?name }")
    assert nothing.endswith("so it matches nothing")


def test_a_case_slip_suggests_every_term_of_that_spelling() -> None:
    (note,) = unknown_terms("SELECT * { ?e kb:eventtype ?t }")
    assert note.endswith("did you mean kb:EventType or kb:eventType?")

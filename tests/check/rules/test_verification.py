"""``errdex.check.rules.verification``: W701, an entry without a request example."""

from __future__ import annotations

from check_helpers import lint, only


def test_without_verification_no_entry_owes_an_example() -> None:
    assert only(lint('[[errors]]\ncode = 1\nmessage = "a"\n'), "W701") == []


def test_with_verify_every_live_entry_owes_one_or_a_reason() -> None:
    found = only(
        lint(
            """
            [verify]
            profile = "problem"

            [[errors]]
            code = 1
            message = "a"

            [[errors]]
            code = 2
            message = "b"
            no_example = "only a real outage sends it"

            [[errors]]
            code = 3
            status = "removed"

            [[errors]]
            code = 4
            message = "d"
            [[errors.examples]]
            request = { path = "/d" }
            """
        ),
        "W701",
    )
    assert [(d.line, d.message) for d in found] == [
        (8, "1 has no request example, so errdex verify cannot prove that the service sends it")
    ]
    assert "no_example" in found[0].hint


def test_one_request_example_turns_verification_on() -> None:
    found = only(
        lint(
            '[[errors]]\ncode = 1\nmessage = "a"\n'
            '[[errors.examples]]\nrequest = { path = "/a" }\n'
            '[[errors]]\ncode = 2\nmessage = "b"\n'
        ),
        "W701",
    )
    assert [d.line for d in found] == [9]  # the code of entry 2

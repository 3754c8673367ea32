"""``errdex.io.invariants.references``: ``replaced_by`` and ``internal_error`` name real codes."""

from __future__ import annotations

from errdex.io.invariants.references import unknown_codes


def test_replaced_by_an_unknown_code(found) -> None:
    body = '[[errors]]\ncode = 1\nstatus = "removed"\nreplaced_by = 4242\n'
    ((rule, place, message),) = found(unknown_codes, body)
    assert rule == "E112" and place.startswith("6:") and "4242" in message


def test_internal_error_of_an_unknown_code(found) -> None:
    body = 'internal_error = "SYS-1"\n[[errors]]\ncode = 1\nmessage = "a"\n'
    ((rule, _, message),) = found(unknown_codes, body)
    assert rule == "E112" and "'SYS-1'" in message


def test_real_references_pass(found) -> None:
    body = (
        "internal_error = 2\n"
        '[[errors]]\ncode = 1\nstatus = "removed"\nreplaced_by = 2\n'
        '[[errors]]\ncode = 2\nmessage = "b"\n'
    )
    assert found(unknown_codes, body) == []

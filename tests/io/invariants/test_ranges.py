"""``errdex.io.invariants.ranges``: integers every wire and language can hold (E114)."""

from __future__ import annotations

from errdex.io.invariants.ranges import integer_ranges


def test_numbers_beyond_a_safe_integer_are_refused_where_they_are(found) -> None:
    body = '[[errors]]\ncode = 1\nmessage = "a"\nretry_after = 9007199254740993\n'
    ((rule, place, message),) = found(integer_ranges, body)
    assert rule == "E114" and place.startswith("6:") and "9007199254740993" in message


def test_safe_integers_pass(found) -> None:
    body = '[[errors]]\ncode = 9007199254740991\nmessage = "a"\nretry_after = 86400\n'
    assert found(integer_ranges, body) == []


def test_a_json_rpc_code_must_fit_32_bits(found) -> None:
    body = '[spaces.rpc]\nkind = "jsonrpc"\n' + (
        '[[errors]]\ncode = -3000000000\nspace = "rpc"\nmessage = "a"\n'
    )
    assert [r for r, _, _ in found(integer_ranges, body)] == ["E114"]

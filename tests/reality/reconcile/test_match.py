"""Reverse template matching: a received message back to the template that made it."""

from __future__ import annotations

import errdex
from errdex.reality.reconcile.match import Matcher, compile_template

CAT = errdex.loads(
    """
[catalog]
id = "m"

[[errors]]
code = 1
name = "expired"
message = "Token expired {age} s ago."
translations.zh-CN.message = "令牌已于 {age} 秒前过期"

[[errors.variants]]
message = "token revoked by {who}"

[[errors]]
code = 2
message = "{field} is required"

[[errors]]
code = 3
title = "Rate limited"
message = "Literal {x.y} braces {{ok}}"
"""
)


def test_a_filled_template_matches_whatever_the_values() -> None:
    m = Matcher(CAT)
    one = CAT.entries[0]
    assert m.matches(one, "Token expired 5 s ago.")
    assert m.matches(one, "token EXPIRED 86400 s ago")  # case and final period do not matter
    assert m.matches(one, "令牌已于 3 秒前过期")  # a translation
    assert m.matches(one, "token revoked by admin")  # a variant
    assert m.matches(one, "expired")  # the name, sent as the message
    assert not m.matches(one, "Token expired")
    assert not m.matches(one, "Session expired 5 s ago.")


def test_what_is_not_a_placeholder_stays_literal() -> None:
    m = Matcher(CAT)
    three = CAT.entries[2]
    assert m.matches(three, "Literal {x.y} braces {ok}")
    assert not m.matches(three, "Literal anything braces {ok}")
    assert m.matches(three, "rate limited")
    assert compile_template("a.b*c (d)").fullmatch("a.b*c (d)")


def test_an_unknown_codes_message_is_traced_to_its_entry() -> None:
    m = Matcher(CAT)
    guessed = m.guess("Token expired 12 s ago")
    assert guessed is not None and guessed.code == 1
    leading = m.guess("email is required")
    assert leading is not None and leading.code == 2
    assert m.guess("nothing like it") is None

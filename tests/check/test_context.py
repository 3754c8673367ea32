"""``errdex.check.context``: the rules see the load-time invariants' own context."""

from __future__ import annotations

import errdex.io.context
from catalogs import HEAD
from errdex.check.context import Context, Spot, value_at
from errdex.io import loads


def test_the_rules_and_the_invariants_share_one_context() -> None:
    # one class: a rule and an invariant report through the same places and spots
    assert Context is errdex.io.context.Context
    assert Spot is errdex.io.context.Spot
    assert value_at is errdex.io.context.value_at


def test_value_at_follows_fields_indexes_and_keys() -> None:
    catalog = loads(
        HEAD + '\n[[errors]]\ncode = 1\nvariants = [{ message = "a" }, { message = "b" }]\n'
        '[errors.translations.fr]\nmessage = "x"\n'
    )
    (entry,) = catalog.entries
    assert value_at(entry, ("code",)) == 1
    assert value_at(entry, ("variants", 1, "message")) == "b"
    assert value_at(entry, ("translations", "fr", "message")) == "x"

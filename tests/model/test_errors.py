"""``errdex.model.errors``: the refusal every command prints as message and hint."""

from __future__ import annotations

import pytest

from errdex.model.errors import HintedError


def test_a_hinted_error_carries_message_and_hint() -> None:
    err = HintedError("module 'x' is full", "widen its range")
    assert (err.message, err.hint, str(err)) == (
        "module 'x' is full",
        "widen its range",
        "module 'x' is full",
    )
    assert HintedError("no hint").hint is None


def test_it_is_a_value_error_so_callers_may_catch_either() -> None:
    with pytest.raises(ValueError, match="bad"):
        raise HintedError("bad", "fix it")

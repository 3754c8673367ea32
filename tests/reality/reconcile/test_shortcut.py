"""The shortcut names an entry from a problem body's code alone, only where that is certain."""

from __future__ import annotations

import pytest

from errdex.model import Catalog, Entry
from errdex.reality.reconcile.shortcut import SHORT, Shortcut


def _entry(catalog: Catalog, code: int | str) -> Entry:
    return next(e for e in catalog.entries if e.code == code)


@pytest.fixture
def shortcut(shop: Catalog) -> Shortcut:
    cut = Shortcut(shop)
    cut.learn(_entry(shop, "AUTH-ERR-4"), ("AUTH-ERR-4", "app", "auth"))
    return cut


def test_only_codes_one_entry_has_and_without_variants_are_shortcuts(shop: Catalog) -> None:
    unique = Shortcut(shop).unique
    assert unique["AUTH-ERR-4"] is _entry(shop, "AUTH-ERR-4")
    assert 7 not in unique  # in two spaces
    assert -32000 not in unique  # has message variants


def test_a_problem_body_with_a_learnt_code_is_judged(shortcut: Shortcut, shop: Catalog) -> None:
    body = {"type": "t", "title": "invalidJWT", "detail": "The token expired 5 seconds ago.",
            "code": "AUTH-ERR-4"}  # fmt: skip
    entry, facts, message = shortcut.judge(body) or (None, None, None)
    assert entry is _entry(shop, "AUTH-ERR-4")
    assert facts == ("AUTH-ERR-4", "app", "auth")
    assert message == "The token expired 5 seconds ago."
    assert shortcut.judge({"type": "t", "title": "T", "code": "AUTH-ERR-4"}) == (
        entry,
        facts,
        "T",
    )


@pytest.mark.parametrize(
    "body",
    [
        {"detail": "d", "code": "AUTH-ERR-5"},  # never decoded in full: facts unknown
        {"detail": "d", "code": "auth-err-4"},  # spelled otherwise
        {"detail": "d", "code": "NOPE"},
        {"detail": "d", "code": 7},  # shared by two spaces
        {"detail": "d", "code": ["AUTH-ERR-4"]},
        {"detail": "d", "code": "AUTH-ERR-4", "error": {}},  # another envelope
        {"title": "no type", "code": "AUTH-ERR-4"},
        {"detail": 5, "code": "AUTH-ERR-4"},
        {"detail": "x" * (SHORT + 1), "code": "AUTH-ERR-4"},
    ],
)
def test_anything_uncertain_goes_to_the_full_decode(
    shortcut: Shortcut, body: dict[str, object]
) -> None:
    assert shortcut.judge(body) is None


def test_learning_keeps_the_first_facts_and_ignores_entries_that_are_no_shortcut(
    shop: Catalog,
) -> None:
    cut = Shortcut(shop)
    jwt = _entry(shop, "AUTH-ERR-4")
    cut.learn(jwt, ("AUTH-ERR-4", "app", "auth"))
    cut.learn(jwt, ("other", None, None))
    cut.learn(_entry(shop, -32000), (-32000, "rpc", "rpc"))
    assert cut.facts == {id(jwt): ("AUTH-ERR-4", "app", "auth")}

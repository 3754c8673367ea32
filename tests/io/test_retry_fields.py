"""The `fault` and `retry` catalog fields: inheritance, the shorthand, conflicts."""

from __future__ import annotations

import pytest

import errdex
from catalogs import HEAD
from errdex.io.load import CatalogError

CATALOG = (
    HEAD
    + """
[spaces.app]
retry = "never"

[modules.pay]
prefix = "PAY-"
retry = "outcome-unknown"
fault = "dependency"

[[errors]]
code = "PAY-1"
module = "pay"
http_status = 504

[[errors]]
code = "PAY-2"
module = "pay"
retryable = true

[[errors]]
code = "PAY-3"
module = "pay"
retry = "idempotent-only"
fault = "server"

[[errors]]
code = "X-1"
"""
)


def test_fields_inherit_and_the_most_specific_table_decides_both() -> None:
    cat = errdex.loads(CATALOG)
    by = {e.code: e for e in cat.entries}
    assert (by["PAY-1"].retry, by["PAY-1"].retryable, by["PAY-1"].fault) == (
        "outcome-unknown",
        True,
        "dependency",
    )
    # a lone retryable on the entry is the shorthand: it drops the module's retry
    assert (by["PAY-2"].retry, by["PAY-2"].retryable) == (None, True)
    assert (by["PAY-3"].retry, by["PAY-3"].fault) == ("idempotent-only", "server")
    assert (by["X-1"].retry, by["X-1"].retryable) == ("never", False)  # the space's


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ('retry = "never"\nretryable = true', "code 'PAY-9'"),
        ('retry = "safe"\nretryable = false', "code 'PAY-9'"),
    ],
)
def test_a_contradicting_pair_is_a_load_error_with_its_position(extra: str, where: str) -> None:
    text = CATALOG + f'\n[[errors]]\ncode = "PAY-9"\nmodule = "pay"\n{extra}\n'
    with pytest.raises(CatalogError) as info:
        errdex.loads(text)
    message = str(info.value)
    assert where in message and "contradicts" in message and ":1" in message


def test_an_unknown_class_names_the_choices() -> None:
    with pytest.raises(CatalogError) as info:
        errdex.loads('[catalog]\nid = "x"\n[[errors]]\ncode = 1\nretry = "maybe"\n')
    assert "idempotent-only" in str(info.value)


def test_fields_round_trip_through_canonical_json() -> None:
    import orjson

    from errdex.io.export import to_data

    cat = errdex.loads(CATALOG)
    data = to_data(cat)
    by = {e["code"]: e for e in data["errors"]}
    assert by["PAY-1"]["retry"] == "outcome-unknown" and by["PAY-1"]["fault"] == "dependency"
    again = errdex.loads(orjson.dumps(data).decode(), format="json")
    assert [(e.retry, e.fault, e.retryable) for e in again.entries] == [
        (e.retry, e.fault, e.retryable) for e in cat.entries
    ]

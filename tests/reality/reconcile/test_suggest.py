"""``--suggest``: the codes production sent that the catalog lacks, as a TOML patch to review."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

from errdex.model import Catalog
from errdex.reality.reconcile import reconcile
from errdex.reality.reconcile.suggest import patch, toml_string


def _line(status: int, code: str, detail: str) -> str:
    body = {"type": "about:blank", "title": "x", "detail": detail, "code": code}
    return json.dumps({"status": status, "response": {"body": json.dumps(body)}})


def test_toml_string_escapes_controls_and_del() -> None:
    text = 'a\x7fb\n"\x1b'
    quoted = toml_string(text)
    assert "\x7f" not in quoted and "\x1b" not in quoted
    assert tomllib.loads(f"v = {quoted}")["v"] == text


def test_unknown_codes_become_entries_most_frequent_first(
    shop: Catalog, write_catalog: Callable[..., Path]
) -> None:
    evidence = write_catalog(
        "\n".join(
            [_line(401, "AUTH-ERR-99", "The token expired 5 seconds ago.")]
            + [_line(409, "ORD-1", "Order 5 conflicts")] * 3
            + [_line(409, "ORD-1", "Order 6 conflicts")]
        )
        + "\n",
        "production.jsonl",
    )
    text = patch(reconcile(shop, [str(evidence)]))
    assert text.startswith(
        "# errdex reconcile: 2 codes production sent that catalog shop does not have.\n"
    )
    assert f'# seen 4 times, first at {evidence}:2\n[[errors]]\ncode = "ORD-1"\n' in text
    assert text.index('"ORD-1"') < text.index('"AUTH-ERR-99"')
    # placed where decoding put it, and a message of another entry is named
    assert 'code = "AUTH-ERR-99"\nmodule = "auth"\n' in text
    assert "# its message is the one of AUTH-ERR-4: a swapped code?" in text
    data = tomllib.loads(text)
    assert data["errors"][0] == {
        "code": "ORD-1",
        "message": "Order 5 conflicts",
        "http_status": 409,
        "variants": [{"message": "Order 6 conflicts"}],
    }


def test_no_unknown_code_gives_an_empty_patch(
    shop: Catalog, write_catalog: Callable[..., Path]
) -> None:
    evidence = write_catalog(
        _line(401, "AUTH-ERR-4", "The token expired 5 seconds ago.") + "\n", "ok.jsonl"
    )
    assert patch(reconcile(shop, [str(evidence)])) == ""

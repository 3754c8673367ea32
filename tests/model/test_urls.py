"""``errdex.model.urls``: one per-code documentation URL for runtime, docs and directory."""

from __future__ import annotations

from errdex.model import Entry
from errdex.model.urls import fill_docs_url


def test_every_field_is_filled_and_percent_quoted() -> None:
    entry = Entry(
        code="AUTH/ERR 4", key="AUTH/ERR 4", space="app", module="auth", name="invalidJWT"
    )
    url = fill_docs_url("https://e.com/{catalog}/{space}/{module}/{code}#{name}", "shop", entry)
    assert url == "https://e.com/shop/app/auth/AUTH%2FERR%204#invalidJWT"


def test_absent_module_and_name_are_empty_and_other_braces_stay() -> None:
    entry = Entry(code=-32000, key=-32000, space="rpc")
    assert fill_docs_url("/{module}/{code}/{name}/{other}", "c", entry) == "//-32000//{other}"

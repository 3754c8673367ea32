"""``errdex.check.compat.catalog_changes``: changes of the catalog itself, not of an entry."""

from __future__ import annotations

from catalogs import HEAD
from errdex.check.compat.catalog_changes import CATALOG, catalog_changes
from errdex.io import loads

BASE = HEAD + 'docs_url = "https://e.com/{code}"\ninternal_error = 1\n'
ENTRIES = (
    '\n[[errors]]\ncode = 1\nmessage = "Internal."\n\n[[errors]]\ncode = 2\nmessage = "Two."\n'
)
PROFILE = '\n[profiles.flat]\nstatus = 200\nbody = { code = "$code", msg = "$message" }\n'


def changes(old: str, new: str) -> list[tuple[str, str]]:
    found = catalog_changes(loads(old), loads(new, name="new.toml"))
    return [(c.kind.id, c.message) for c in found]


def test_identical_catalogs_have_no_catalog_change() -> None:
    assert changes(BASE + ENTRIES + PROFILE, BASE + ENTRIES + PROFILE) == []


def test_id_docs_url_and_internal_error() -> None:
    new = (
        BASE.replace('"shop"', '"store"')
        .replace("e.com/", "e.org/")
        .replace("internal_error = 1", "internal_error = 2")
    )
    assert changes(BASE + ENTRIES, new + ENTRIES) == [
        (
            "catalog-id-changed",
            "the catalog id changed from 'shop' to 'store' (the google ErrorInfo domain)",
        ),
        (
            "docs-url-changed",
            "the docs URL template changed from 'https://e.com/{code}' to "
            "'https://e.org/{code}': every problem type URI changes",
        ),
        ("internal-error-changed", "internal errors are now sent as 2 (were 1)"),
    ]


def test_an_envelope_dropped_renamed_key_changed_value_and_status() -> None:
    old = BASE + ENTRIES + PROFILE
    assert changes(old, BASE + ENTRIES) == [("envelope-changed", "envelope 'flat' was dropped")]
    renamed = PROFILE.replace("msg =", "text =")
    assert changes(old, BASE + ENTRIES + renamed) == [
        ("envelope-changed", "envelope 'flat': key 'msg' is now 'text'")
    ]
    revalued = PROFILE.replace('"$message"', '"$title"').replace("200", "400")
    assert changes(old, BASE + ENTRIES + revalued) == [
        ("envelope-changed", "envelope 'flat': 'msg' now holds another value"),
        ("envelope-changed", "envelope 'flat': status changed from 200 to 400"),
    ]


def test_a_new_envelope_or_key_is_not_a_change() -> None:
    grown = PROFILE.replace('msg = "$message"', 'msg = "$message", id = "$id"')
    assert changes(BASE + ENTRIES, BASE + ENTRIES + PROFILE) == []
    assert changes(BASE + ENTRIES + PROFILE, BASE + ENTRIES + grown) == []


def test_a_catalog_change_is_placed_in_the_new_file_and_allowed_as_code_catalog() -> None:
    new = BASE.replace('"shop"', '"store"') + ENTRIES
    (found,) = catalog_changes(loads(BASE + ENTRIES), loads(new, name="new.toml"))
    assert found.code == CATALOG == "catalog" and found.space == ""
    assert (found.old, found.new) == ("shop", "store")
    assert found.to_dict()["file"] == "new.toml" and found.to_dict()["line"] == 2

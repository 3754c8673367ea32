"""How ``diff`` pairs entries and what it tells the reader, on small catalogs written as TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogs import HEAD
from errdex.check.compat import KINDS, Report, diff
from errdex.io import loads


def catalog(body: str, head: str = HEAD):
    return loads(head + body, name="shop.toml")


def entry(code: object, *lines: str) -> str:
    code_text = f'"{code}"' if isinstance(code, str) else str(code)
    return "\n[[errors]]\ncode = " + code_text + "\n" + "".join(line + "\n" for line in lines)


def found(report: Report) -> list[tuple[str, object]]:
    return sorted((c.kind.id, c.code) for c in report.changes)


def test_two_swapped_codes_are_two_renumberings_not_a_shift() -> None:
    old = catalog(
        entry(1050, 'message = "Auth: token expired."')
        + entry(1051, 'message = "Auth: bad signature."')
    )
    new = catalog(
        entry(1050, 'message = "Auth: bad signature."')
        + entry(1051, 'message = "Auth: token expired."')
    )
    report = diff(old, new)
    assert found(report) == [("renumbered", 1050), ("renumbered", 1051)]
    assert report.shifts == ()
    assert {c.message for c in report.changes} == {
        "'Auth: token expired.' moved from code 1050 to 1051",
        "'Auth: bad signature.' moved from code 1051 to 1050",
    }


def test_unnamed_entries_sharing_a_text_are_paired_by_code() -> None:
    same = 'message = "Internal error."'
    old = catalog(entry(1, same) + entry(2, same))
    new = catalog(entry(2, same) + entry(3, same))
    assert found(diff(old, new)) == [("added", 3), ("removed", 1)]


def test_a_new_entry_points_at_the_new_file_and_a_deleted_one_at_the_old() -> None:
    old = catalog(entry(1, 'name = "a"') + entry(2, 'name = "b"'))
    new = catalog(entry(2, 'name = "b"') + entry(3, 'name = "c"'))
    report = diff(old, new)
    where = {c.kind.id: c.location for c in report.changes}
    assert where == {"removed": "shop.toml:4:1", "added": "shop.toml:8:1"}
    assert report.changes[0].kind.id == "removed"  # breaking first


def test_a_field_change_points_at_the_field() -> None:
    old = catalog(entry(1, 'name = "a"', "http_status = 400"))
    new = catalog(entry(1, 'name = "a"', 'message = "x"', "http_status = 409"))
    report = diff(old, new)
    status = next(c for c in report.changes if c.kind.id == "http-status-changed")
    assert status.location == "shop.toml:8:1"
    assert status.message == "1 (a) is now sent with HTTP status 409 (was 400)"
    assert (status.old, status.new) == (400, 409)


def test_a_module_default_change_reaches_every_entry_of_the_module() -> None:
    head = HEAD + "\n[modules.auth]\nrange = [1, 9]\nhttp_status = 401\n"
    body = entry(1, 'name = "a"', 'module = "auth"') + entry(2, 'name = "b"', 'module = "auth"')
    old = catalog(body, head)
    new = catalog(body, head.replace("401", "403"))
    assert found(diff(old, new)) == [("http-status-changed", 1), ("http-status-changed", 2)]


def test_renumbered_and_changed_reports_both() -> None:
    old = catalog(entry(1, 'name = "a"', "http_status = 400"))
    new = catalog(entry(5, 'name = "a"', "http_status = 404"))
    assert found(diff(old, new)) == [("http-status-changed", 5), ("renumbered", 5)]


def test_a_rename_keeps_the_texts_a_reuse_does_not() -> None:
    old = catalog(entry(1, 'name = "gitServiceUnavaliable"', 'description = "Try later."'))
    renamed = catalog(entry(1, 'name = "gitServiceUnavailable"', 'description = "Try later."'))
    reused = catalog(entry(1, 'name = "quotaExceeded"', 'description = "Quota exceeded."'))
    assert found(diff(old, renamed)) == [("renamed", 1)]
    (change,) = diff(old, reused).changes
    assert change.kind.id == "reused"
    assert change.message == "code 1 now means 'quotaExceeded'; it meant 'gitServiceUnavaliable'"


def test_a_rewritten_text_of_an_unnamed_code_is_a_reuse_an_edit_is_not() -> None:
    old = catalog(entry(1200, 'message = "Service: the indexer is not reachable."'))
    edited = catalog(entry(1200, 'message = "Service: the indexer is not reachable right now."'))
    reused = catalog(entry(1200, 'message = "Whitelist: the address is blocked."'))
    assert found(diff(old, edited)) == [("text-edited", 1200)]
    assert found(diff(old, reused)) == [("reused", 1200)]


def test_tombstoning_is_compatible_and_says_why() -> None:
    old = catalog(entry(1, 'name = "a"') + entry(2, 'name = "b"'))
    new = catalog(
        entry(1, 'name = "a"', 'status = "removed"', 'reason = "merged into 2"', "replaced_by = 2")
        + entry(2, 'name = "b"', 'status = "removed"')
    )
    report = diff(old, new)
    assert report.exit_code == 0
    assert [c.message for c in report.changes] == [
        "1 (a) was removed: merged into 2; use 2 instead",
        "2 (b) was removed (no reason given: add reason = ...)",
    ]


def test_a_space_move_of_an_unnamed_entry() -> None:
    head = HEAD + '\n[spaces.http]\nkind = "http"\n\n[spaces.rpc]\nkind = "jsonrpc"\n'
    old = catalog(entry(429, 'space = "http"', 'message = "Too many requests."'), head)
    new = catalog(entry(429, 'space = "rpc"', 'message = "Too many requests."'), head)
    (change,) = diff(old, new).changes
    assert change.kind.id == "space-changed"
    assert change.message == "429 moved from space 'http' to 'rpc'"


def test_the_same_code_in_two_spaces_is_two_entries() -> None:
    head = HEAD + '\n[spaces.http]\nkind = "http"\n\n[spaces.rpc]\nkind = "jsonrpc"\n'
    both = entry(429, 'space = "http"', 'message = "Too many requests."') + entry(
        429, 'space = "rpc"', 'message = "Rate limited."'
    )
    old = catalog(both, head)
    new = catalog(both.replace("Rate limited.", "Rate limited, retry later."), head)
    (change,) = diff(old, new).changes
    assert (change.kind.id, change.space) == ("text-edited", "rpc")
    assert change.message == "429 in space 'rpc': message edited"


def test_a_deprecation_is_a_notice() -> None:
    old = catalog(entry(1, 'name = "a"'))
    new = catalog(
        entry(1, 'name = "a"', 'status = "deprecated"', "replaced_by = 2") + entry(2, 'name = "b"')
    )
    report = diff(old, new)
    assert [(c.severity, c.kind.id) for c in report.changes] == [
        ("notice", "deprecated"),
        ("compatible", "added"),
    ]
    assert report.exit_code == 0


def test_an_allow_in_the_old_catalog_does_not_count() -> None:
    allow = '\n[[compat.allow]]\ncode = 1\nchange = "removed"\nreason = "gone"\n'
    old = catalog(entry(1, 'name = "a"') + allow)
    new = catalog(entry(2, 'name = "b"'))
    assert diff(old, new).exit_code == 1
    assert diff(old, catalog(entry(2, 'name = "b"') + allow)).exit_code == 0


def test_the_tombstone_of_a_code_is_not_compared_field_by_field() -> None:
    old = catalog(
        entry(1, 'name = "a"', 'status = "removed"', "http_status = 400", 'message = "{x}"')
    )
    new = catalog(entry(1, 'name = "a"', 'status = "removed"', 'message = "gone"'))
    assert diff(old, new).changes == ()


@pytest.mark.parametrize(
    ("before", "after", "kinds"),
    [
        # only {name} is a placeholder, as the runtime fills it: {{x}} are braces, and
        # {user.id} or {n:d} are literal text that no caller can pass
        ("Hi {name}, {{x}} {user.id} {n:d}", "Hi, {{x}} {user.id} {n:d}", ["placeholder-removed"]),
        ("Hi {{x}} {user.id}", "Hi {{x}} {user}", ["placeholder-added"]),
        ("unbalanced { brace and {name}", "unbalanced { brace", ["placeholder-removed"]),
        ("{a} and {b}", "{a} and {c}", ["param-renamed"]),
    ],
)
def test_placeholders_are_what_the_runtime_fills(before: str, after: str, kinds: list[str]) -> None:
    old = catalog(entry(1, 'name = "a"', f"message = {before!r}"))
    new = catalog(entry(1, 'name = "a"', f"message = {after!r}"))
    assert [k for k, _ in found(diff(old, new)) if k != "text-edited"] == kinds


def test_every_kind_is_documented_with_its_severity() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "compatibility.md").read_text()
    for kind in KINDS.values():
        assert f"| `{kind.id}` | {kind.severity} |" in doc, kind.id

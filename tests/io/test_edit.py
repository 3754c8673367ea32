"""Appending entries to TOML catalogs: the diff is exactly the new entry."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from errdex.io import load
from errdex.io.edit import EditError, append_entry

COMMENTED = """\
# Shop catalog -- hand-written, every comment must survive.
#
# Layout: auth first, then orders.

[catalog]
id = "shop"   # the slug

[modules.auth]   # login and tokens
prefix = "AUTH-ERR-"

[modules.orders]
range = [1000, 1999]

# ----------------------------------------------------------------- auth ---

[[errors]]
code = "AUTH-ERR-0"   # the first one
module = "auth"
message = "Log in."
# a comment inside the entry

[errors.translations.zh-CN]
message = "请登录。"

[[errors]]
code = "AUTH-ERR-1"
module = "auth"
message = "Token expired."
description = \'\'\'
Multi-line text whose lines look like TOML:
[[errors]]
# not a comment
\'\'\'

[[errors.examples]]
body = "{}"
# a note on AUTH-ERR-1's example, right under it: it stays with the entry

# the comment that introduces the next section
# --------------------------------------------------------------- orders ---

[[errors]]
code = 1000
module = "orders"   # inline comment
message = "No such order."
"""


def write(tmp_path: Path, text: str, name: str = "errdex.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def added_lines(before: str, after: str) -> list[str]:
    """The non-blank lines the edit inserted; fails unless it only inserted one block."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < len(before) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    assert start + end == len(before), "the edit changed existing text"
    middle = after[start : len(after) - end]
    return [line for line in middle.splitlines() if line.strip()]


def test_diff_is_exactly_the_appended_entry(tmp_path):
    path = write(tmp_path, COMMENTED)
    edit = append_entry(
        load(path), "auth", {"code": "AUTH-ERR-2", "name": "revoked", "message": "Token revoked."}
    )
    assert added_lines(COMMENTED, edit.after) == [
        "[[errors]]",
        'code = "AUTH-ERR-2"',
        'name = "revoked"',
        'module = "auth"',
        'message = "Token revoked."',
    ]
    # it lands after AUTH-ERR-1's example and the note under it, above the
    # comments that open "orders"
    lines = edit.after.splitlines()
    assert lines[edit.line - 1] == "[[errors]]"
    assert lines[edit.line] == 'code = "AUTH-ERR-2"'
    assert lines[edit.line - 4] == 'body = "{}"'
    assert lines[edit.line - 3].startswith("# a note on AUTH-ERR-1's example")
    assert lines[edit.line + 4] == ""
    assert lines[edit.line + 5] == "# the comment that introduces the next section"
    codes = [e["code"] for e in tomllib.loads(edit.after)["errors"]]
    assert codes == ["AUTH-ERR-0", "AUTH-ERR-1", "AUTH-ERR-2", 1000]
    # every byte before and after the insertion is the original's
    head, _, tail = edit.after.partition(edit.added)
    assert COMMENTED.startswith(head.rstrip("\n"))
    assert COMMENTED.endswith(tail)


def test_texts_are_quoted_and_escaped_as_toml(tmp_path):
    path = write(tmp_path, COMMENTED)
    nasty = 'He said "hi" \\ then {name}\nnext line # not a comment'
    edit = append_entry(load(path), "orders", {"code": 1001, "message": nasty, "retryable": True})
    entry = tomllib.loads(edit.after)["errors"][-1]
    assert entry == {"code": 1001, "module": "orders", "message": nasty, "retryable": True}
    assert edit.after.startswith(COMMENTED)  # last module: a pure append


def test_module_file_gets_the_entry_without_module_key(tmp_path):
    folder = tmp_path / "cat"
    (folder / "modules").mkdir(parents=True)
    write(folder, '[catalog]\nid = "c"\n')
    body = (
        '# auth module\n[module]\nprefix = "A-"\n\n'
        '[[errors]]\ncode = "A-0"\nmessage = "x"\n\n# end of file comment\n'
    )
    write(folder / "modules", body, "auth.toml")
    edit = append_entry(
        load(folder), "auth", {"code": "A-1", "name": "y", "message": "y", "module": "auth"}
    )
    assert edit.path == folder / "modules" / "auth.toml"
    assert added_lines(body, edit.after) == [
        "[[errors]]",
        'code = "A-1"',
        'name = "y"',
        'message = "y"',
    ]
    assert edit.after.endswith("\n\n# end of file comment\n")


def test_module_without_entries_goes_to_the_end(tmp_path):
    text = '[catalog]\nid = "c"\n\n[modules.new]\nrange = [1, 9]\n'
    path = write(tmp_path, text)
    edit = append_entry(load(path), "new", {"code": 1, "message": "first"})
    assert edit.after == text + '\n[[errors]]\ncode = 1\nmodule = "new"\nmessage = "first"\n'


def test_crlf_files_stay_crlf(tmp_path):
    text = COMMENTED.replace("\n", "\r\n")
    path = write(tmp_path, text)
    edit = append_entry(load(path), "auth", {"code": "AUTH-ERR-2", "message": "m"})
    assert "\n" not in edit.after.replace("\r\n", "")
    assert len(edit.after) - len(text) == len(
        '\r\n[[errors]]\r\ncode = "AUTH-ERR-2"\r\nmodule = "auth"\r\nmessage = "m"\r\n'
    )


def test_json_catalog_is_refused_clearly(tmp_path):
    path = write(
        tmp_path, '{"catalog": {"id": "c"}, "modules": {"m": {"range": [1, 5]}}}', "shop.json"
    )
    with pytest.raises(EditError, match="edits TOML catalogs only"):
        append_entry(load(path), "m", {"code": 1})


def test_inline_array_of_entries_is_refused(tmp_path):
    text = 'errors = [{code = 1, module = "m"}]\n[catalog]\nid = "c"\n[modules.m]\nrange = [1, 5]\n'
    path = write(tmp_path, text)
    with pytest.raises(EditError, match=r"cannot find the \[\[errors\]\] tables"):
        append_entry(load(path), "m", {"code": 2})


ANNOTATED = """\
[catalog]
id = "zan"

[modules.http]

[modules.rpc]

[[errors]]
code = 429
module = "http"
title = "Too many requests"
# JSON-RPC code: -32003

[[errors]]
code = 500
module = "http"
title = "Internal error"
# JSON-RPC code: -32603
# (and -32008)

# ---------------------------------------------------------------- rpc ---
[[errors]]
code = -32700
module = "rpc"
title = "Parse error"
# last entry, last comment
"""


def test_a_comment_right_under_an_entry_stays_with_it(tmp_path):
    path = write(tmp_path, ANNOTATED)
    edit = append_entry(load(path), "http", {"code": 501, "title": "Not implemented"})
    head, _, tail = edit.after.partition(edit.added)
    # the new entry goes below the comments that annotate 500, above the banner of rpc
    assert head.endswith('title = "Internal error"\n# JSON-RPC code: -32603\n# (and -32008)\n\n')
    assert tail.startswith(
        "\n# ---------------------------------------------------------------- rpc"
    )
    # and at the end of the file, below the last entry's own comment
    edit = append_entry(load(path), "rpc", {"code": -32701, "title": "Another"})
    assert edit.after.startswith(ANNOTATED + "\n[[errors]]\ncode = -32701\n")


def test_a_comment_running_into_the_next_header_introduces_it(tmp_path):
    text = ANNOTATED.replace("# (and -32008)\n\n# ----", "# (and -32008)\n# ----")
    path = write(tmp_path, text)
    edit = append_entry(load(path), "http", {"code": 501, "title": "Not implemented"})
    head, _, tail = edit.after.partition(edit.added)
    assert head.endswith('title = "Internal error"\n\n')
    assert tail.startswith("\n# JSON-RPC code: -32603\n# (and -32008)\n# ----")

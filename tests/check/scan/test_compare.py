"""``errdex.check.scan``: codes in source vs codes in the catalog, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogs import HEAD
from errdex.check.scan import scan
from errdex.io import load, loads

FIXTURE = Path(__file__).parent / "fixtures" / "subquery-proxy"


def findings(result) -> list[tuple[str, str, int]]:
    return sorted((d.rule.id, Path(d.file).name, d.line) for d in result.diagnostics)


def test_finds_the_drift_in_the_subquery_proxy_fixture():
    catalog = load(FIXTURE)
    result = scan(catalog, [FIXTURE / "src"])
    error_rs = (FIXTURE / "src" / "error.rs").read_text().splitlines()

    def line_of(text: str) -> int:
        return next(i for i, line in enumerate(error_rs, 1) if text in line)

    assert findings(result) == sorted(
        [
            ("S001", "error.rs", line_of("1099")),  # raised, not documented
            ("S002", "errdex.toml", 58),  # documented, never raised (1012)
            ("S003", "error.rs", line_of(", 1030,")),  # swapped with 1031
            ("S003", "error.rs", line_of(", 1031,")),  # swapped with 1030
        ]
    )
    by_rule = {d.rule.id: d for d in result.diagnostics}
    assert "1012" in by_rule["S002"].message
    assert by_rule["S002"].source_line == "code = 1012"
    # 1006 is tagged external: never reported unused
    assert not any("1006" in d.message for d in result.diagnostics)
    # the column points at the code itself
    swapped = [d for d in result.diagnostics if d.rule.id == "S003"]
    assert all(d.source_line[d.col - 1 : d.col + 3] in ("1030", "1031") for d in swapped)
    # the hint of an undocumented code is a command to run as it stands
    assert "errdex new " in by_rule["S001"].hint
    assert "subquery-proxy --module auth --code 1099 --name" in by_rule["S001"].hint


def test_fixed_source_is_clean(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for path in (FIXTURE / "src").iterdir():
        text = path.read_text()
        text = text.replace('1030, "Invalid auth header: payg', '1031, "Invalid auth header: payg')
        text = text.replace(
            '1031, "Invalid auth header: query', '1030, "Invalid auth header: query'
        )
        text = text.replace("1099", "1012")
        text = text.replace('"Service exception: unknown."', '"RPC query error."')
        (src / path.name).write_text(text)
    result = scan(load(FIXTURE), [src])
    assert result.diagnostics == []


CATALOG = (
    HEAD
    + """\
default_space = "app"

[spaces.app]
kind = "app"

[spaces.rpc]
kind = "jsonrpc"

[scan]
calls = ["error", "fail"]
ignore = [1099]

[[errors]]
code = 1051
name = "quotaExceeded"

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"

[[errors]]
code = 1052
name = "viaName"

[[errors]]
code = 1053
name = "old"
status = "removed"
replaced_by = 1051

[[errors]]
code = -32000
space = "rpc"
name = "server"

[[errors]]
code = 1099
name = "clientOnly"
"""
)

PYTHON = """\
from shop import cat, errors

# cat.error(7777) in a comment is not a use
DOC = "cat.error(8888) in a string is not a use"


def handler(n):
    if n:
        raise cat.error(1051, limit=n)
    raise errors.error("auth-err-4")


def other():
    raise cat.error("viaName")
    raise QuotaError(code=4040)
    fail(1053)
    cat.error(-32000, space="rpc")
    cat.error(code)  # not a literal: not a use
"""


def test_python_uses_are_found_through_the_ast(tmp_path):
    (tmp_path / "app.py").write_text(PYTHON)
    result = scan(loads(CATALOG), [tmp_path])
    assert [(u.code, u.line) for u in sorted(result.uses, key=lambda u: u.line)] == [
        (1051, 9),
        ("auth-err-4", 10),
        ("viaName", 14),
        (4040, 15),
        (1053, 16),
        (-32000, 17),
    ]
    assert findings(result) == [("S001", "app.py", 15), ("S005", "app.py", 16)]
    removed = next(d for d in result.diagnostics if d.rule.id == "S005")
    assert "raise 1051 instead" in removed.hint


def test_loggers_and_sentences_are_not_code_uses(tmp_path):
    (tmp_path / "app.py").write_text(
        "log.error('could not connect to %s', host)\n"
        "logging.error('boom')\n"
        "self.logger.error('viaName')\n"
        "audit_logger.error('AUTH-ERR-4')\n"
        "errors.error('Something went wrong.')\n"
        "catalog.error('viaName')\n"  # a catalog is not a logger
        "errors.error('AUTH-ERR-4')\n"
    )
    result = scan(loads(CATALOG), [tmp_path])
    assert [(u.code, u.line) for u in result.uses] == [("viaName", 6), ("AUTH-ERR-4", 7)]
    assert not [d for d in result.diagnostics if d.rule.id == "S001"]


def test_unused_codes_respect_ignore_and_spaces(tmp_path):
    (tmp_path / "app.py").write_text("cat.error(1051)\n")
    result = scan(loads(CATALOG), [tmp_path])
    unused = sorted(d.message.split(" is ")[0] for d in result.diagnostics if d.rule.id == "S002")
    # 1099 is ignored, 1053 is a tombstone
    assert unused == ["'AUTH-ERR-4' (invalidJWT)", "-32000 (server)", "1052 (viaName)"]
    only_app = loads(CATALOG.replace("ignore = [1099]", 'ignore = [1099]\nspaces = ["app"]'))
    result = scan(only_app, [tmp_path])
    assert not any("-32000" in d.message for d in result.diagnostics)


def test_syntax_error_is_reported_not_raised(tmp_path):
    (tmp_path / "broken.py").write_text("def f(:\n    cat.error(1051)\n")
    result = scan(loads(CATALOG), [tmp_path])
    (bad,) = [d for d in result.diagnostics if d.rule.id == "S006"]
    assert bad.line == 1 and "broken.py" in bad.file


def test_a_file_that_is_not_utf8_is_reported_not_skipped(tmp_path):
    (tmp_path / "legacy.py").write_bytes(b"# caf\xe9\nraise cat.error(1051)\n")
    result = scan(loads(CATALOG), [tmp_path])
    (bad,) = [d for d in result.diagnostics if d.rule.id == "S006"]
    assert (bad.line, bad.col) == (1, 6)
    assert "not UTF-8 (byte 0xe9): its codes were not scanned" in bad.message
    assert result.files == 0 and result.uses == []


def test_languages_without_a_pattern_are_counted_not_guessed(tmp_path):
    (tmp_path / "main.go").write_text("return errdex.Error(1051)\n")
    result = scan(loads(CATALOG), [tmp_path])
    assert result.unscanned == {".go": 1}
    assert result.uses == []


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("files = [\"*.ts\"]\nregex = '(\\d+'", "does not compile"),
        ("files = [\"*.ts\"]\nregex = '(\\d+)'", "no group named 'code'"),
    ],
)
def test_bad_patterns_are_catalog_errors(pattern, message):
    from errdex.io import reads

    text = CATALOG.replace(
        "ignore = [1099]\n", f"ignore = [1099]\n\n[[scan.patterns]]\n{pattern}\n"
    )
    _, diagnostics = reads(text)
    assert any(message in d.message for d in diagnostics)


def test_typescript_pattern_with_space(tmp_path):
    text = CATALOG.replace(
        "ignore = [1099]\n",
        'ignore = [1099]\n\n[[scan.patterns]]\nfiles = ["*.ts"]\n'
        "regex = 'rpcError\\((?P<code>-?\\d+)'\nspace = \"rpc\"\n",
    )
    (tmp_path / "client.ts").write_text("throw rpcError(-32000);\nthrow rpcError(-32099);\n")
    result = scan(loads(text), [tmp_path])
    assert [(u.code, u.space, u.line) for u in result.uses] == [
        (-32000, "rpc", 1),
        (-32099, "rpc", 2),
    ]
    assert ("S001", "client.ts", 2) in findings(result)

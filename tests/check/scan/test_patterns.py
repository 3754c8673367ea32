"""``errdex.check.scan.patterns``: the ``[[scan.patterns]]`` regexes over non-Python source."""

from __future__ import annotations

from errdex.check.scan.patterns import matches, pattern_uses
from errdex.io.source import SourceFile
from errdex.model.types import ScanPattern


def test_globs_match_the_relative_path_or_the_file_name() -> None:
    assert matches("src/api/client.ts", ("*.ts",))
    assert matches("src/api/client.ts", ("src/*",))  # fnmatch's * crosses '/'
    assert matches("client.ts", ("client.ts",))
    assert matches("deep/er/client.ts", ("client.ts",))
    assert not matches("src/client.tsx", ("*.ts",))
    assert not matches("src/client.ts", ())


def test_every_match_is_a_use_with_line_column_message_and_space() -> None:
    text = 'a\n  throw rpcError(-32000, "Server busy")\nrpcError(7, "Seven") rpcError(8, "x")\n'
    source = SourceFile(None, text, "ts", "client.ts")
    pattern = ScanPattern(
        ("*.ts",), r'rpcError\((?P<code>-?\d+), "(?P<message>[^"]*)"\)', space="rpc"
    )
    uses = list(pattern_uses(source, pattern))
    assert [(u.code, u.line, u.col, u.message, u.space) for u in uses] == [
        (-32000, 2, 18, "Server busy", "rpc"),
        (7, 3, 10, "Seven", "rpc"),
        (8, 3, 31, "x", "rpc"),
    ]
    assert all(u.source is source for u in uses)


def test_without_a_message_group_there_is_no_message_and_string_codes_stay_strings() -> None:
    source = SourceFile(None, "fail('AUTH-ERR-4')\n", "go", "main.go")
    (use,) = pattern_uses(source, ScanPattern(("*.go",), r"fail\((?P<code>'[^']+')\)"))
    assert (use.code, use.line, use.col, use.message, use.space) == ("AUTH-ERR-4", 1, 6, None, None)


def test_an_empty_code_group_is_not_a_use() -> None:
    source = SourceFile(None, "err() err(5)\n", "go", "main.go")
    uses = list(pattern_uses(source, ScanPattern(("*.go",), r"err\((?P<code>\d*)\)")))
    assert [u.code for u in uses] == [5]

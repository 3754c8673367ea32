"""The seed catalogs' known defects (shared/seeds/README.md), each at its exact place.

Each expected diagnostic is pinned by rule, file and the place of a piece of
text searched after an anchor line, so the test keeps pointing at the right
entry when lines move. The last test asserts that nothing else fires: a false
positive on the examples fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from errdex.check import run
from errdex.io import Diagnostic

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PARITY_NAMES = [
    "UNSUPPORTED_REQUEST",
    "NO_WORK",
    "NO_AUTHOR",
    "NO_NEW_WORK",
    "NO_WORK_REQUIRED",
    "UNKNOWN_ERROR",
    "TRANSACTION_ERROR",
    "EXECUTION_ERROR",
    "EXCEPTION_ERROR",
    "DATABASE_ERROR",
    "ACCOUNT_LOCKED",
    "PASSWORD_INVALID",
    "ACCOUNT_ERROR",
    "REQUEST_REJECTED",
    "REQUEST_REJECTED_LIMIT",
    "REQUEST_NOT_FOUND",
    "ENCRYPTION_ERROR",
    "ENCODING_ERROR",
    "FETCH_ERROR",
    "NO_LIGHT_PEERS",
    "DEPRECATED",
]

# (rule, file, anchor line text (or (text, nth occurrence)), text whose place is expected)
KNOWN: list[tuple[str, str, str | tuple[str, int], str]] = [
    # CSGHub: three empty descriptions, one typo in a name, lower-case descriptions
    ("E106", "csghub/modules/req.toml", 'code = "REQ-ERR-4"', '""'),
    ("E106", "csghub/modules/req.toml", 'code = "REQ-ERR-7"', '""'),
    ("E106", "csghub/modules/req.toml", 'code = "REQ-ERR-8"', '""'),
    ("W202", "csghub/modules/git.toml", 'name = "gitServiceUnavaliable"', "Unavaliable"),
    ("W201", "csghub/modules/git.toml", 'code = "GIT-ERR-30"', '"delete'),
    ("W201", "csghub/modules/git.toml", 'code = "GIT-ERR-31"', '"get'),
    ("W201", "csghub/modules/git.toml", 'code = "GIT-ERR-33"', '"copy'),
    ("W201", "csghub/modules/git.toml", 'code = "GIT-ERR-34"', '"replicate'),
    # SubQuery: typos codespell knows behind a prefix, "less that", "project exception"
    ("W202", "subquery-indexer-proxy/modules/websocket.toml", "unsuppot", "unsuppot"),
    ("W204", "subquery-indexer-proxy/modules/auth.toml", "less that", "less that"),
    ("W205", "subquery-indexer-proxy/modules/auth.toml", "project exception", "project exception"),
    ("W201", "subquery-indexer-proxy/modules/service.toml", "code = 1202", "exception."),
    # Alchemy: -32000 twice on the JSON-RPC wire, a typo in an example, punctuation
    ("W209", "alchemy/errdex.toml", ("code = -32000", 1), "code"),
    ("W203", "alchemy/errdex.toml", "'Innsufficient gas'", "Innsufficient"),
    ("W201", "alchemy/errdex.toml", ("code = 429", 1), "capacity."),
    ("W201", "alchemy/errdex.toml", 'message = "already known"', "them"),
    *[("W206", "alchemy/errdex.toml", f'name = "{name}"', "name") for name in PARITY_NAMES],
    # ZAN: "Rate limited" sent with 403 while rate limiting is 429
    ("W208", "zan/errdex.toml", "code = -32004", "http_status"),
    # yuanrong: typos, copied solutions, capitalisation
    ("W203", "yuanrong/errdex.toml", "rockdb", "rockdb"),
    ("W202", "yuanrong/errdex.toml", "subcribe", "subcribe"),
    ("W207", "yuanrong/errdex.toml", "code = 1011", "solution"),
    ("W207", "yuanrong/errdex.toml", "code = 4306", "solution"),
    *[
        ("W201", "yuanrong/errdex.toml", f"code = {code}", word)
        for code, word in [
            (3005, '"etcd'),
            (3006, '"busproxy'),
            (3007, '"redis'),
            (3009, '"function'),
            (3012, '"runtime'),
            (3013, '"instance'),
            (4001, '"Incorrect'),
            (4003, '"Deserialization'),
            (4004, '"The'),
            (4006, '"Incorrect'),
            (122003, '"etcd'),
        ]
    ],
]


def place(file: str, anchor: str | tuple[str, int], needle: str) -> tuple[int, int]:
    """(line, col) of ``needle`` at or after the anchor line, comments aside (a leading quote
    in ``needle`` only makes the match precise: the place is the word after it)."""
    text, nth = (anchor, 0) if isinstance(anchor, str) else anchor
    lines = (EXAMPLES / file).read_text("utf-8").splitlines()
    hits = [
        n
        for n, line in enumerate(lines)
        if not line.lstrip().startswith("#")
        and (line.lstrip().startswith(text) if " = " in text else text in line)
    ]
    assert len(hits) > nth, f"{file}: anchor {text!r} not found"
    start = hits[nth]
    skip = 1 if needle.startswith('"') and len(needle) > 1 and needle != '""' else 0
    for n in range(start, len(lines)):
        col = lines[n].find(needle, lines[n].find(text) if n == start else 0)
        if col >= 0:
            return n + 1, col + 1 + skip
    raise AssertionError(f"{file}: {needle!r} not found after {text!r}")


@pytest.fixture(scope="module")
def found() -> list[Diagnostic]:
    result = run([EXAMPLES])
    assert result.catalogs == 5 and not result.unreadable
    return result.diagnostics


def key(d: Diagnostic) -> tuple[str, str, int, int]:
    return d.rule.id, Path(d.file).resolve().relative_to(EXAMPLES).as_posix(), d.line, d.col


@pytest.mark.parametrize(("rule", "file", "anchor", "needle"), KNOWN, ids=lambda v: str(v)[:40])
def test_known_defect_is_reported(found, rule, file, anchor, needle):
    expected = (rule, file, *place(file, anchor, needle))
    assert expected in {key(d) for d in found}


def test_defect_messages(found):
    by_rule = {}
    for d in found:
        by_rule.setdefault(d.rule.id, []).append(d)
    assert any(d.message == "'subcribe' is a misspelling of 'subscribe'" for d in by_rule["W202"])
    assert any(
        d.message == "'Unavaliable' is a misspelling of 'Unavailable'" for d in by_rule["W202"]
    )
    (zan,) = by_rule["W208"]
    assert zan.message == "-32004 says 'rate limited' but is sent with HTTP 403"
    (alchemy,) = by_rule["W209"]
    assert (
        "'UNSUPPORTED_REQUEST' in space 'parity' and 'Server error' in space 'jsonrpc'"
        in alchemy.message
    )
    assert [d.message for d in by_rule["E106"]] == [
        "the description of REQ-ERR-4 (errReqParamMissing) is empty",
        "the description of REQ-ERR-7 (errReqParamOutOfRange) is empty",
        "the description of REQ-ERR-8 (errReqParamTypeError) is empty",
    ]
    (term,) = by_rule["W205"]
    assert term.hint == "did you mean 'project expiration'?"


def test_nothing_else_fires(found):
    expected = sorted(
        (rule, file, *place(file, anchor, needle)) for rule, file, anchor, needle in KNOWN
    )
    assert sorted(key(d) for d in found) == expected

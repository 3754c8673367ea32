"""``errdex search QUERY``: ranked results, Chinese, filters, --json, exit codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from cli_process import errdex
from click.testing import CliRunner

from catalogs import EXAMPLES
from errdex.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["search", *args, "--catalog-path", str(EXAMPLES)])
    return result.exit_code, result.stdout, result.stderr


def search_json(*args: str) -> dict:
    code, out, _ = run(*args, "--json")
    assert code in (0, 1)
    return orjson.loads(out)


def test_words_of_a_query_need_no_quotes() -> None:
    code, out, _ = run("rate", "limit", "--limit", "3")
    assert code == 0
    assert out.splitlines()[0].endswith("(showing 1–3)")
    assert "Rate limit" in out or "Rate limited" in out


def test_chinese_search_finds_zan() -> None:
    data = search_json("白名单")
    assert data["hits"] and data["hits"][0]["catalog"] == "zan"
    hit = data["hits"][0]
    start, end = hit["snippet"]["marks"][0]
    assert hit["snippet"]["text"][start:end] == "白名单"
    assert hit["path"] == f"/zan/{hit['code']}"


def test_filters_apply() -> None:
    data = search_json("--status", "429", "--limit", "50")
    assert {(h["catalog"], h["code"]) for h in data["hits"]} >= {("alchemy", 429), ("zan", 429)}
    data = search_json("error", "--catalog", "alchemy", "--space", "jsonrpc")
    assert {(h["catalog"], h["space"]) for h in data["hits"]} == {("alchemy", "jsonrpc")}
    data = search_json("", "--retryable", "--limit", "100")
    assert all(h["retryable"] is True or True in h["retryable_for_messages"] for h in data["hits"])
    data = search_json("jwt", "--module", "auth", "--catalog", "csghub")
    assert [h["code"] for h in data["hits"]] == ["AUTH-ERR-4"]


def test_an_entry_retryable_for_one_of_its_messages_is_found_by_retryable() -> None:
    """Alchemy's -32000 says nothing itself; its message "Request timed out. Client should
    retry." is retryable: --retryable finds it and the hit says so."""
    code, out, _ = run("--retryable", "timed out")
    assert code == 0
    assert "-32000  alchemy · jsonrpc  [retryable for some messages]" in out.splitlines()
    hits = search_json("--retryable", "timed out")["hits"]
    (hit,) = [h for h in hits if h["code"] == -32000]
    assert (hit["retryable"], hit["retryable_for_messages"]) == (None, [True])
    assert -32000 not in [h["code"] for h in search_json("--no-retryable", "timed out")["hits"]]


def test_a_code_no_entry_has_is_no_match_with_the_closest_codes_suggested() -> None:
    code, out, _ = run("AUTH-ERR-99")
    assert code == 1, out
    assert out.splitlines()[0] == "no errors match"
    assert out.splitlines()[1].startswith("did you mean: errdex search AUTH-ERR-9 ")
    data = search_json("AUTH-ERR-99")
    assert (data["total"], data["hits"], data["suggestions"][0]) == (0, [], "AUTH-ERR-9")


def test_a_pasted_message_finds_the_entry_that_sends_it_first() -> None:
    for query in ("Invalid JSON", "invalid   json"):
        hits = search_json(query, "--limit", "3")["hits"]
        assert (hits[0]["catalog"], hits[0]["code"]) == ("zan", -32700), query
    code, out, _ = run("Invalid", "JSON", "--limit", "1")
    assert code == 0 and "-32700  zan" in out


def test_quoted_words_are_a_phrase_and_unquoted_words_are_not() -> None:
    phrase = search_json('"limit exceeded"', "--limit", "50")
    assert {(h["catalog"], h["code"]) for h in phrase["hits"]} == {
        ("zan", -32005),
        ("alchemy", 103),
        ("csghub", "REQ-ERR-10"),
    }
    assert search_json("limit", "exceeded")["total"] > phrase["total"]
    code, out, _ = run('"exceeded limit"')
    assert code == 1 and "-32005" not in out


def test_words_typed_together_are_searched_as_the_two_words() -> None:
    data = search_json("apikey", "--limit", "10")
    assert data["total"] == search_json("api", "key")["total"] > 0
    assert (data["hits"][0]["catalog"], data["hits"][0]["code"]) == ("csghub", "AUTH-ERR-9")
    code, out, _ = run("notfound", "method")
    assert code == 0 and "-32601" in out and "Method not found" in out


def test_json_shape() -> None:
    data = search_json("jwt", "--limit", "2")
    assert set(data) == {
        "query", "total", "limit", "offset", "truncated", "total_exact", "hits", "suggestions",
    }  # fmt: skip
    assert data["suggestions"] == []
    assert data["total_exact"] is True
    assert set(data["hits"][0]) == {
        "catalog", "space", "module", "code", "name", "title", "status", "http_status", "retryable",
        "retryable_for_messages", "score", "fields", "snippet", "path",
    }  # fmt: skip
    assert len(data["hits"]) == 2 and data["total"] >= 2


def test_nothing_found_exits_1_and_garbage_is_harmless() -> None:
    code, out, _ = run("zzzzqqqq")
    assert code == 1 and "no errors match" in out
    for query in ('"', "NEAR(", "*", "a AND", "{code}:"):
        code, _, err = run(query)
        assert code in (0, 1) and "Traceback" not in err


def test_bad_options_exit_2() -> None:
    assert run("x", "--status", "99")[0] == 2
    assert run("x", "--limit", "0")[0] == 2
    code, _, err = run("x", "--catalog", "nope")
    assert code == 2 and "no catalog 'nope'" in err


def test_a_broad_query_counts_every_match(tmp_path: Path) -> None:
    errors = [{"code": i, "message": f"Quota exceeded for shard {i}."} for i in range(1, 621)]
    data = {"catalog": {"id": "wide"}, "spaces": {"app": {"kind": "app"}}, "errors": errors}
    (tmp_path / "wide.json").write_bytes(orjson.dumps(data))
    args = ["search", "quota", "--limit", "3", "--catalog-path", str(tmp_path / "wide.json")]
    out = CliRunner().invoke(cli, args).stdout
    assert out.splitlines()[0] == "620 results (showing 1–3)"
    wide = orjson.loads(CliRunner().invoke(cli, [*args, "--json"]).stdout)
    assert wide["total"] == 620 and wide["total_exact"] is True


def test_the_second_search_is_answered_from_the_cache_with_the_same_output(
    tmp_path: Path,
) -> None:
    env = {"ERRDEX_CACHE_DIR": str(tmp_path / "cache")}
    args = ["search", "rate", "limit", "--json", "--catalog-path", str(EXAMPLES)]
    first = CliRunner(env=env).invoke(cli, args)
    assert first.exit_code == 0
    stored = list((tmp_path / "cache").iterdir())
    assert len(stored) == 1 and stored[0].name.startswith("search-")
    second = CliRunner(env=env).invoke(cli, args)
    assert second.exit_code == 0 and second.stdout == first.stdout


def test_no_cache_neither_reads_nor_writes_the_cache(tmp_path: Path) -> None:
    env = {"ERRDEX_CACHE_DIR": str(tmp_path / "cache")}
    args = ["search", "jwt", "--no-cache", "--catalog-path", str(EXAMPLES)]
    result = CliRunner(env=env).invoke(cli, args)
    assert result.exit_code == 0 and "invalidJWT" in result.stdout
    assert not (tmp_path / "cache").exists()


def _synthetic(path: Path, n: int) -> Path:
    """A catalog of ``n`` codes (enough to be long work)."""
    errors = "".join(
        f'\n[[errors]]\ncode = {i}\nmessage = "Token {i} is not valid."\n' for i in range(n)
    )
    path.write_text(f'[catalog]\nid = "big"\n{errors}', encoding="utf-8")
    return path


def test_indexing_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    catalog = _synthetic(tmp_path / "big.toml", 3000)  # three progress batches
    env = {**os.environ, "ERRDEX_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    env["ERRDEX_PROGRESS_DELAY"] = "0"  # the bar at once: no test waits on the clock
    cmd = [sys.executable, "-m", "errdex", "search", "token", "--no-cache"]
    cmd += ["--catalog-path", str(catalog), "--limit", "1"]
    piped = subprocess.run(cmd, env=env, capture_output=True, timeout=600)
    assert piped.returncode == 0 and piped.stderr == b""  # no bar, nothing at all in a pipe
    leader, follower = pty.openpty()
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=follower) as proc:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        proc.wait(timeout=600)
    os.close(leader)
    assert proc.returncode == 0
    assert b"Indexing" in seen


def test_a_catalog_from_stdin_is_searched_without_the_cache(tmp_path: Path) -> None:
    env = {"ERRDEX_CACHE_DIR": str(tmp_path / "cache")}
    text = (EXAMPLES / "zan" / "errdex.toml").read_text(encoding="utf-8")
    args = ["search", "rate", "limit", "--catalog-path", "-"]
    result = CliRunner(env=env).invoke(cli, args, input=text)
    assert result.exit_code == 0 and "Rate limited" in result.stdout
    assert not (tmp_path / "cache").exists()


HIT = {
    "code": "E\x1b[2J1",
    "name": "Bad\u202eName",
    "catalog": "zan",
    "space": "app",
    "status": "deprecated",
    "snippet": {"text": "a quota \x07 window quota", "marks": [[2, 7], [3, 5], [18, 23]]},
}


@pytest.mark.parametrize("query", ["rate limit", "白名单", "token", "zzzqqq", "limit " * 60])
def test_piped_text_is_exactly_what_rich_prints_without_a_terminal(query: str) -> None:
    """Text to a pipe with colour off is written without rich; it must not differ by a byte."""
    from rich.console import Console

    from errdex.cli.search import hit_data, plain_text, render
    from errdex.directory.registry import Registry

    result = Registry.from_paths([EXAMPLES]).index.search(query, limit=20)
    hits = [hit_data(h) for h in result.hits]
    cases = [(result.total, 0, hits, result.truncated), (7, 3, [HIT, *hits[:2]], True)]
    for total, offset, shown, truncated in cases:
        buffer = io.StringIO()
        rich = Console(
            file=buffer, force_terminal=False, no_color=True, soft_wrap=True, highlight=False
        )
        render(rich, total, offset, shown, truncated)
        assert plain_text(total, offset, shown, truncated) == buffer.getvalue()


def test_a_piped_search_from_the_cache_imports_no_printer_or_renderer_it_does_not_need(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "ERRDEX_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    args = ["search", "rate", "limit", "--catalog-path", str(EXAMPLES)]
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in ('rich', 'orjson', 'errdex.runtime', "
        "'jinja2', 'starlette', 'tomllib') if m in sys.modules), "
        "file=sys.stderr))\n"
        f"sys.argv = ['errdex', *{args!r}]\n"
        "from errdex.cli.main import main\n"
        "main()\n"
    )
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert second.returncode == 0 and second.stdout == first.stdout
    assert second.stderr.strip().splitlines()[-1] == "[]"


def process_json(*args: str) -> dict:
    """``python -m errdex search ARGS --json`` over the examples, its JSON read back."""
    result = errdex("search", *args, "--json", "--catalog-path", str(EXAMPLES))
    assert result.returncode in (0, 1), result.stderr
    return orjson.loads(result.stdout)


@pytest.mark.parametrize(
    ("code", "words"), [("AUTH-ERR-4", "AUTH ERR 4"), ("GIT-ERR-29", "GIT ERR 29")]
)
def test_a_hyphenated_code_finds_what_its_spaced_words_find(code: str, words: str) -> None:
    """``-`` is a separator: the exact code must not make other entries count as matches."""
    joined, spaced = process_json(code), process_json(words)
    assert joined["total"] == spaced["total"] == 1
    assert [h["code"] for h in joined["hits"]] == [h["code"] for h in spaced["hits"]] == [code]


def test_an_offset_deeper_than_the_server_allows_is_bad_usage() -> None:
    from errdex.directory.paging import MAX_OFFSET

    for offset in (str(MAX_OFFSET + 1), "99999999999999999999"):
        result = errdex("search", "--json", "--offset", offset, "rate")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "--offset" in result.stderr
    assert process_json("rate", "--offset", str(MAX_OFFSET))["offset"] == MAX_OFFSET


def test_a_page_past_the_last_result_still_counts_the_matches() -> None:
    total = process_json("rate")["total"]
    assert total > 0
    data = process_json("rate", "--offset", "100")
    assert (data["total"], data["hits"], data["offset"]) == (total, [], 100)
    result = errdex("search", "rate", "--offset", "100", "--catalog-path", str(EXAMPLES))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(f"{total} results (none on this page")
    json_run = errdex(
        "search", "rate", "--offset", "100", "--json", "--catalog-path", str(EXAMPLES)
    )
    assert json_run.returncode == 0


def test_no_query_and_no_filter_asks_for_a_query() -> None:
    for args in ((), ("",), ("  ",), ("--json",)):
        result = errdex("search", *args, "--catalog-path", str(EXAMPLES))
        assert result.returncode == 2, args
        assert "errdex search: nothing to search for" in result.stderr
        assert "  = help: " in result.stderr and result.stdout == ""
    listed = errdex("search", "--status", "429", "--catalog-path", str(EXAMPLES))
    assert listed.returncode == 0


@pytest.mark.parametrize(
    ("option", "value", "listed", "close"),
    [
        ("--module", "nope", "auth", None),
        ("--module", "auht", "git", "auth"),
        ("--locale", "../x", "zh-CN", None),
        ("--space", "nope", "jsonrpc", None),
        ("--catalog", "nope", "csghub", None),
        ("--catalog", "csgub", "zan", "csghub"),
    ],
)
def test_an_unknown_filter_value_is_bad_usage_naming_it(
    option: str, value: str, listed: str, close: str | None
) -> None:
    """A mistyped filter is not "no errors match": exit 2, the value and the known ones."""
    result = errdex("search", "x", option, value, "--catalog-path", str(EXAMPLES))
    assert result.returncode == 2, result.stderr
    kind = option[2:]
    assert f"errdex search: no {kind} {value!r}" in result.stderr
    assert listed in result.stderr and "= help:" in result.stderr
    assert result.stdout == ""
    if close is not None:
        assert f"did you mean {close!r}?" in result.stderr and f"{option} {close}" in result.stderr
    for known in ("--locale", "zh-CN"), ("--locale", "zh"), ("--module", "auth"):
        assert errdex("search", "token", *known, "--catalog-path", str(EXAMPLES)).returncode == 0


def test_camel_case_and_underscores_find_what_the_spaced_words_find() -> None:
    """``rateLimit`` is cut as the index cuts names; ``_`` and ``-`` separate like a space."""

    def codes(query: str) -> list[str]:
        return [f"{h['catalog']}:{h['code']}" for h in process_json(query, "--limit", "50")["hits"]]

    spaced = codes("rate limit")
    assert len(spaced) == 8
    assert codes("rateLimit") == codes("rate_limit") == codes("rate-limit") == spaced
    assert codes("invalid_jwt") == codes("invalid-jwt") == codes("invalid jwt")
    assert (
        codes("rateLimitExceeded")[:1] == codes("rate limit exceeded")[:1] == ["csghub:REQ-ERR-10"]
    )
    assert set(codes("tooManyRequests")) == set(codes('"too many requests"')) != set()


@pytest.mark.parametrize(
    ("query", "suggested"),
    [("insufficent", "insufficient"), ("tokne", "token"), ("tokne expird", "token expire")],
)
def test_a_misspelt_query_that_finds_nothing_suggests_indexed_words(
    query: str, suggested: str
) -> None:
    data = process_json(query)
    assert (data["total"], data["hits"]) == (0, [])
    assert data["suggestions"][0] == suggested
    assert process_json(suggested)["total"] > 0
    result = errdex("search", query, "--catalog-path", str(EXAMPLES))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "no errors match",
        f"did you mean: errdex search {suggested}?",
    ]


def test_nothing_is_suggested_that_the_filters_would_not_find() -> None:
    assert process_json("insufficent", "--catalog", "zan")["suggestions"] == []
    assert process_json("zzzzqqqq")["suggestions"] == []


def test_the_limit_is_the_servers_bound_on_the_command_line_too() -> None:
    from starlette.testclient import TestClient

    from errdex.directory import Registry
    from errdex.directory.paging import MAX_LIMIT
    from errdex.directory.web import create_app

    args = ("search", "rate", "--catalog-path", str(EXAMPLES / "zan"), "--json", "--limit")
    assert errdex(*args, str(MAX_LIMIT)).returncode == 0
    refused = errdex(*args, str(MAX_LIMIT + 1))
    assert refused.returncode == 2
    assert f"is not in the range 1<=x<={MAX_LIMIT}" in refused.stderr
    client = TestClient(create_app(Registry.from_paths([EXAMPLES / "zan"])))
    assert client.get("/api/search", params={"q": "rate", "limit": MAX_LIMIT}).status_code == 200
    past = client.get("/api/search", params={"q": "rate", "limit": MAX_LIMIT + 1})
    assert past.status_code == 400 and str(MAX_LIMIT) in past.text

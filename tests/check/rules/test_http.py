"""HTTP statuses: valid numbers, and statuses that contradict the entry's own words."""

from check_helpers import at, lint, only, places


def test_invalid_http_status():
    body = """
        [spaces.http]
        kind = "http"
        [spaces.app]
        [[errors]]
        code = 1
        space = "app"
        message = "Bad"
        http_status = 999
        [[errors]]
        code = 600
        space = "http"
        title = "Not a status"
        [[errors]]
        code = 404
        space = "http"
        title = "Not Found"
        """
    found = lint(body)
    assert places(found, "E109") == [at(body, "http_status = 999"), at(body, "code = 600")]


def test_status_contradicting_the_words():
    body = """
        [spaces.rpc]
        kind = "jsonrpc"
        [[errors]]
        code = -32004
        title = "Rate limited"
        message = "Service rate limited"
        http_status = 403
        [[errors]]
        code = -32003
        title = "Cu limited"
        message = "Cu limited per second"
        http_status = 429
        [[errors]]
        code = -32005
        name = "userNotFound"
        http_status = 401
        [[errors]]
        code = -32601
        title = "Method not found"
        http_status = 400
        [[errors]]
        code = -32006
        message = "Unauthorized"
        http_status = 200
        """
    found = lint(body)
    assert places(found, "W208") == [at(body, "http_status = 403"), at(body, "http_status = 401")]
    first = only(found, "W208")[0]
    assert first.message == "-32004 says 'rate limited' but is sent with HTTP 403"
    assert "set http_status = 429" in first.hint


def test_negative_retry_after():
    body = """
        [spaces.app]
        retry_after = -1
        [modules.rate]
        retry_after = -60
        [modules.ok]
        retry_after = 0
        [[errors]]
        code = 1
        module = "rate"
        message = "Slow down."
        [[errors]]
        code = 2
        module = "ok"
        message = "Try again."
        retry_after = -5
        [[errors]]
        code = 3
        module = "ok"
        message = "Busy."
        retry_after = 30
        """
    found = lint(body)
    # each bad value once, where it is written: an inherited -60 is not repeated at entry 1
    assert places(found, "E113") == [
        at(body, "retry_after = -1"),
        at(body, "retry_after = -60"),
        at(body, "retry_after = -5"),
    ]
    assert only(found, "E113")[2].message == "2 has retry_after -5, but a wait cannot be negative"
    assert "0 or more" in only(found, "E113")[2].hint

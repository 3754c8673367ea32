"""JSON-RPC codes: the reserved range, and one wire code with two meanings."""

from check_helpers import at, lint, only, places


def test_reserved_range():
    body = """
        [spaces.rpc]
        kind = "jsonrpc"
        server_defined = [-32050, -32000]
        [spaces.app]
        [[errors]]
        code = -32600
        space = "rpc"
        message = "Invalid Request"
        [[errors]]
        code = -32010
        space = "rpc"
        message = "Declared server error"
        [[errors]]
        code = -32099
        space = "rpc"
        message = "Outside the declared range"
        [[errors]]
        code = -32500
        space = "rpc"
        message = "Reserved"
        [[errors]]
        code = 7
        space = "app"
        message = "Sent with a reserved code"
        jsonrpc_code = -32300
        [[errors]]
        code = 8
        space = "app"
        message = "Sent with an application code"
        jsonrpc_code = 8
        """
    found = lint(body)
    assert places(found, "E110") == [
        at(body, "code = -32099"),
        at(body, "code = -32500"),
        at(body, "jsonrpc_code = -32300"),
    ]
    assert "-32050..-32000" in only(found, "E110")[0].hint


def test_default_server_range():
    body = """
        [spaces.rpc]
        kind = "jsonrpc"
        [[errors]]
        code = -32099
        message = "Server error"
        [[errors]]
        code = -32100
        message = "Reserved"
        """
    assert places(lint(body), "E110") == [at(body, "code = -32100")]


def test_same_code_same_kind_different_meaning():
    body = """
        [spaces.jsonrpc]
        kind = "jsonrpc"
        [spaces.parity]
        kind = "jsonrpc"
        [spaces.http]
        kind = "http"
        [[errors]]
        code = -32000
        space = "jsonrpc"
        message = "Server error"
        [[errors]]
        code = 429
        space = "jsonrpc"
        message = "Your app has exceeded its capacity."
        [[errors]]
        code = 429
        space = "http"
        title = "Too Many Requests"
        [[errors]]
        code = -32000
        space = "parity"
        name = "UNSUPPORTED_REQUEST"
        """
    found = lint(body)
    assert places(found, "W209") == [at(body, "code = -32000", 1)]
    d = only(found, "W209")[0]
    assert f"t.toml:{at(body, 'code = -32000')[0]}:1" in d.message
    assert "JSON-RPC error.code" in d.message

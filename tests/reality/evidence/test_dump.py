"""Raw HTTP dumps (``curl -i``, captures): each error response with its line, headers and body."""

from __future__ import annotations

import io

import pytest

from errdex.reality.evidence import EvidenceError
from errdex.reality.evidence.dump import Dump

DUMP = (
    b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"ok":true}\r\n'
    b"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json\r\n"
    b"Date: Tue, 01 Dec 2026 10:00:00 GMT\r\nContent-Length: 13\r\n\r\n"
    b'{"code":"A1"}trailing bytes past the length\r\n'
    b"HTTP/2 503\r\ntransfer-encoding: chunked\r\n\r\n"
    b'5\r\n{"a":\r\n3\r\n 1}\r\n0\r\n\r\n'
    b"HTTP/1.1 200 OK\r\n\r\n"
    b'{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"busy"}}\n'
)


def test_error_responses_are_observations_in_order() -> None:
    reader = Dump(io.BytesIO(DUMP), "capture.txt")
    seen = list(reader)
    assert [(o.where, o.status) for o in seen] == [
        ("capture.txt:5", 401),
        ("capture.txt:11", 503),
        ("capture.txt:20", 200),  # a JSON-RPC error sent with 200, in a response with no header
    ]
    assert reader.records == 4


def test_the_body_is_cut_at_content_length_and_chunks_are_joined() -> None:
    unauthorized, unavailable, rpc = Dump(io.BytesIO(DUMP), "d")
    assert unauthorized.body == b'{"code":"A1"}'
    assert ("Content-Type", "application/problem+json") in unauthorized.headers
    assert unavailable.body == b'{"a": 1}'
    assert rpc.body is not None and rpc.body.endswith(b'"busy"}}')


def test_the_date_header_sets_the_window() -> None:
    reader = Dump(io.BytesIO(DUMP), "d")
    list(reader)
    assert reader.window.texts()[0] == "2026-12-01T10:00:00.000Z"


def test_text_without_a_status_line_is_refused_by_name() -> None:
    with pytest.raises(EvidenceError) as caught:
        list(Dump(io.BytesIO(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), "req.txt"))
    assert str(caught.value) == "req.txt: no HTTP response in it (no 'HTTP/1.1 NNN' line)"

"""HAR files: every error entry with its status, headers and (base64-decoded) body."""

from __future__ import annotations

import base64
import io

import orjson
import pytest

from errdex.reality.evidence import EvidenceError
from errdex.reality.evidence.har import Har


def _har(*entries: object) -> io.BytesIO:
    return io.BytesIO(orjson.dumps({"log": {"version": "1.2", "entries": list(entries)}}))


def _entry(status: int, text: str | None = None, **content: str) -> dict[str, object]:
    body: dict[str, object] = dict(content)
    if text is not None:
        body["text"] = text
    return {
        "startedDateTime": "2026-12-01T10:00:00.000Z",
        "response": {
            "status": status,
            "headers": [{"name": "Content-Type", "value": "application/json"}, {"name": 1}],
            "content": body,
        },
    }


def test_error_entries_are_observations_with_their_place() -> None:
    reader = Har(
        _har(
            _entry(200, '{"ok": true}'),
            _entry(404, '{"code": 404}'),
            _entry(500, base64.b64encode(b'{"code": "X"}').decode(), encoding="base64"),
            _entry(200, '{"jsonrpc": "2.0", "error": {"code": -32000, "message": "m"}}'),
        ),
        "session.har",
    )
    seen = list(reader)
    assert [(o.where, o.status, o.body) for o in seen] == [
        ("session.har#entry1", 404, b'{"code": 404}'),
        ("session.har#entry2", 500, b'{"code": "X"}'),
        (
            "session.har#entry3",
            200,
            b'{"jsonrpc": "2.0", "error": {"code": -32000, "message": "m"}}',
        ),
    ]
    assert seen[0].headers == (("Content-Type", "application/json"),)  # the bad header dropped
    assert reader.records == 4
    assert reader.window.texts()[0] == "2026-12-01T10:00:00.000Z"


def test_an_entry_without_a_response_is_counted_as_malformed() -> None:
    reader = Har(_har({"request": {}}, _entry(401)), "s.har")
    assert [(o.where, o.body) for o in reader] == [("s.har#entry1", None)]
    assert (reader.malformed, reader.first_malformed) == (1, "s.har#entry0")


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not json", "s.har: not a HAR file (not JSON: "),
        (b'{"log": {}}', "s.har: not a HAR file (no log.entries)"),
        (b"[1, 2]", "s.har: not a HAR file (no log.entries)"),
    ],
)
def test_a_file_that_is_not_a_har_is_refused(data: bytes, why: str) -> None:
    with pytest.raises(EvidenceError) as caught:
        list(Har(io.BytesIO(data), "s.har"))
    assert str(caught.value).startswith(why)

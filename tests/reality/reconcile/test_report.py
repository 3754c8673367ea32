"""The reconcile report says which time window the evidence covers, in every format."""

from __future__ import annotations

from pathlib import Path

import orjson
from shop_service import catalog

from errdex.reality.reconcile import reconcile
from errdex.reality.reconcile.report import as_dict, markdown, text

PROBLEM = {"type": "about:blank", "title": "x", "status": 401, "code": "AUTH-ERR-5"}


def _log(tmp_path: Path, lines: list[dict[str, object]], name: str = "access.log") -> Path:
    path = tmp_path / name
    path.write_bytes(b"\n".join(orjson.dumps(line) for line in lines) + b"\n\n")
    return path


def test_the_window_runs_from_the_first_and_last_records_and_covers_every_error(
    tmp_path: Path,
) -> None:
    lines: list[dict[str, object]] = [
        {"ts": "2026-12-02T00:00:05Z", "status": 200},
        {"ts": "2026-12-02T00:10:00Z", "status": 200},
        # an error written late, with an earlier time than the first line
        {"ts": "2026-12-01T23:59:59.250+00:00", "status": 401, "response": {"body": PROBLEM}},
        {"ts": "2026-12-02T23:59:00Z", "status": 204},
    ]
    pino = _log(tmp_path, [{"time": 1_764_720_000_000, "res": {"statusCode": 200}}], "pino.log")
    result = reconcile(catalog(), [str(_log(tmp_path, lines)), str(pino)])
    doc = as_dict(result)
    assert doc["window"] == {
        "first": "2025-12-03T00:00:00.000Z",
        "last": "2026-12-02T23:59:00.000Z",
    }
    assert [(s["first_time"], s["last_time"]) for s in doc["sources"]] == [
        ("2026-12-01T23:59:59.250Z", "2026-12-02T23:59:00.000Z"),
        ("2025-12-03T00:00:00.000Z", "2025-12-03T00:00:00.000Z"),
    ]
    window = "from 2025-12-03T00:00:00.000Z to 2026-12-02T23:59:00.000Z"
    assert text(result).splitlines()[0].endswith(window)
    assert window in markdown(result).splitlines()[2]


def test_logs_without_timestamps_have_no_window(tmp_path: Path) -> None:
    log = _log(
        tmp_path, [{"status": 200}, {"status": 401, "seq": 3, "response": {"body": PROBLEM}}]
    )
    result = reconcile(catalog(), [str(log)])
    assert as_dict(result)["window"] is None
    assert text(result).splitlines()[0].endswith("catalog errors")


def test_har_dumps_and_otlp_carry_their_own_times(tmp_path: Path) -> None:
    har = tmp_path / "s.har"
    entry = {
        "startedDateTime": "2026-12-02T08:00:00.000+01:00",
        "response": {"status": 200, "headers": [], "content": {"text": "{}"}},
    }
    har.write_bytes(orjson.dumps({"log": {"entries": [entry]}}))
    dump = tmp_path / "r.txt"
    dump.write_bytes(
        b"HTTP/1.1 502 Bad Gateway\r\nDate: Wed, 02 Dec 2026 09:30:00 GMT\r\n\r\n<html>\r\n"
    )
    span = {
        "name": "GET",
        "kind": 2,
        "startTimeUnixNano": "1796206800000000000",
        "attributes": [{"key": "http.response.status_code", "value": {"intValue": "500"}}],
    }
    otlp = tmp_path / "traces.jsonl"
    otlp.write_bytes(orjson.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]}) + b"\n")
    result = reconcile(catalog(), [str(har), str(dump), str(otlp)])
    times = [(s.kind, s.first_time) for s in result.tally.sources]
    assert times == [
        ("har", "2026-12-02T07:00:00.000Z"),
        ("dump", "2026-12-02T09:30:00.000Z"),
        ("otlp", "2026-12-02T10:20:00.000Z"),
    ]
    assert result.tally.window == ("2026-12-02T07:00:00.000Z", "2026-12-02T10:20:00.000Z")


def test_runs_of_blank_lines_around_the_records(tmp_path: Path) -> None:
    log = tmp_path / "gappy.log"
    blank = b"\n" * 300_000 + b" \t\r\n" * 2_000
    first = orjson.dumps({"ts": "2026-12-02T01:00:00Z", "status": 200})
    last = orjson.dumps({"ts": "2026-12-02T02:00:00Z", "status": 200})
    log.write_bytes(blank + first + b"\n" + blank + last + b"\r\n" + blank)
    result = reconcile(catalog(), [str(log)])
    assert result.tally.window == ("2026-12-02T01:00:00.000Z", "2026-12-02T02:00:00.000Z")
    assert result.tally.sources[0].records == 2 + 3 * 302_000

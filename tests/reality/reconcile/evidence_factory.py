"""Evidence files of every format, generated with planted drift, for the reconcile tests.

The service is the shop of ``tests/reality/verify/shop_service.py``. Every
format carries the same story where it can: good errors, plus each drift of
:data:`PLANTED` (a format that keeps no body cannot show an envelope).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import orjson
from shop_service import catalog

import errdex

PLANTED = {
    "unknown": "AUTH-ERR-77 sent 3 times (not in the catalog)",
    "status": "AUTH-ERR-5 sent with 403 instead of 401",
    "envelope": "LIM-1 sent as {code, msg} instead of problem+json",
    "message": "AUTH-ERR-4 sent with a message no template explains",
    "removed": "AUTH-ERR-1 (a tombstone) still sent",
    "uncoded": "a proxy's HTML 502",
}


def responses() -> list[tuple[int, list[tuple[str, str]], bytes]]:
    """The responses the shop sent in the window: (status, headers, body)."""
    cat = catalog()
    out = []

    def add(err: Any, status: int | None = None) -> None:
        r = errdex.render(err, "problem")
        out.append((status or r.status, list(r.headers), r.body))

    for age in (1, 2, 7):  # good: a filled template
        add(cat.error("AUTH-ERR-4", age=age))
    add(cat.error("LIM-1"))
    problem = [("Content-Type", "application/problem+json")]
    for _ in range(3):
        body = {"type": "about:blank", "title": "x", "status": 401, "code": "AUTH-ERR-77"}
        out.append((401, problem, orjson.dumps({**body, "detail": "Key revoked."})))
    add(cat.error("AUTH-ERR-5"), status=403)
    out.append(
        (
            429,
            [("Content-Type", "application/json")],
            b'{"code":"LIM-1","msg":"Too many requests."}',
        )
    )
    doc = orjson.loads(errdex.render(cat.error("AUTH-ERR-4", age=3), "problem").body)
    doc["detail"] = "Session is gone."
    out.append((401, problem, orjson.dumps(doc)))
    removed = {
        "type": "about:blank",
        "title": "x",
        "status": 401,
        "code": "AUTH-ERR-1",
        "detail": "Old.",
    }
    out.append((401, problem, orjson.dumps(removed)))
    out.append((502, [("Content-Type", "text/html")], b"<html><body>502 Bad Gateway</body></html>"))
    return out


def write_jsonl(folder: Path, noise: int = 50) -> Path:
    """An access log: successes around the errors, the body under ``response.body``."""
    path = folder / "access.log"
    lines = []
    for i in range(noise):
        lines.append({"ts": i, "method": "GET", "path": "/ok", "status": 200, "ms": 3})
    for status, headers, body in responses():
        lines.append(
            {
                "ts": 1,
                "path": "/v1",
                "status": status,
                "response": {"headers": dict(headers), "body": body.decode()},
            }
        )
        lines.append({"ts": 2, "method": "GET", "path": "/ok", "status": 204})
    path.write_bytes(b"\n".join(orjson.dumps(line) for line in lines) + b"\n")
    return path


def write_har(folder: Path) -> Path:
    """A HAR file, one body base64-encoded as browsers sometimes save them."""
    entries = []
    for i, (status, headers, body) in enumerate(responses()):
        content: dict[str, Any] = {
            "mimeType": dict(headers).get("Content-Type", ""),
            "size": len(body),
        }
        if i % 2:
            content.update(text=base64.b64encode(body).decode(), encoding="base64")
        else:
            content["text"] = body.decode()
        entries.append(
            {
                "request": {"method": "GET", "url": "https://shop.example/v1", "headers": []},
                "response": {
                    "status": status,
                    "statusText": "",
                    "headers": [{"name": k, "value": v} for k, v in headers],
                    "content": content,
                },
            }
        )
    entries.append(
        {"request": {}, "response": {"status": 200, "headers": [], "content": {"text": "{}"}}}
    )
    path = folder / "session.har"
    path.write_text(json.dumps({"log": {"version": "1.2", "entries": entries}}), "utf-8")
    return path


def write_dump(folder: Path) -> Path:
    """``curl -i`` style dumps: Content-Length, a chunked one, and a 200 between them."""
    parts = [b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}\r\n"]
    for i, (status, headers, body) in enumerate(responses()):
        head = b"".join(f"{k}: {v}\r\n".encode() for k, v in headers)
        if i == 1:
            chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
            parts.append(
                b"HTTP/1.1 %d X\r\n%sTransfer-Encoding: chunked\r\n\r\n%s" % (status, head, chunked)
            )
        else:
            parts.append(
                b"HTTP/2 %d\r\n%scontent-length: %d\r\n\r\n%s\n" % (status, head, len(body), body)
            )
    path = folder / "responses.http"
    path.write_bytes(b"".join(parts))
    return path


def _attr(key: str, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"key": key, "value": {"boolValue": value}}
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": str(value)}}


def write_otlp(folder: Path) -> Path:
    """Collector file-exporter output: one traces export and two cumulative metric exports."""
    spans = []
    for status, _headers, body in responses():
        doc = orjson.loads(body) if body.startswith(b"{") else {}
        attrs = [_attr("http.response.status_code", status), _attr("http.route", "/v1")]
        events = []
        if "code" in doc:
            attrs += [_attr("error.type", doc["code"]), _attr("errdex.code", doc["code"])]
            attrs.append(_attr("errdex.catalog", "shop"))
            message = doc.get("detail") or doc.get("msg")
            events.append(
                {"name": "exception", "attributes": [_attr("exception.message", message)]}
            )
        else:
            attrs.append(_attr("error.type", str(status)))
        spans.append(
            {
                "name": "GET /v1",
                "kind": 2,
                "attributes": attrs,
                "events": events,
                "status": {"code": 2 if status >= 500 else 0},
            }
        )
    # a client span of another service's error: not evidence of what this one sent
    spans.append({"name": "GET upstream", "kind": 3, "attributes": [_attr("error.type", "UP-1")]})
    # a span of another catalog
    spans.append(
        {
            "name": "x",
            "kind": 2,
            "attributes": [_attr("errdex.code", "Z-1"), _attr("errdex.catalog", "zoo")],
        }
    )
    traces = {
        "resourceSpans": [
            {
                "resource": {"attributes": [_attr("service.name", "shop")]},
                "scopeSpans": [{"scope": {"name": "errdex"}, "spans": spans}],
            }
        ]
    }

    def metrics(value: int) -> dict[str, Any]:
        point = {
            "attributes": [
                _attr("error.type", "AUTH-ERR-77"),
                _attr("errdex.catalog", "shop"),
                _attr("http.response.status_code", 401),
            ],
            "startTimeUnixNano": "1",
            "timeUnixNano": str(value),
            "asInt": str(value),
        }
        metric = {
            "name": "errdex.errors",
            "unit": "{error}",
            "sum": {"dataPoints": [point], "aggregationTemporality": 2, "isMonotonic": True},
        }
        return {"resourceMetrics": [{"resource": {}, "scopeMetrics": [{"metrics": [metric]}]}]}

    path = folder / "otel.jsonl"
    lines = [orjson.dumps(traces), orjson.dumps(metrics(4)), orjson.dumps(metrics(10))]
    path.write_bytes(b"\n".join(lines) + b"\n")
    only = folder / "metrics.json"  # one pretty document, as an SDK's JSON dump is
    only.write_text(json.dumps(metrics(4), indent=2) + "\n" + "", "utf-8")
    return path


def write_metrics_only(folder: Path) -> Path:
    """Two cumulative exports of one series (4, then 10) and a delta series (2 + 3)."""
    write_otlp(folder)
    doc = orjson.loads((folder / "metrics.json").read_bytes())
    later = json.loads(json.dumps(doc))
    later["resourceMetrics"][0]["scopeMetrics"][0]["metrics"][0]["sum"]["dataPoints"][0][
        "asInt"
    ] = "10"
    delta = json.loads(json.dumps(doc))
    metric = delta["resourceMetrics"][0]["scopeMetrics"][0]["metrics"][0]
    metric["sum"]["aggregationTemporality"] = 1
    metric["sum"]["dataPoints"][0]["attributes"] = [
        _attr("error.type", "LIM-1"),
        _attr("http.response.status_code", 429),
    ]
    metric["sum"]["dataPoints"][0]["asInt"] = "2"
    delta2 = json.loads(json.dumps(delta))
    delta2["resourceMetrics"][0]["scopeMetrics"][0]["metrics"][0]["sum"]["dataPoints"][0][
        "asInt"
    ] = "3"
    path = folder / "metrics.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(d) for d in (doc, later, delta, delta2)) + b"\n")
    return path

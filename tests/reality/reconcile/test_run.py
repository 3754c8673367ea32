"""errdex reconcile finds every planted drift in evidence of every format."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest
from evidence_factory import (
    write_dump,
    write_har,
    write_jsonl,
    write_metrics_only,
    write_otlp,
)
from shop_service import catalog

from errdex.reality.reconcile import ReconcileError, reconcile
from errdex.reality.reconcile.report import as_dict

WRITERS = {"jsonl": write_jsonl, "har": write_har, "dump": write_dump, "otlp": write_otlp}


def _findings(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "unknown": {(r["code"], r["times"]) for r in doc["unknown_codes"]},
        "status": {(r["code"], r["documented"], r["sent"]) for r in doc["status_drift"]},
        "envelope": {(r["code"], r["sent"]) for r in doc["envelope_drift"]},
        "message": {(r["code"], m) for r in doc["unmatched_messages"] for m in r["messages"]},
        "removed": {r["code"] for r in doc["removed_codes_sent"]},
        "uncoded": {r["status"] for r in doc["uncoded_errors"]},
        "never": {r["code"] for r in doc["never_seen"]},
    }


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_every_planted_drift_is_found(kind: str, tmp_path: Path) -> None:
    path = WRITERS[kind](tmp_path)
    result = reconcile(catalog(), [str(path)])
    assert result.tally.sources[0].kind == kind
    found = _findings(as_dict(result))
    assert found["unknown"] == {("AUTH-ERR-77", 3)}
    assert ("AUTH-ERR-5", 401, 403) in found["status"]
    assert found["message"] == {("AUTH-ERR-4", "Session is gone.")}
    assert found["removed"] == {"AUTH-ERR-1"}
    # the planted uncoded error is a proxy's 502; AUTH-ERR-9 is the one entry never sent
    assert found["never"] == {"AUTH-ERR-9"}
    if kind == "otlp":  # spans keep no body: no envelope to judge, no code for the 502 either
        assert found["envelope"] == set()
        assert found["uncoded"] == {502}
    else:
        assert found["envelope"] == {("LIM-1", "keys code, msg")}
        assert found["uncoded"] == {502}
    assert result.drift
    assert (result.tally.errors, result.tally.catalog_errors) == (12, 8)


def test_the_good_errors_alone_show_no_drift(tmp_path: Path) -> None:
    log = tmp_path / "good.log"
    body = {
        "type": "about:blank",
        "title": "Unauthorized",
        "status": 401,
        "detail": "The token expired 9 seconds ago.",
        "code": "AUTH-ERR-4",
        "name": "invalidJWT",
        "params": {"age": 9},
    }
    good = {"status": 401, "response": {"body": orjson.dumps(body).decode()}}
    log.write_bytes(orjson.dumps(good) + b'\n{"status":200}\n')
    result = reconcile(catalog(), [str(log)], modules=["auth"])
    assert not result.drift
    assert result.tally.share == 1.0
    assert {e.code for e in result.never} == {"AUTH-ERR-5", "AUTH-ERR-9"}


def test_a_metrics_export_counts_by_series(tmp_path: Path) -> None:
    result = reconcile(catalog(), [str(write_metrics_only(tmp_path))])
    doc = as_dict(result)
    assert {(r["code"], r["times"]) for r in doc["unknown_codes"]} == {("AUTH-ERR-77", 10)}
    seen = result.tally.seen
    assert [s.times for k, s in seen.items() if k[1] == "LIM-1"] == [5]
    pretty = reconcile(catalog(), [str(tmp_path / "metrics.json")])
    assert as_dict(pretty)["unknown_codes"][0]["times"] == 4


def test_field_paths_gzip_and_stdin_like_streams(tmp_path: Path) -> None:
    log = tmp_path / "pino.log.gz"
    with gzip.open(log, "wt") as out:
        out.write('{"res":{"statusCode":403},"err":{"code":"AUTH-ERR-5"}}\n')
        out.write('{"res":{"statusCode":200}}\n')
    result = reconcile(
        catalog(), [str(log)], field_paths=["status=res.statusCode", "code=err.code"]
    )
    assert {(r["code"], r["sent"]) for r in as_dict(result)["status_drift"]} == {
        ("AUTH-ERR-5", 403)
    }
    assert result.tally.sources[0].records == 2


def test_malformed_records_are_counted_with_their_place(tmp_path: Path) -> None:
    log = tmp_path / "broken.log"
    log.write_text('{"status":200}\n{"status": 500, oops\n{"status":500}\n', "utf-8")
    result = reconcile(catalog(), [str(log)])
    source = result.tally.sources[0]
    assert (source.records, source.malformed, source.first_malformed) == (3, 1, f"{log}:2")
    assert result.tally.uncoded[500].first == f"{log}:3"


def test_what_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReconcileError, match="not a readable file"):
        reconcile(catalog(), [str(tmp_path / "missing.log")])
    with pytest.raises(ReconcileError, match="a folder"):
        reconcile(catalog(), [str(tmp_path)])
    with pytest.raises(ReconcileError, match="not ROLE=PATH"):
        reconcile(catalog(), [str(write_jsonl(tmp_path))], field_paths=["nope"])
    with pytest.raises(ReconcileError, match="no module 'billing'"):
        reconcile(catalog(), [str(write_jsonl(tmp_path))], modules=["billing"])
    bad_har = tmp_path / "x.har"
    bad_har.write_text('{"log": 3}', "utf-8")
    with pytest.raises(ReconcileError, match=r"no log\.entries"):
        reconcile(catalog(), [str(bad_har)])

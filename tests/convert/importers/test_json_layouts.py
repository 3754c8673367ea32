"""JSON layouts: objects keyed by code, and arrays where `code` is the HTTP status."""

from __future__ import annotations

import json
from pathlib import Path

from errdex.convert import import_document


def test_code_is_the_http_status_when_error_code_holds_the_application_code_in_any_order():
    items = [
        {"code": 400, "error_code": "INVALID_PARAM", "message": "bad param"},
        {"error_code": "NOT_FOUND", "message": "missing", "code": 404},
        {"message": "slow down", "error_code": "RATE_LIMIT", "code": 429},
    ]
    result = import_document(json.dumps(items, indent=2), "json")
    assert result.data["errors"] == [
        {"code": "INVALID_PARAM", "message": "bad param", "http_status": 400},
        {"code": "NOT_FOUND", "message": "missing", "http_status": 404},
        {"code": "RATE_LIMIT", "message": "slow down", "http_status": 429},
    ]
    assert result.diagnostics == []


def test_an_object_keyed_by_code_gives_one_entry_per_key_with_its_line():
    text = json.dumps(
        {
            "AccessDenied": {"description": "You do not have access.", "http": 403},
            "Throttling": {"description": "Rate exceeded.", "http": 400, "retryable": True},
        },
        indent=2,
    )
    result = import_document(text, "json", name="codes.json")
    assert result.data["errors"] == [
        {"code": "AccessDenied", "description": "You do not have access.", "http_status": 403},
        {
            "code": "Throttling",
            "description": "Rate exceeded.",
            "http_status": 400,
            "retryable": True,
        },
    ]
    messages = import_document('{"1001": "Invalid token", "1002": "Expired"}', "json")
    assert messages.data["errors"] == [
        {"code": 1001, "message": "Invalid token"},
        {"code": 1002, "message": "Expired"},
    ]


def test_a_plain_object_of_settings_is_not_taken_for_codes():
    result = import_document('{"name": "svc", "version": "1.2"}', "json")
    assert result.data is None


def test_jshttp_statuses_codes_json_is_an_object_of_messages_keyed_by_code():
    # jshttp/statuses' codes.json: {"100":"Continue",…}, minified, one line
    path = Path(__file__).parent / "fixtures" / "json" / "statuses_codes.json"
    text = path.read_text(encoding="utf-8")
    result = import_document(text, "json", name=path.name)
    source = json.loads(text)
    assert [(e["code"], e["message"]) for e in result.data["errors"]] == [
        (int(k), v) for k, v in source.items()
    ]
    assert len(result.data["errors"]) == 56
    assert result.diagnostics == []


def test_anchor_idl_error_arrays_keep_every_code_name_and_message():
    # Metaplex's Anchor IDLs: {"instructions": …, "errors": [{"code", "name", "msg"}]}
    fixtures = Path(__file__).parent / "fixtures" / "json"
    for name, count in (
        ("mpl_token_metadata_idl.json", 203),
        ("mpl_candy_machine_core_idl.json", 30),
    ):
        text = (fixtures / name).read_text(encoding="utf-8")
        result = import_document(text, "json", name=name)
        listed = json.loads(text)["errors"]
        assert len(result.data["errors"]) == len(listed) == count
        for entry, item in zip(result.data["errors"], listed, strict=True):
            expected = {"code": item["code"], "name": item["name"]}
            if item.get("msg"):  # an empty msg makes no field and no note
                expected["message"] = item["msg"]
            assert entry == expected
        assert [d for d in result.diagnostics if d.severity != "note"] == []

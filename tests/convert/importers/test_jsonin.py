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


def test_nats_server_errors_json_code_is_the_status_and_error_code_the_code():
    # nats-io/nats-server's server/errors.json: {"constant", "code": <HTTP status>,
    # "error_code": <JetStream code>, "description", "comment", "help", "url", "deprecates"}
    path = Path(__file__).parent / "fixtures" / "json" / "nats_server_errors.json"
    text = path.read_text(encoding="utf-8")
    result = import_document(text, "json", name=path.name)
    listed = json.loads(text)
    assert len(listed) == 226
    assert result.data["errors"] == [
        {
            "code": item["error_code"],
            "name": item["constant"],
            "description": item["description"],
            "http_status": item["code"],
        }
        for item in listed
    ]
    # the keys no field holds are reported once each, with the values lost; the 867
    # empty ones ("help": "", "url": "") lose nothing and make no note
    lost = {k: sum(1 for i in listed if i[k]) for k in ("comment", "deprecates", "help")}
    assert sum(1 for i in listed for k in ("comment", "deprecates", "help", "url") if i[k]) == 37
    assert sorted(d.message for d in result.diagnostics) == [
        f"key {k!r} is not a catalog field; its {n} values not imported"
        for k, n in sorted(lost.items())
    ]
    first_comment = next(i for i, item in enumerate(listed) if item["comment"])
    lines = text.split("\n")
    comment_line = next(d for d in result.diagnostics if "'comment'" in d.message).position[0]
    assert (
        lines[comment_line - 1]
        .strip()
        .startswith('"comment": "' + listed[first_comment]["comment"][:10])
    )


def test_a_key_no_field_holds_is_reported_once_and_empty_values_make_no_note():
    items = [
        {"code": "E1", "message": "one", "owner": "", "ticket": "T-1"},
        {"code": "E2", "message": "two", "owner": "", "ticket": "T-2"},
        {"code": "E3", "message": "three", "owner": None},
    ]
    result = import_document(json.dumps(items, indent=2), "json")
    assert [e["code"] for e in result.data["errors"]] == ["E1", "E2", "E3"]
    assert [(d.position[0], d.message) for d in result.diagnostics] == [
        (6, "key 'ticket' is not a catalog field; its 2 values not imported")
    ]


def test_a_numeric_status_beside_the_code_is_the_http_status_not_a_lifecycle():
    # Spryker's Glue API docs show [{"message": …, "status": 400, "code": "1310"}]
    items = [
        {"message": "Incomplete Request", "status": 400, "code": "1310"},
        {"message": "Not found", "status": "404", "code": "1303"},
        {"message": "Old", "status": "deprecated", "code": "1200"},
    ]
    result = import_document(json.dumps(items, indent=2), "json")
    assert result.data["errors"] == [
        {"code": "1310", "message": "Incomplete Request", "http_status": 400},
        {"code": "1303", "message": "Not found", "http_status": 404},
        {"code": "1200", "message": "Old", "status": "deprecated"},
    ]
    assert result.diagnostics == []


def test_error_code_is_the_code_when_no_key_is_named_code():
    items = [
        {"errorCode": "NOT_FOUND", "httpStatus": 404, "message": "missing"},
        {"errorCode": "RATE_LIMIT", "httpStatus": 429, "message": "slow down"},
    ]
    result = import_document(json.dumps(items, indent=2), "json")
    assert result.data["errors"] == [
        {"code": "NOT_FOUND", "http_status": 404, "message": "missing"},
        {"code": "RATE_LIMIT", "http_status": 429, "message": "slow down"},
    ]
    assert result.diagnostics == []


def test_metamask_error_values_json_is_an_object_of_field_objects_keyed_by_code():
    # MetaMask/rpc-errors' src/errorValues.json (before its TypeScript port):
    # {"-32700": {"standard": "JSON RPC 2.0", "message": "Invalid JSON was received…"}, …}
    path = Path(__file__).parent / "fixtures" / "json" / "metamask_rpc_errors_errorValues.json"
    text = path.read_text(encoding="utf-8")
    result = import_document(text, "json", name=path.name)
    source = json.loads(text)
    assert result.data["errors"] == [
        {"code": int(code), "message": fields["message"]} for code, fields in source.items()
    ]
    assert len(source) == 16
    # "standard" (JSON RPC 2.0, EIP-1474, EIP-1193) is no catalog field: reported once, by name
    assert [(d.position[0], d.message) for d in result.diagnostics] == [
        (3, "key 'standard' is not a catalog field; its 16 values not imported")
    ]


def test_peac_kernel_errors_json_keeps_code_status_title_text_category_and_retry():
    # peacprotocol/peac's specs/kernel/errors.json: {"errors": [{"code": "E_…",
    # "http_status": 400, "title", "description", "category", "retryable", "next_action"}]}
    # the application code is `code` and the HTTP status its own key (nats-server's
    # errors.json is the other spelling: `code` the status, `error_code` the code)
    path = Path(__file__).parent / "fixtures" / "json" / "peac_kernel_errors.json"
    text = path.read_text(encoding="utf-8")
    result = import_document(text, "json", name=path.name)
    listed = json.loads(text)["errors"]
    assert len(listed) == 189
    assert result.data["errors"] == [
        {
            "code": item["code"],
            "http_status": item["http_status"],
            "title": item["title"],
            "description": item["description"],
            "retryable": item["retryable"],
            "module": item["category"],
        }
        for item in listed
    ]
    # every category is a module, in the order first met; nothing else is made up
    assert list(result.data["modules"]) == list(dict.fromkeys(i["category"] for i in listed))
    # next_action (abort, retry_after_delay…) is no catalog field: reported once, by name
    assert [(d.position[0], d.message) for d in result.diagnostics] == [
        (13, "key 'next_action' is not a catalog field; its 189 values not imported")
    ]
    assert text.split("\n")[12].strip().startswith('"next_action": ')

"""Protocol Buffers: go-kratos errors.proto options and google.rpc-style reason enums."""

from __future__ import annotations

from importer_cases import imported, pick

from errdex.convert.importers.source.proto import read_proto


def test_kratos_layout_reasons_take_per_value_code_else_default_code_as_status():
    entries, diagnostics, _ = imported("proto/kratos_layout_error_reason.proto")
    assert entries == [
        {"code": "USER_NOT_FOUND", "module": "error", "http_status": 404},
        {"code": "CONTENT_MISSING", "module": "error", "http_status": 500},
    ]
    # the enum numbers are dropped (the reason name is the wire code): said once
    assert [d.message for d in diagnostics if d.severity == "warning"] == [
        "the numbers of enum Error not imported: a reason enum's code is the value's name; "
        "its number has no catalog field"
    ]


def test_google_error_reason_comments_become_descriptions():
    entries, _, _ = imported("proto/googleapis_error_reason.proto")
    assert pick(entries, "code") == [
        ("ERROR_REASON_UNSPECIFIED",),
        ("SERVICE_DISABLED",),
        ("BILLING_DISABLED",),
        ("API_KEY_INVALID",),
        ("API_KEY_SERVICE_BLOCKED",),
    ]
    assert entries[0]["description"] == "Do not use this default value."
    assert entries[1]["description"].startswith(
        "The request is calling a disabled service for a consumer.\n\n"
        'Example of an ErrorInfo when the consumer "projects/123" contacting'
    )
    assert entries[1]["description"].endswith('"projects/123".')
    assert entries[3]["description"] == (
        "The request is denied because the provided [API\n"
        "key](https://cloud.google.com/docs/authentication/api-keys) is invalid. It\n"
        "may be in a bad format, cannot be found, or has been expired)."
    )
    assert all("http_status" not in e for e in entries)


def test_numeric_error_enums_keep_numbers_and_other_enums_are_reported():
    source = (
        'syntax = "proto3";\nmessage Reply {\n  enum ErrorCode {\n    OK = 0;\n'
        "    BAD_INPUT = 4001; // the input is bad\n  }\n}\nenum Color { RED = 0; }\n"
    )
    found = read_proto(source, "x.proto")
    assert [(f.code, f.name, f.description, f.line) for f in found.found] == [
        (0, "OK", None, 4),
        (4001, "BAD_INPUT", "the input is bad", 5),
    ]
    assert [(s.what, s.line, s.force) for s in found.skipped] == [("enum Color", 8, "proto")]


def test_a_file_that_is_not_protobuf_is_reported():
    found = read_proto("message { =", "broken.proto")
    assert found.found == [] and "does not parse" in found.skipped[0].why

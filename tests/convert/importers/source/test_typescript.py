"""TypeScript/JavaScript: enums with implicit numbers, and objects of codes and messages."""

from __future__ import annotations

from importer_cases import imported, pick

from errdex.convert.importers.source.typescript import read_javascript, read_typescript


def test_grpc_status_enum_counts_up_from_zero_and_other_enums_are_reported():
    entries, diagnostics, _ = imported("typescript/grpc_js_constants.ts")
    names = [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
        "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
        "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
        "UNAUTHENTICATED",
    ]  # fmt: skip
    assert pick(entries, "code", "name") == list(enumerate(names))
    assert {e["module"] for e in entries} == {"status"}
    skipped = sorted(d.message for d in diagnostics)
    assert skipped == [
        "enum LogVerbosity not imported: its name does not say it holds errors",
        "enum Propagate not imported: its name does not say it holds errors",
    ]


def test_metamask_nested_code_groups_take_their_messages_from_the_values_table():
    entries, diagnostics, _ = imported("typescript/metamask_rpc_errors_error_constants.ts")
    assert len(entries) == 16  # errorValues adds no entry: it fills in errorCodes' codes
    assert pick(entries, "code", "name", "module")[:2] == [
        (-32000, "invalidInput", "error-codes.rpc"),
        (-32001, "resourceNotFound", "error-codes.rpc"),
    ]
    by_code = {e["code"]: e for e in entries}
    assert by_code[-32700]["name"] == "parse"
    assert by_code[-32700]["message"] == (
        "Invalid JSON was received by the server. "
        "An error occurred on the server while parsing the JSON text."
    )
    assert by_code[4901] == {
        "code": 4901,
        "module": "error-codes.provider",
        "name": "chainDisconnected",
        "message": "The provider is disconnected from the specified chain.",
    }
    # the "standard" column has no catalog field: said once, by name
    assert [d.message for d in diagnostics if d.severity == "warning"] == [
        "field 'standard' not imported: no catalog field holds it"
    ]


def test_string_enums_as_const_objects_and_keys_that_are_codes():
    source = (
        "/** Auth codes */\nexport enum AuthErrorCode {\n  /** Wrong password. */\n"
        "  INVALID_CREDENTIALS = 'AUTH_1001',\n"
        "  USER_NOT_FOUND = 'AUTH_1002', // no such user\n}\n"
        "export const HttpErrors = {\n"
        "  NotFound: { code: 'E404', status: 404, message: 'Not found' } }"
        " as const;\n"
    )
    found = read_typescript(source, "auth.ts").found
    assert [(f.code, f.name, f.description, f.http_status, f.message) for f in found] == [
        ("AUTH_1001", "INVALID_CREDENTIALS", "Wrong password.", None, None),
        ("AUTH_1002", "USER_NOT_FOUND", "no such user", None, None),
        ("E404", "NotFound", None, 404, "Not found"),
    ]
    js = "const ERROR_MESSAGES = Object.freeze({ 1001: 'Bad token', 1002: 'Expired' });\n"
    assert [(f.code, f.message) for f in read_javascript(js, "e.js").found] == [
        (1001, "Bad token"),
        (1002, "Expired"),
    ]


def test_commonjs_exports_keyed_by_status_keep_code_status_and_message_apart():
    # MCS-Lite's restserver/errors.js: `code` is the code, `statusCode` the HTTP status
    entries, _, text = imported("javascript/mcs_lite_errors.js")
    assert pick(entries, "code", "http_status", "message") == [
        (400, 400, "400 Bad Request"),
        (401, 401, "401 Unauthorized"),
        (403, 403, "403 Forbidden"),
        (404, 404, "404 Not Found"),
        (500, 500, "500 Server errors"),
        (501, 501, "501 Not Implemented"),
        (502, 400, "Error file type"),
        (503, 400, "Error body type"),
        (504, 400, "Error body type"),
    ]
    assert {e["module"] for e in entries} == {"mcs_lite_errors"}  # named after the file
    assert "# from tests/convert/importers/fixtures/javascript/mcs_lite_errors.js:2" in text


def test_commonjs_exports_of_a_locale_file_are_taken_by_their_shape_with_the_key_as_code():
    # gryd-scaffold's app/locale/en.js: the file name says nothing; the shape does
    entries, _, _ = imported("javascript/gryd_scaffold_locale_en.js")
    assert pick(entries, "code", "name", "http_status", "message") == [
        ("E000", None, 500, "An unknown error has occurred"),
        ("E001", None, 401, "Unauthorized"),
        ("E002", None, 400, "Invalid input values"),
        ("E003", None, 403, "Insufficient permissions to access this resource."),
        ("E004", None, 404, "The location requested does not exist"),
        ("E005", None, 404, "The resource requested was not found"),
    ]


def test_an_exported_object_of_settings_is_not_an_error_listing():
    source = "module.exports = {\n  port: 8080,\n  host: 'localhost',\n  debug: true,\n};\n"
    found = read_javascript(source, "config.js")
    assert found.found == []
    assert [s.what for s in found.skipped] == ["object config"]
    shaped = "export default {\n  E1: { message: 'bad', status: 400 },\n};\n"
    assert [(f.code, f.http_status) for f in read_javascript(shaped, "x.js").found] == [("E1", 400)]

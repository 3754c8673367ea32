"""Java: enums NAME(code, "message") read through the constructor's parameter names."""

from __future__ import annotations

from importer_cases import imported, pick

from errdex.convert.importers.source.java import read_java


def test_nacos_error_codes_take_code_and_msg_by_parameter_name_and_javadoc():
    entries, diagnostics, _ = imported("java/nacos_ErrorCode.java")
    assert len(entries) == 53
    assert entries[:2] == [
        {
            "code": 0,
            "module": "error-code",
            "name": "SUCCESS",
            "message": "success",
            "description": "success.",
        },
        {
            "code": 10000,
            "module": "error-code",
            "name": "PARAMETER_MISSING",
            "message": "parameter missing",
            "description": "parameter missing.",
        },
    ]
    assert pick(entries, "code", "name", "message")[-1] == (
        50311,
        "FUZZY_WATCH_PATTERN_MATCH_COUNT_OVER_LIMIT",
        "fuzzy watch pattern matched count over limit",
    )
    assert not diagnostics


def test_azkaban_single_argument_constants_are_their_codes():
    entries, _, _ = imported("java/azkaban_ErrorCode.java")
    assert pick(entries, "code", "name") == [
        (400, "BAD_REQUEST"),
        (404, "NOT_FOUND"),
        (409, "CONFLICT"),
        (422, "UNPROCESSABLE_ENTITY"),
        (500, "INTERNAL_SERVER_ERROR"),
        (401, "UNAUTHORIZED"),
        (403, "FORBIDDEN"),
    ]


def test_spring_statuses_string_codes_and_dropped_arguments():
    source = (
        "enum ApiError {\n  /** The user is unknown. */\n"
        '  USER_NOT_FOUND("U404", HttpStatus.NOT_FOUND, "No such user", 7);\n'
        "  ApiError(String code, HttpStatus status, String message, int weight) {}\n}\n"
        "enum Color { RED, GREEN }\n"
    )
    found = read_java(source, "ApiError.java")
    assert [(f.code, f.name, f.http_status, f.message, f.description) for f in found.found] == [
        ("U404", "USER_NOT_FOUND", 404, "No such user", "The user is unknown.")
    ]
    assert [d.what for d in found.dropped] == ["constructor argument 'weight' of ApiError"]
    assert [s.what for s in found.skipped] == ["enum Color"]

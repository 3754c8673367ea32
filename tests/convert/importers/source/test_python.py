"""Python: exception classes with code/status/message attributes, and IntEnum code lists."""

from __future__ import annotations

from importer_cases import imported, pick

from errdex.convert.importers.source.python import read_python


def test_drf_exception_classes_give_code_status_message_and_docstring():
    entries, _, _ = imported("python/drf_exceptions.py")
    assert pick(entries, "code", "name", "http_status", "message") == [
        ("error", "APIException", 500, "A server error occurred."),
        ("invalid", "ValidationError", 400, "Invalid input."),
        ("parse_error", "ParseError", 400, "Malformed request."),
        (
            "authentication_failed",
            "AuthenticationFailed",
            401,
            "Incorrect authentication credentials.",
        ),
        (
            "not_authenticated",
            "NotAuthenticated",
            401,
            "Authentication credentials were not provided.",
        ),
        (
            "permission_denied",
            "PermissionDenied",
            403,
            "You do not have permission to perform this action.",
        ),
        ("not_found", "NotFound", 404, "Not found."),
        ("method_not_allowed", "MethodNotAllowed", 405, 'Method "{method}" not allowed.'),
        ("not_acceptable", "NotAcceptable", 406, "Could not satisfy the request Accept header."),
        (
            "unsupported_media_type",
            "UnsupportedMediaType",
            415,
            'Unsupported media type "{media_type}" in request.',
        ),
        ("throttled", "Throttled", 429, "Request was throttled."),
    ]
    assert entries[0]["description"].startswith("Base class for REST framework exceptions.")


def test_mage_ai_int_enum_members_are_codes():
    entries, _, _ = imported("python/mage_ai_errors_constants.py")
    assert entries == [
        {"code": c, "module": "error-code", "name": f"CODE_{c}"}
        for c in (400, 401, 402, 403, 404, 500)
    ]


def test_enum_forms_auto_tuples_and_comments():
    source = (
        "import enum\n\nclass BizError(enum.IntEnum):\n    # nothing wrong\n    OK = 0\n"
        "    DENIED = enum.auto()\n    '''Access is denied.'''\n"
        "    GONE = (4100, 410, 'It is gone')\n\n"
        "class Color(enum.Enum):\n    RED = 1\n\n"
        "class Reason(enum.StrEnum):\n    BAD = enum.auto()\n"
    )
    found = read_python(source, "codes.py")
    assert [(f.code, f.name, f.http_status, f.message, f.description) for f in found.found] == [
        (0, "OK", None, None, "nothing wrong"),
        (1, "DENIED", None, None, "Access is denied."),
        (4100, "GONE", 410, "It is gone", None),
        ("bad", "BAD", None, None, None),
    ]
    assert [(s.what, s.line, s.force) for s in found.skipped] == [("enum Color", 10, "python")]


def test_a_file_that_is_not_python_is_reported_with_its_place():
    found = read_python("class (:\n", "broken.py")
    assert (
        found.found == []
        and found.skipped[0].line == 1
        and "does not parse" in found.skipped[0].why
    )

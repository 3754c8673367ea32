"""Rust: thiserror enums with implicit discriminants, and `fn code`/`fn message` match arms."""

from __future__ import annotations

from importer_cases import imported, pick

from errdex.convert.importers.source.rust import read_rust


def test_spl_token_error_numbers_follow_the_variants_with_thiserror_messages():
    entries, _, _ = imported("rust/spl_token_error.rs")
    assert len(entries) == 18
    assert pick(entries, "code", "name", "message")[:3] == [
        (0, "NotRentExempt", "Lamport balance below rent-exempt threshold"),
        (1, "InsufficientFunds", "Insufficient funds"),
        (2, "InvalidMint", "Invalid Mint"),
    ]
    assert entries[9] == {  # the typo is the program's, kept verbatim
        "code": 9,
        "module": "token-error",
        "name": "UninitializedState",
        "message": "State is unititialized",
        "description": "State is uninitialized.",
    }
    assert entries[-1]["code"] == 17 and entries[-1]["name"] == "AccountFrozen"


def test_jsonrpsee_codes_and_messages_come_from_match_arms_over_constants():
    entries, diagnostics, _ = imported("rust/jsonrpsee_error.rs")
    assert pick(entries, "code", "name", "message") == [
        (-32700, "ParseError", "Parse error"),
        (-32007, "OversizedRequest", "Request is too big"),
        (-32600, "InvalidRequest", "Invalid request"),
        (-32601, "MethodNotFound", "Method not found"),
        (-32009, "ServerIsBusy", "Server is busy, try again later"),
        (-32602, "InvalidParams", "Invalid params"),
        (-32603, "InternalError", "Internal error"),
    ]
    assert entries[0]["description"] == (
        "Invalid JSON was received by the server.\n"
        "An error occurred on the server while parsing the JSON text."
    )
    # ServerError(code) => code has no number of its own: reported, not guessed
    notes = [d.message for d in diagnostics]
    assert notes == [
        "variant ErrorCode::ServerError not imported: its code in `fn code` is not a constant"
    ]


def test_explicit_discriminants_statuses_and_non_error_enums():
    source = (
        "enum Color { Red }\n"
        "#[repr(u16)]\npub enum ApiError {\n"
        "    BadInput = 4000,\n    Missing,\n    Gone = 4100,\n}\n"
        "impl ApiError {\n    fn status_code(&self) -> StatusCode {\n        match self {\n"
        "            ApiError::BadInput | ApiError::Missing => StatusCode::BAD_REQUEST,\n"
        "            Self::Gone => StatusCode::GONE,\n        }\n    }\n}\n"
    )
    found = read_rust(source, "api.rs")
    assert [(f.code, f.name, f.http_status) for f in found.found] == [
        (4000, "BadInput", 400),
        (4001, "Missing", 400),
        (4100, "Gone", 410),
    ]
    assert [(s.what, s.force) for s in found.skipped] == [("enum Color", "rust")]

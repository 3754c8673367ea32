"""OpenAPI 2.0 and 3.x: codes in error-response schemas, examples and descriptions."""

from __future__ import annotations

import json
import re
from typing import Any

from errdex.convert.importers.source.openapi import read_openapi

SPEC3 = """
openapi: 3.0.3
info: {title: Pets, version: '1'}
paths:
  /pets/{id}:
    get:
      responses:
        '200': {description: ok}
        '404':
          description: |
            The pet is not found.
            - `PET_NOT_FOUND`: no pet has this id
            - `PET_GONE`: the pet was adopted
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Error'}
        '400':
          $ref: '#/components/responses/BadRequest'
components:
  responses:
    BadRequest:
      description: Bad request
      content:
        application/json:
          schema:
            type: object
            properties:
              code: {type: string, enum: [INVALID_ID, MISSING_FIELD]}
              message: {type: string}
          examples:
            bad:
              value: {code: INVALID_ID, message: The id is not a number}
  schemas:
    Error:
      type: object
      properties:
        code: {type: string}
        message: {type: string}
"""


def test_openapi3_enums_examples_and_description_lists_with_statuses():
    found = read_openapi(SPEC3, "pets.yaml")
    assert [(f.code, f.http_status, f.message) for f in found.found] == [
        ("PET_NOT_FOUND", 404, "no pet has this id"),
        ("PET_GONE", 404, "the pet was adopted"),
        ("INVALID_ID", 400, "The id is not a number"),
        ("MISSING_FIELD", 400, None),
    ]
    assert (
        found.found[0].line
        == SPEC3.split("\n").index("            - `PET_NOT_FOUND`: no pet has this id") + 1
    )


def test_swagger2_examples_under_responses():
    spec = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x": {
                "post": {
                    "responses": {
                        "429": {
                            "description": "Too many",
                            "examples": {
                                "application/json": {
                                    "error": {"code": 42901, "message": "Slow down"}
                                }
                            },
                        }
                    }
                }
            }
        },
    }
    found = read_openapi(json.dumps(spec, indent=1), "api.json")
    assert [(f.code, f.http_status, f.message) for f in found.found] == [(42901, 429, "Slow down")]


def test_not_openapi_yaml_is_reported():
    found = read_openapi("a: [1,\n", "broken.yaml")
    assert found.found == [] and "does not parse" in found.skipped[0].why


def test_lago_codes_come_from_error_schemas_only_never_from_nested_request_objects():
    # getlago/lago-openapi's bundled openapi.yaml (3.1): codes in the examples of the
    # ApiError* schemas and the CreditNoteErrorDetailsObject enum. Its EventErrorsObject
    # nests the event (whose `code` is a billable metric's, example "storage"): not a code.
    from importer_cases import imported, pick

    entries, _, _ = imported("openapi/lago_openapi.yaml")
    assert pick(entries, "code", "http_status") == [
        ("validation_errors", 422),
        ("feature_unavailable", 403),
        ("object_not_found", 404),
        ("not_allowed", 405),
        ("not_provided", None),
        ("tax_error", None),
        ("tax_voiding_error", None),
        ("invoice_generation_error", None),
    ]
    assert {e["module"] for e in entries[4:]} == {"credit-note-error-details-object"}


def assert_codes_only(
    entries: list[dict[str, Any]], diagnostics: list[Any], text: str, source: str
) -> None:
    """Every entry is a code and the ``error-code`` module and nothing else (no status,
    message or name made up), its ``# from …:N`` comment names the source line holding
    that code, and nothing was diagnosed."""
    assert {tuple(sorted(e)) for e in entries} == {("code", "module")}
    assert {e["module"] for e in entries} == {"error-code"}
    lines = source.split("\n")
    for entry, comment in zip(entries, re.findall(r"# from .+:(\d+)", text), strict=True):
        assert f'"{entry["code"]}"' in lines[int(comment) - 1], entry
    assert diagnostics == []


def test_an_error_code_schema_that_is_an_enum_gives_one_entry_per_value():
    spec = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "definitions": {
            "ErrorCode": {"type": "string", "enum": ["AccountIsDisabled", "QueueNotFound"]},
            "ErrorColor": {"type": "string", "enum": ["red"]},  # an error-named enum, no codes
            "Region": {"type": "string", "enum": ["eu", "us"]},
        },
    }
    found = read_openapi(json.dumps(spec, indent=1), "api.json")
    assert [(f.code, f.http_status, f.group) for f in found.found] == [
        ("AccountIsDisabled", None, "ErrorCode"),
        ("QueueNotFound", None, "ErrorCode"),
    ]


def test_azurite_swagger2_storage_error_code_enums_keep_every_code_and_invent_none():
    # Azure/Azurite's swagger/queue-storage.json and blob-storage-2021-10-04.json (Swagger
    # 2.0): every error response refers to StorageError (a Message only); the codes are
    # the `ErrorCode` definition, an enum of its own (x-ms-enum StorageErrorCode).
    from importer_cases import FIXTURES, imported

    for name, count in (
        ("openapi/azurite_queue-storage.json", 51),
        ("openapi/azurite_blob-storage-2021-10-04.json", 113),
    ):
        entries, diagnostics, text = imported(name)
        source = (FIXTURES / name).read_text(encoding="utf-8")
        listed = json.loads(source)["definitions"]["ErrorCode"]["enum"]
        assert [e["code"] for e in entries] == listed and len(listed) == count
        # nothing but the code and its module: no status, message or name is made up
        assert_codes_only(entries, diagnostics, text, source)


def test_square_connect_swagger2_error_code_enum_keeps_every_code_and_invents_none():
    # square/connect-api-specification's api.json of 2017-01 (Swagger 2.0): the codes are
    # the `ErrorCode` definition's enum (repeated inline as Error.code); its ErrorCategory
    # enum (API_ERROR, REFUND_ERROR…) names categories, not codes, and makes no entry.
    from importer_cases import FIXTURES, imported

    name = "openapi/square_connect_api.json"
    entries, diagnostics, text = imported(name)
    source = (FIXTURES / name).read_text(encoding="utf-8")
    definitions = json.loads(source)["definitions"]
    listed = definitions["ErrorCode"]["enum"]
    assert len(listed) == 72 and definitions["Error"]["properties"]["code"]["enum"] == listed
    assert [e["code"] for e in entries] == listed
    assert not set(definitions["ErrorCategory"]["enum"]) & {e["code"] for e in entries}
    # no error response states a status or message: nothing but the code and its module
    assert_codes_only(entries, diagnostics, text, source)

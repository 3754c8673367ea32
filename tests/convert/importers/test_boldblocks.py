"""AWS-style blocks: a bold name, description lines and ``HTTP Status Code: N``."""

from __future__ import annotations

from importer_cases import FIXTURES

from errdex.convert import import_document
from errdex.io import loads


def _import(path):
    result = import_document(path.read_text(encoding="utf-8"), name=path.name)
    assert result.data is not None, [d.message for d in result.diagnostics]
    return result, loads(result.to_toml())


def test_aws_common_errors_bold_name_description_and_status_blocks():
    result, catalog = _import(FIXTURES / "bold" / "aws_kendra_CommonErrors.md")
    first = catalog.entries[0]
    assert (first.code, first.http_status) == ("AccessDeniedException", 400)
    assert first.description == "You do not have sufficient access to perform this action\\."
    assert len(catalog.entries) == 18 and result.diagnostics == []
    # the ------ rules at the top are layout, not the catalog's description
    assert not (catalog.meta.description or "").startswith("-")
    _, other = _import(FIXTURES / "bold" / "aws_cloudsearch_CommonErrors.md")
    assert [e.http_status for e in other.entries].count(500) >= 1 and len(other.entries) == 16


def test_bold_names_never_closed_by_a_status_are_prose_and_member_fields_are_reported():
    text = (
        "# ListTags\n\n## Request Parameters\n\n**ResourceName**\n\nThe name of the resource.\n\n"
        "Type: String\n\n## Errors\n\n ** ValidationException **\nA parameter is not valid.\n"
        " ** fieldList **\nThe fields that failed.\nHTTP Status Code: 400\n\n"
        "**ClusterNotFoundFault**\n\nThe cluster does not exist.\n\nHTTP Status Code: 404\n"
    )
    result = import_document(text, name="ListTags.md")
    assert [(e["code"], e.get("description"), e["http_status"]) for e in result.data["errors"]] == [
        ("ValidationException", "A parameter is not valid.", 400),
        ("ClusterNotFoundFault", "The cluster does not exist.", 404),
    ]
    messages = [d.message for d in result.diagnostics]
    assert any("member fields of ValidationException (fieldList)" in m for m in messages)

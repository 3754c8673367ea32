"""PostgreSQL's errcodes.txt layout: SQLSTATE, kind, macro and spec name, Section lines."""

from __future__ import annotations

from importer_cases import FIXTURES

from errdex.convert import import_document
from errdex.convert.importers import detect_format
from errdex.io import loads


def _import(name: str):
    text = (FIXTURES / "errcodes" / name).read_text(encoding="utf-8")
    assert detect_format(text, name) == "errcodes"
    result = import_document(text, name=name)
    return result, loads(result.to_toml())


def test_postgresql_sqlstates_stay_strings_in_their_class_modules():
    result, catalog = _import("postgresql_errcodes.txt")
    entries = catalog.entries
    assert len(entries) == 260  # 266 lines, 6 of them aliases of a code listed before
    first = entries[0]
    assert (first.code, first.name, first.module) == (
        "00000",
        "successful_completion",
        "class-00---successful-completion",
    )
    assert catalog.modules[first.module].title == "Class 00 - Successful Completion"
    by_code = {e.code: e for e in entries}
    assert by_code["23505"].name == "unique_violation"
    assert by_code["2202E"].name == "array_subscript_error"  # named by its alias line
    assert by_code["P0000"].name == "plpgsql_error"
    assert len(catalog.modules) == 43
    messages = [d.message for d in result.diagnostics]
    assert sum("an alias" in m for m in messages) == 6
    assert sum("kind column" in m for m in messages) == 1  # said once, by name
    assert sum("macro-name column" in m for m in messages) == 1


def test_tbase_fork_keeps_its_own_codes_and_macro_names_without_spec():
    _, catalog = _import("tbase_errcodes.txt")
    by_code = {e.code: e for e in catalog.entries}
    assert len(by_code) == 242
    assert by_code["XX010"].name == "ERRCODE_PRODUCER_ERROR"  # no spec name: the macro
    assert all(isinstance(code, str) and len(code) == 5 for code in by_code)


def test_a_line_of_another_shape_is_reported_with_its_place():
    text = "Section: Class 99 - Mine\n99000    E    ERRCODE_MINE    mine\n99001 broken line\n"
    result = import_document(text, "errcodes", name="codes.txt")
    assert [e["code"] for e in result.data["errors"]] == ["99000"]
    assert any(d.position == (3, 1) and "not `code kind" in d.message for d in result.diagnostics)

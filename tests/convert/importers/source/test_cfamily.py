"""C/C++: openYuanrong's error enums, Doxygen comments, and the message constants beside them."""

from __future__ import annotations

from importer_cases import imported, pick

from errdex.convert.importers.source.cfamily import read_c


def test_yuanrong_api_error_codes_and_module_codes_are_told_apart():
    entries, diagnostics, _ = imported("cpp/yuanrong_api_err_type.h")
    assert pick(entries, "code", "name")[:5] == [
        (1, "ERR_NONE"),
        (1001, "ERR_PARAM_INVALID"),
        (1002, "ERR_RESOURCE_NOT_ENOUGH"),
        (1003, "ERR_INSTANCE_NOT_FOUND"),
        (1007, "ERR_INSTANCE_EXITED"),
    ]
    assert len(entries) == 19 and entries[-1]["code"] == 4299
    assert [d.message for d in diagnostics] == [
        "enum ModuleCode not imported: its names do not say it holds errors"
    ]


def test_yuanrong_faas_doxygen_briefs_and_message_constants():
    entries, _, _ = imported("cpp/yuanrong_faas_Constant.h")
    by_name = {e["name"]: e for e in entries}
    assert len(entries) == 13
    assert by_name["OK"] == {
        "code": 0,
        "module": "error-code",
        "name": "OK",
        "description": "Success.",
    }
    assert by_name["ILLEGAL_ACCESS"] == {
        "code": 4001,
        "module": "error-code",
        "name": "ILLEGAL_ACCESS",
        "message": "function entry cannot be found",
        "description": "Illegal access to runtime.",
    }
    assert by_name["USER_STATE_LARGE_ERROR"]["description"] == "not exposed"
    assert by_name["INTERNAL_ERROR"]["code"] == 110500


def test_c_implicit_values_expressions_and_tables():
    source = (
        "#define X 1\nenum { ERR_BASE = 100, ERR_A = ERR_BASE + 1, ERR_B, ERR_C = 1 << 3 };\n"
        'static const struct { int c; const char *m; } T[] = { {ERR_A, "a failed"} };\n'
        'const char *msg(int c) { switch (c) { case ERR_B: return "b failed"; } return 0; }\n'
    )
    found = read_c(source, "e.c").found
    assert [(f.code, f.name, f.message) for f in found] == [
        (100, "ERR_BASE", None),
        (101, "ERR_A", "a failed"),
        (102, "ERR_B", "b failed"),
        (8, "ERR_C", None),
    ]

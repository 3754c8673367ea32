"""Go: const blocks with iota and doc comments, and CSGHub's prefix + iota error registry."""

from __future__ import annotations

from importer_cases import FIXTURES, imported, pick

from errdex.convert.importers.source.go import read_go


def test_marmotedu_iota_blocks_compute_codes_and_read_status_and_message_comments():
    entries, diagnostics, text = imported("go/iam_base.go", "go/iam_apiserver.go")
    assert len(entries) == 27  # 6 + 1 + 7 + 8 in base.go, 5 in apiserver.go: no extras
    assert pick(entries, "code", "name", "http_status", "message")[:3] == [
        (100001, "ErrSuccess", 200, "OK."),
        (100002, "ErrUnknown", 500, "Internal server error."),
        (100003, "ErrBind", 400, "Error occurred while binding the request body to the struct."),
    ]
    by_code = {e["code"]: e for e in entries}
    assert by_code[100205]["message"] == "The `Authorization` header was empty."
    assert by_code[110102] == {  # "//  ErrSecretNotFound" (two spaces) still reads
        "code": 110102,
        "module": "iam-apiserver-secret-errors",
        "name": "ErrSecretNotFound",
        "message": "Secret not found.",
        "http_status": 404,
    }
    base = [*range(100001, 100007), 100101, *range(100201, 100208), *range(100301, 100309)]
    apiserver = [110001, 110002, 110101, 110102, 110201]
    assert sorted(by_code) == sorted(base + apiserver)
    assert (
        "# from tests/convert/importers/fixtures/go/iam_base.go:14\n[[errors]]\ncode = 100001"
        in text
    )
    assert not [d for d in diagnostics if d.severity != "note"]


def test_csghub_prefix_joined_to_iota_gives_string_codes_with_labelled_comments():
    entries, diagnostics, _ = imported("go/csghub_error_auth.go", "go/csghub_error_dataset.go")
    codes = [e["code"] for e in entries]
    assert codes == [f"AUTH-ERR-{i}" for i in range(16)] + [f"DAT-ERR-{i}" for i in range(8)]
    first = entries[0]
    assert first == {
        "code": "AUTH-ERR-0",
        "module": "auth-err",
        "name": "unauthorized",
        "message": "Unauthorized",
        "description": "The user is not logged in. Please log in to access this resource.",
        "translations": {
            "zh-CN": {"message": "未授权访问", "description": "用户没有登录，请登录后访问资源"},
            "zh-HK": {"message": "未授權"},
        },
    }
    assert pick(entries, "name")[4] == ("invalidJWT",)
    assert entries[-1]["description"].startswith("There is already a pending application")
    # the free first paragraph of each comment has no field: reported once per file
    notes = [d for d in diagnostics if d.severity == "warning"]
    assert len(notes) == 2 and all("doc-comment notes" in d.message for d in notes)


def test_constants_that_are_not_errors_are_reported_not_imported():
    source = "package x\n\nconst (\n\tRed = iota\n\tGreen\n\tBlue\n)\n"
    found = read_go(source, "colors.go")
    assert found.found == []
    assert [(s.line, s.force) for s in found.skipped] == [(3, "go")]
    assert [f.code for f in read_go(source, "colors.go", force=True).found] == [0, 1, 2]


def test_compile_time_expressions_are_computed():
    source = (
        "package x\n\nconst Base = 40000\n\ntype ErrCode int\n\nconst (\n"
        "\tErrA ErrCode = Base + iota*10 // first\n\tErrB\n\t_\n\tErrC\n"
        "\tErrD = 1 << 4\n\tErrE\n)\n"
    )
    found = read_go(source, "codes.go").found
    assert [(f.code, f.name, f.description) for f in found] == [
        (40000, "ErrA", "first"),
        (40010, "ErrB", None),
        (40030, "ErrC", None),
        (16, "ErrD", None),
        (16, "ErrE", None),
    ]


def test_fixture_sources_are_noted():
    notes = (FIXTURES / "SOURCES.md").read_text(encoding="utf-8")
    for path in FIXTURES.rglob("*"):
        if path.is_file() and path.name != "SOURCES.md":
            assert path.relative_to(FIXTURES).as_posix() in notes, path

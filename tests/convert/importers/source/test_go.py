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


def test_smartassistant_iota_blocks_registered_by_newcode_calls_take_the_call_messages():
    # The constant names say nothing of errors; `errors.NewCode(Const, "消息")` in
    # init() registers them as codes, and the map literal in code.go names the rest.
    entries, diagnostics, _ = imported(
        "go/smartassistant_status_device.go",
        "go/smartassistant_status_user.go",
        "go/smartassistant_errors_code.go",
    )
    by_code = {e["code"]: e for e in entries}
    assert sorted(by_code) == [*range(5), *range(2000, 2014), *range(5000, 5032)]
    assert by_code[2000] == {
        "code": 2000,
        "module": "module",
        "name": "DeviceExist",
        "message": "设备已被添加",
    }
    assert by_code[2013]["name"] == "AttrNotFound" and by_code[2013]["message"] == "属性不存在"
    assert pick([by_code[5000], by_code[5003]], "name", "message") == [
        ("AccountNotExistErr", "用户名不存在"),
        ("UserNotExist", "用户不存在"),
    ]
    assert pick([by_code[0], by_code[4]], "name", "message") == [
        ("OK", "成功"),
        ("APIVersion", "API版本不兼容"),
    ]
    assert all(e.get("message") for e in entries)  # every code registered has its text
    assert not [d for d in diagnostics if d.severity == "error"]


def test_gf_gcode_composite_literals_give_code_message_and_trailing_comment():
    entries, _, _ = imported("go/gf_gcode.go")
    assert len(entries) == 22  # 22 `localCode{...}` values, no extras
    assert pick(entries, "code", "name", "message", "description")[:3] == [
        (-1, "CodeNil", None, "No error code specified."),
        (0, "CodeOK", "OK", "It is OK."),
        (50, "CodeInternalError", "Internal Error", "An error occurred internally."),
    ]
    assert entries[-1]["code"] == 300
    assert entries[-1]["message"] == "Business Validation Failed"


def test_a_registrar_must_name_a_constant_and_carry_a_text():
    source = (
        "package x\n\nconst (\n\tRed = iota\n\tGreen\n)\n\n"
        "func init() {\n\tpaint.Encode(Red, 3)\n\tlog.Register(Green)\n}\n"
    )
    assert read_go(source, "colors.go").found == []
    registered = source.replace("paint.Encode(Red, 3)", 'errs.NewCode(Red, "red")')
    registered = registered.replace("log.Register(Green)", 'errs.NewCode(Green, "green")')
    assert [(f.code, f.message) for f in read_go(registered, "colors.go").found] == [
        (0, "red"),
        (1, "green"),
    ]


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

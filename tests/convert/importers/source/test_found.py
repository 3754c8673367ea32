"""What readers find, turned into catalog data: modules per group, spaces for repeated codes."""

from __future__ import annotations

from errdex.convert.importers.source.found import (
    Findings,
    Found,
    Skipped,
    build,
    code_enum,
    errorish,
    http_of,
    stem,
)


def test_names_that_say_they_hold_errors() -> None:
    assert errorish("UserError") and errorish(None, "errno") and errorish("错误码")
    assert not errorish("Color", None, "")
    assert code_enum("Code", "Status") and code_enum("return_codes", "errors.h")
    assert not code_enum("Code", "Color")  # nothing around it says errors
    assert not code_enum("Encoder", "Error")


def test_stem_and_http_of() -> None:
    assert stem("src/status.rs") == "status"
    assert stem("C:\\x\\errors.pb.go") == "errors"
    assert (http_of(404), http_of(99), http_of(600), http_of(None)) == (404, None, None, None)


def test_found_update_takes_stated_fields_but_never_the_code_or_name() -> None:
    item = Found(1, "a.go", 3, "E", name="NotFound", message="old")
    item.update({"code": 9, "name": "X", "message": "new", "description": "", "http_status": 404})
    assert (item.code, item.name, item.message, item.description, item.http_status) == (
        1,
        "NotFound",
        "new",
        None,
        404,
    )


def test_findings_extend_adds_every_list() -> None:
    one = Findings([Found(1, "a", 1, "g")], [Skipped("a", 2, 1, "enum", "no codes")])
    one.extend(Findings([Found(2, "b", 1, "g")], [], [Skipped("b", 3, 1, "field", "unknown")]))
    assert [f.code for f in one.found] == [1, 2]
    assert (len(one.skipped), len(one.dropped)) == (1, 1)


def test_build_gives_a_module_per_group_and_a_space_for_repeated_codes() -> None:
    findings = Findings(
        [
            Found(1, "a.go", 3, "UserErr", name="NotFound", message="m"),
            Found(2, "a.go", 4, "UserErr", name="Gone"),
            Found(1, "b.go", 1, "OrderErr", name="Dup"),
            Found(1, "a.go", 9, "UserErr", name="Twice"),  # reported by the reader; dropped
        ]
    )
    data, comments = build(findings, "My Service")
    assert data["catalog"] == {
        "id": "my-service",
        "title": "My Service",
        "default_locale": "en",
        "default_space": "app",
    }
    assert data["spaces"] == {
        "app": {"kind": "app"},
        "order-err": {"kind": "app", "title": "OrderErr"},
    }
    assert data["modules"] == {
        "user-err": {"title": "UserErr", "space": "app"},
        "order-err": {"title": "OrderErr", "space": "order-err"},
    }
    assert [(e["code"], e["module"], e["name"]) for e in data["errors"]] == [
        (1, "user-err", "NotFound"),
        (2, "user-err", "Gone"),
        (1, "order-err", "Dup"),
    ]
    assert comments == ["from a.go:3", "from a.go:4", "from b.go:1"]


def test_a_table_of_texts_for_codes_listed_before_fills_them_in() -> None:
    findings = Findings(
        [
            Found(4001, "errors.ts", 1, "errorCodes", name="userRejected"),
            Found(4001, "errors.ts", 20, "errorValues", message="User rejected the request."),
        ]
    )
    data, _ = build(findings, "rpc errors")
    assert list(data["modules"]) == ["error-codes"]
    assert data["errors"] == [
        {
            "code": 4001,
            "module": "error-codes",
            "name": "userRejected",
            "message": "User rejected the request.",
        }
    ]
    assert "default_space" not in data["catalog"]


def test_a_title_without_letters_gives_the_id_imported() -> None:
    data, _ = build(Findings([Found(1, "x.c", 1, "***")]), "***")
    assert data["catalog"]["id"] == "imported"
    assert list(data["modules"]) == ["module"]

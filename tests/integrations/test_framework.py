"""A framework's own responses (404, 405, 413, 422 …) as catalog errors, without a framework."""

from __future__ import annotations

import orjson
import pytest

import errdex
from errdex.integrations.framework import (
    BUILTIN,
    VALIDATION,
    FieldError,
    FrameworkErrors,
    json_pointer,
)
from errdex.model import Catalog
from errdex.runtime.retry import retry_class, retry_of


def _body(error: errdex.Error) -> dict[str, object]:
    return orjson.loads(errdex.render(error, "problem").body)


def test_json_pointer_escapes_per_rfc_6901_in_fragment_form() -> None:
    assert json_pointer(("items", 0, "qty")) == "#/items/0/qty"
    assert json_pointer(("a/b", "m~n")) == "#/a~1b/m~0n"
    assert json_pointer(("sp ace", "é")) == "#/sp%20ace/%C3%A9"
    assert json_pointer(()) == "#"


def test_without_a_catalog_entry_a_builtin_problem_type_is_sent(shop: Catalog) -> None:
    errors = FrameworkErrors(shop)
    missing = errors.for_status(404)
    body = _body(missing)
    assert (missing.status, body["code"], body["type"]) == (404, "not-found", "about:blank")
    assert (body["title"], body["detail"]) == ("Not Found", "No resource at this URL.")
    teapot = errors.for_status(418, message="short and stout")
    assert (teapot.code, _body(teapot)["detail"]) == ("http-418", "short and stout")
    assert errors.for_status(503).retryable is True
    assert BUILTIN[405] == "method-not-allowed"


@pytest.mark.parametrize("status", [400, 404, 408, 425, 429, 500, 502, 503, 504])
def test_a_builtin_errors_retry_is_its_statuss_class_on_both_sides(
    shop: Catalog, status: int
) -> None:
    # the body's retryable member must not contradict what the status says (a 504 that
    # said "retryable": false made every client give up on it)
    sent = FrameworkErrors(shop).for_status(status)
    kind = retry_class(http_status=status)
    done = errdex.render(sent, "problem")
    back = errdex.decode(done.status, done.headers, done.body, catalog=shop)
    assert retry_of(sent) == kind == retry_of(back)
    assert back.retryable is (kind != "never")
    # 502 and 504 send no retryable member: "true" would make a client retry a POST
    assert sent.retryable is {"safe": True, "never": False}.get(kind)


def test_a_5xx_never_sends_the_frameworks_own_text(shop: Catalog) -> None:
    crash = FrameworkErrors(shop).for_status(500, message="Traceback: db password=hunter2")
    assert "hunter2" not in _body(crash)["detail"]


def test_the_named_entry_wins_then_the_catalogs_http_entry(shop: Catalog, zan: Catalog) -> None:
    named = FrameworkErrors(shop, {404: "REQ-ERR-1", VALIDATION: "REQ-ERR-1"})
    assert named.for_status(404).code == "REQ-ERR-1"
    assert named.entry_class(422, validation=True) is named.named[VALIDATION]
    assert FrameworkErrors(zan).for_status(429).code == 429  # zan's http space has 429
    cause = KeyError("route")
    assert FrameworkErrors(shop).for_status(405, cause).__cause__ is cause


def test_a_code_the_catalog_lacks_fails_at_install_time(shop: Catalog) -> None:
    with pytest.raises(LookupError, match=r"^errors=\{404: 'NOPE-1'\}: "):
        FrameworkErrors(shop, {404: "NOPE-1"})


def test_validation_gives_one_sub_error_per_field(shop: Catalog) -> None:
    error = FrameworkErrors(shop).validation(
        [
            FieldError(
                ("body", "items", 0, "qty"), "Input should be greater than 0", "greater_than"
            ),
            FieldError(("query", "page"), "Field required", "missing"),
            FieldError(("name",), "This field may not be blank."),
        ]
    )
    assert (error.status, error.code) == (422, "validation-failed")
    subs = error.sub_errors
    assert [(s.code, s.message) for s in subs] == [
        ("greater_than", "Input should be greater than 0"),
        ("missing", "Field required"),
        ("invalid", "This field may not be blank."),
    ]
    assert subs[0].pointer == "#/items/0/qty"  # type: ignore[attr-defined]
    assert subs[1].parameter == "page"  # type: ignore[attr-defined]
    assert subs[2].pointer == "#/name"  # type: ignore[attr-defined]


def test_a_field_message_with_braces_is_text_not_a_template(shop: Catalog) -> None:
    error = FrameworkErrors(shop).validation([FieldError(("q",), "expected {int}")])
    assert error.sub_errors[0].message == "expected {int}"

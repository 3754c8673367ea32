"""Raising catalog errors: classes, lookups, parameters, causes, public and internal fields."""

from __future__ import annotations

import threading

import pytest

import errdex
from errdex.model import AmbiguousCodeError, UnknownCodeError
from errdex.runtime import Error, RemovedCodeError


def test_error_by_code_and_name_is_the_entry_class(shop):
    err = shop.error("AUTH-ERR-4", age=5)
    assert isinstance(err, Error)
    assert type(err) is shop.errors.invalidJWT
    assert type(shop.error("invalidJWT")) is shop.errors.invalidJWT
    assert type(shop.error("auth-err-4")) is shop.errors["AUTH-ERR-4"]
    assert err.code == "AUTH-ERR-4"
    assert err.entry is shop.entry("AUTH-ERR-4")
    assert err.message == "The token expired 5 seconds ago."
    assert err.status == 401


def test_except_by_entry_module_space_and_catalog(shop):
    for catch in (
        shop.errors.invalidJWT,
        shop.module_error("auth"),
        shop.errors.module("auth"),
        shop.space_error("app"),
        shop.errors.Error,
        errdex.Error,
    ):
        with pytest.raises(catch):
            raise shop.error("AUTH-ERR-4", age=1)
    with pytest.raises(shop.errors.invalidJWT):
        raise shop.errors.invalidJWT(age=2)
    assert not issubclass(shop.errors.invalidJWT, shop.module_error("req"))


def test_classes_are_made_once_and_shared(shop):
    assert shop.errors["AUTH-ERR-4"] is shop.errors.invalidJWT is type(shop.error("AUTH-ERR-4"))
    made = []

    def grab() -> None:
        made.append(shop.errors["REQ-ERR-1"])

    threads = [threading.Thread(target=grab) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(c) for c in made}) == 1


def test_entry_in_another_space_than_its_module_inherits_from_both():
    cat = errdex.loads(
        """
        [catalog]
        id = "two"
        [spaces.a]
        [spaces.b]
        [modules.m]
        space = "a"
        [[errors]]
        code = 1
        module = "m"
        space = "b"
        name = "odd"
        """
    )
    cls = cat.errors.odd
    assert issubclass(cls, cat.module_error("m"))
    assert issubclass(cls, cat.space_error("b"))


def test_ambiguous_code_needs_a_space(shop):
    with pytest.raises(AmbiguousCodeError, match="space="):
        shop.error(7)
    assert shop.error(7, space="fields").name == "fieldMissing"
    assert shop.error(7, space="rpc").name == "rpcSeven"
    assert shop.errors["rpc", 7] is shop.errors.rpcSeven
    with pytest.raises(AmbiguousCodeError):
        shop.errors[7]
    assert 7 in shop.errors and ("rpc", 7) in shop.errors and ("app", 7) not in shop.errors


def test_unknown_code_and_name_are_clear_errors(shop):
    with pytest.raises(UnknownCodeError, match="no error 'NOPE-1'"):
        shop.error("NOPE-1")
    with pytest.raises(AttributeError, match="did you mean 'invalidJWT'"):
        shop.errors.invalidJwt_  # noqa: B018
    with pytest.raises(LookupError, match="no module 'auht'; did you mean 'auth'"):
        shop.module_error("auht")


def test_removed_code_is_never_raised_but_has_a_class(shop):
    with pytest.raises(
        RemovedCodeError, match=r"removed \(merged into REQ-ERR-1\); use 'REQ-ERR-1'"
    ):
        shop.error("REQ-ERR-9")
    assert shop.errors["REQ-ERR-9"].entry.status == "removed"


def test_missing_unknown_and_odd_parameters_never_fail(shop):
    class Nasty:
        def __str__(self) -> str:
            raise RuntimeError("boom")

    assert shop.error("AUTH-ERR-4").message == "The token expired {age} seconds ago."
    assert shop.error("AUTH-ERR-4", age=None).message == "The token expired {age} seconds ago."
    assert (
        shop.error("AUTH-ERR-4", age=Nasty()).message
        == "The token expired <Nasty object> seconds ago."
    )
    assert (
        shop.error("AUTH-ERR-4", age=10**5000).message
        == "The token expired <int object> seconds ago."
    )
    err = shop.error("AUTH-ERR-4", age="x" * 10_000, nothing_declared=[1, 2])
    assert len(err.message) < 300
    assert err.message.endswith("… seconds ago.")
    assert err.public_params["nothing_declared"] == "[1, 2]"
    assert str(err).startswith("[AUTH-ERR-4] The token expired xxx")


def test_private_parameters_and_internal_dict_stay_out_of_public_fields(shop):
    err = shop.error("AUTH-ERR-4", age=3, user="alice@example.com", internal={"db": "primary"})
    assert err.internal == {"db": "primary"}
    assert "user" not in err.public_params
    assert err.public_params == {"age": 3}
    assert err.params["user"] == "alice@example.com"
    for profile in ("problem", "jsonrpc", "google", "flat", "nested"):
        body = errdex.render(err, profile).body
        assert b"alice" not in body and b"primary" not in body


def test_private_parameter_in_a_template_is_not_filled_in_public_output():
    cat = errdex.loads(
        """
        [catalog]
        id = "p"
        [[errors]]
        code = 1
        message = "User {user} is locked."
        params = { user = { type = "str", public = false } }
        """
    )
    err = cat.error(1, user="alice")
    assert err.message == "User {user} is locked."
    assert b"alice" not in errdex.render(err, "problem").body
    assert "alice" in str(err)  # the log line keeps it


def test_cause_chain_is_kept_and_not_rendered(shop):
    try:
        try:
            raise KeyError("secret-key-name")
        except KeyError as exc:
            raise shop.error("AUTH-ERR-4", age=1) from exc
    except Error as err:
        assert isinstance(err.__cause__, KeyError)
        assert b"secret-key-name" not in errdex.render(err, "problem").body


def test_options_are_not_parameters(shop):
    sub = shop.error(7, space="fields", field="email")
    err = shop.error(
        "REQ-ERR-1",
        count=1,
        sub_errors=[sub, "not an error"],
        data={"x": 1},
        context="ctx",
        retry_after=5,
        params={"data": "a parameter named data"},
    )
    assert err.sub_errors == (sub,)
    assert err.data == {"x": 1}
    assert err.context == "ctx"
    assert err.retry_after == 5
    assert err.params == {"count": 1, "data": "a parameter named data"}


def test_variant_sets_message_and_retry_hint(shop):
    err = shop.error(-32000, variant="Busy, try again")
    assert err.message == "busy, try again"
    assert err.retryable is True
    assert err.variant is not None


def test_positional_message_replaces_the_template(shop):
    err = shop.errors.invalidJWT("Custom {text} kept as is", age=1)
    assert err.message == "Custom {text} kept as is"


def test_catalog_module_imports_no_runtime():
    import subprocess
    import sys

    code = (
        "import sys, errdex; cat = errdex.load(sys.argv[1]); "
        "assert 'errdex.runtime' not in sys.modules, 'runtime imported by load'; "
        "cat.error('AUTH-ERR-4'); assert 'errdex.runtime' in sys.modules"
    )
    from catalogs import EXAMPLES

    subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "csghub")], check=True)


def test_errors_is_a_read_only_code_index(shop):
    errors = shop.errors
    assert "AUTH-ERR-4" in errors and "auth-err-4" in errors and "NOPE" not in errors
    assert ["not", "hashable"] not in errors
    assert errors.get("NOPE") is None and errors.get(-32000) is errors[-32000]
    assert len(errors) == len(shop.entries)
    assert [cls.entry for cls in errors] == list(shop.entries)
    assert errors.codes is errors
    for change in (
        lambda: errors.__setitem__("AUTH-ERR-4", Error),
        lambda: errors.update({"AUTH-ERR-4": Error}),
        lambda: errors.pop("AUTH-ERR-4"),
        errors.clear,
    ):
        with pytest.raises(TypeError, match="read-only"):
            change()
    assert errors["AUTH-ERR-4"] is errors.invalidJWT


def test_a_removed_code_is_refused_every_time(shop):
    for _ in range(3):  # the second call must not find it in a faster index
        with pytest.raises(RemovedCodeError):
            shop.error("REQ-ERR-9")


def test_attributes_set_after_construction_are_rendered(shop):
    for profile in ("problem", "jsonrpc"):
        errdex.render(shop.error(7, space="fields", field="a"), profile)  # precompute
        err = shop.error(7, space="fields", field="a")
        err.data = {"hint": "set later"}
        assert b"set later" in errdex.render(err, profile).body
        bare = shop.error("AUTH-ERR-5")
        bare.retry_after = 7
        assert dict(errdex.render(bare, profile).headers)["Retry-After"] == "7"


def test_a_subclass_of_an_entry_class_renders_its_own_members(shop):
    parent = shop.errors.tooManyLogins
    errdex.render(parent(), "problem")  # the parent's bytes are made first

    class Teapot(parent):  # type: ignore[misc, valid-type]
        status = 418
        retry_after = None

    for profile in ("problem", "jsonrpc"):
        errdex.render(Teapot(), profile)
        rendered = errdex.render(Teapot(), profile)
        assert "Retry-After" not in dict(rendered.headers)
    assert errdex.render(Teapot(), "problem").status == 418
    assert errdex.render(parent(), "problem").status == 429

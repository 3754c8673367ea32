"""Errors pickle and unpickle to an equal error, in this process and in another."""

from __future__ import annotations

import pickle
import subprocess
import sys

import orjson
import pytest

import errdex
from catalogs import EXAMPLES, SHOP
from errdex.runtime.errors import Error


@pytest.fixture(scope="module")
def csghub() -> errdex.Catalog:
    return errdex.load(EXAMPLES / "csghub")


def test_issue_example_round_trips(csghub):
    err = csghub.error("AUTH-ERR-4", age=3)
    back = pickle.loads(pickle.dumps(err))
    assert back == err
    assert type(back) is type(err)
    assert back.params == {"age": 3} and back.message == err.message
    assert errdex.render(back, "problem").body == errdex.render(err, "problem").body


def test_options_and_sub_errors_survive(shop):
    sub = shop.error("AUTH-ERR-4")
    err = shop.error(
        -32000,
        space="rpc",
        retry_after=7,
        data={"k": [1, 2]},
        internal={"trace": "x"},
        sub_errors=[sub],
    )
    back = pickle.loads(pickle.dumps(err, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == err and back.retry_after == 7 and back.data == {"k": [1, 2]}
    assert back.internal == {"trace": "x"} and back.sub_errors == (sub,)
    assert errdex.render(back, "jsonrpc", id=1) == errdex.render(err, "jsonrpc", id=1)


def test_decoded_unknown_code_keeps_its_class_and_texts(shop):
    body = orjson.dumps({"code": "AUTH-ERR-99", "msg": "new upstream code"})
    err = errdex.decode(401, {}, body, catalog=shop)
    back = pickle.loads(pickle.dumps(err))
    assert back == err and type(back) is type(err)
    assert back.entry is None and back.code == "AUTH-ERR-99" and back.message == "new upstream code"
    assert errdex.render(back) == errdex.render(err)


def test_equality_is_by_value_not_identity(shop):
    again = errdex.loads(SHOP)
    a, b = shop.error("AUTH-ERR-4", age=1), shop.error("AUTH-ERR-4", age=1)
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != shop.error("AUTH-ERR-4", age=2)
    assert a != shop.error("AUTH-ERR-4", age=1, retryable=True)
    assert a != ValueError("x")
    # the same catalog loaded twice: other classes, equal errors
    assert again.error("AUTH-ERR-4", age=1) == a
    assert type(again.error("AUTH-ERR-4")) is not type(a)


def test_hostile_parameter_equality_never_raises(shop):
    class Hostile:
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("no")

        __hash__ = object.__hash__

    a = shop.error("AUTH-ERR-4", age=Hostile())
    assert a == a
    assert (a == shop.error("AUTH-ERR-4", age=Hostile())) is False


def test_without_the_catalog_a_detached_equal_error(csghub):
    err = csghub.error("AUTH-ERR-4", age=3)
    data = pickle.dumps(err)
    code = (
        "import pickle, sys\n"
        "err = pickle.loads(sys.stdin.buffer.read())\n"
        "print(type(err).__name__, err.code, err.status, err.message)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert out.split(" ", 3)[:3] == ["Error", "AUTH-ERR-4", str(err.status)]
    assert out.strip().endswith(err.message)


def test_across_processes_with_the_catalog_loaded(csghub):
    err = csghub.error("AUTH-ERR-4", age=3)
    code = (
        "import pickle, sys, errdex\n"
        "cat = errdex.load(sys.argv[1])\n"
        "err = pickle.loads(sys.stdin.buffer.read())\n"
        "assert err == cat.error('AUTH-ERR-4', age=3), err\n"
        "assert isinstance(err, cat.errors['AUTH-ERR-4'])\n"
        "sys.stdout.buffer.write(pickle.dumps(err))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "csghub")],
        input=pickle.dumps(err),
        capture_output=True,
        check=True,
    )
    back = pickle.loads(done.stdout)
    assert back == err and type(back) is type(err)


def test_bare_error_and_removed_code_error_pickle(shop):
    bare = Error("boom")
    assert pickle.loads(pickle.dumps(bare)).args == ("boom",)
    with pytest.raises(errdex.RemovedCodeError) as info:
        shop.error("REQ-ERR-9")
    back = pickle.loads(pickle.dumps(info.value))
    assert str(back) == str(info.value) and back.entry == info.value.entry


def test_in_its_own_process_an_error_comes_back_to_its_own_catalog_even_after_a_reload(shop):
    err = shop.error("AUTH-ERR-4", age=5)
    decoded = errdex.decode(
        401, {}, orjson.dumps({"code": "AUTH-ERR-99", "msg": "new"}), catalog=shop
    )
    blobs = pickle.dumps(err), pickle.dumps(decoded)
    newer = errdex.loads(SHOP)  # another catalog of the same id, put to use after
    newer.error("AUTH-ERR-4", age=1)
    back, back_decoded = (pickle.loads(b) for b in blobs)
    assert type(back) is type(err) and type(back) is not type(newer.error("AUTH-ERR-4", age=1))
    assert type(back_decoded) is type(decoded) and back_decoded == decoded
    del newer

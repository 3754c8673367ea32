"""Generated Python as a wire implementation: typed parameters, pickling, standing alone.

The byte-for-byte render/decode checks are the conformance vectors
(tests/conformance); these are the Python idioms issue 13 asks for.
"""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import errdex
from catalogs import SHOP_FOLDER
from errdex.convert.code import embedded, generate


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[ModuleType]:
    for name, data in generate(errdex.load(SHOP_FOLDER), "python", "shop_wire").items():
        (tmp_path / name).write_bytes(data)
    sys.path.insert(0, str(tmp_path))
    try:
        import shop_wire

        yield shop_wire
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("shop_wire", None)


def test_a_misspelt_or_mistyped_parameter_is_a_runtime_type_error(shop: ModuleType) -> None:
    assert shop.InvalidJWT(age=3).message == "The token expired 3 seconds ago."
    with pytest.raises(TypeError, match=r"unexpected parameter 'agee'.*parameters: age, user"):
        shop.InvalidJWT(agee=3)
    with pytest.raises(TypeError, match="parameter 'age' must be int, not str"):
        shop.InvalidJWT(age="3")
    with pytest.raises(TypeError, match="must be int, not bool"):
        shop.InvalidJWT(age=True)
    # the untyped escape hatch: a dict of parameters, as a decoder or a driver builds it
    assert shop.InvalidJWT(params={"agee": 3}).params == {"agee": 3}


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is not installed")
def test_a_misspelt_or_mistyped_parameter_is_a_type_checker_error(tmp_path: Path) -> None:
    for name, data in generate(errdex.load(SHOP_FOLDER), "python", "shop_typed").items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "use.py").write_text(
        "import shop_typed\n"
        "ok = shop_typed.InvalidJWT(age=3, user='ann')\n"
        "bad1 = shop_typed.InvalidJWT(agee=3)\n"
        "bad2 = shop_typed.InvalidJWT(age='3')\n"
        "r: shop_typed.Rendered = shop_typed.render(ok, 'problem', locale='zh-CN')\n"
        "e: shop_typed.Error = shop_typed.decode(r.status, r.headers, r.body)\n",
        "utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "use.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    out = run.stdout
    assert 'use.py:3: error: Unexpected keyword argument "agee"' in out, out
    assert 'use.py:4: error: Argument "age" to "InvalidJWT" has incompatible type "str"' in out
    assert "use.py:2:" not in out and "use.py:5:" not in out and "use.py:6:" not in out


def test_errors_pickle_to_an_equal_error(shop: ModuleType) -> None:
    error = shop.InvalidJWT(age=3, data={"k": 1})
    again = pickle.loads(pickle.dumps(error))
    assert again == error and type(again) is shop.InvalidJWT
    assert shop.render(again).body == shop.render(error).body
    decoded = shop.decode(*shop.render(error, "jsonrpc")[:3])
    assert pickle.loads(pickle.dumps(decoded)) == decoded


def test_the_module_works_without_errdex_installed(tmp_path: Path) -> None:
    for name, data in generate(errdex.load(SHOP_FOLDER), "python", "alone").items():
        (tmp_path / name).write_bytes(data)
    script = (
        "import sys; sys.path.insert(0, '.')\n"
        "import alone\n"
        "r = alone.render(alone.InvalidJWT(age=3), 'problem', locale='zh-CN')\n"
        "print(r.status, dict(r.headers)['Content-Language'])\n"
        "print('errdex' in sys.modules, 'orjson' in sys.modules)\n"
    )
    run = subprocess.run(  # -I -S: no site-packages, so errdex and orjson cannot be imported
        [sys.executable, "-I", "-S", "-c", script], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["401", "zh-CN", "False", "False"]
    with_errdex = errdex.render(
        errdex.load(SHOP_FOLDER).error("AUTH-ERR-4", age=3), "problem", locale="zh-CN"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        import alone

        mine = alone.render(alone.InvalidJWT(age=3), "problem", locale="zh-CN")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("alone", None)
    assert (mine.status, mine.headers, mine.body) == tuple(with_errdex[:3])


def test_the_embedded_runtime_is_a_real_module_with_an_empty_catalog() -> None:
    from errdex.convert.code.embedded import python as runtime

    rendered = runtime.render(RuntimeError("secret detail"), "problem")
    assert rendered.status == 500 and b"secret" not in rendered.body
    assert runtime.decode(503, [("Retry-After", "5")], b"down").retry_after == 5
    assert runtime.fill(("Hi ", "name", "!"), {"name": "Ann"}) == "Hi Ann!"
    assert runtime.fill(("Hi ", "name", "!"), {}) == "Hi {name}!"


def test_the_generator_only_fills_the_data_region() -> None:
    text = generate(errdex.load(SHOP_FOLDER), "python", "x")["x.py"].decode()
    for name in embedded.PYTHON_PARTS:  # the logic of every part is copied verbatim
        source = embedded.source(name)
        for block in source.split("\n\n\n")[2:]:
            if embedded.START not in block:
                assert block.strip("\n") in text, (name, block[:80])
    data = text.partition(embedded.START)[2].partition(embedded.END)[0]
    assert "def " not in data  # the generated part is data (and base classes)
    assert text.count("from __future__ import annotations") == 1
    with pytest.raises(ValueError, match="autogenerated: start"):
        embedded.splice("no markers\n", "x = 1")


def test_a_removed_code_is_never_raised_again(shop: ModuleType) -> None:
    with pytest.raises(
        shop.RemovedCodeError, match=r"'REQ-ERR-9'.*merged into REQ-ERR-1.*REQ-ERR-1"
    ):
        shop.error_for("REQ-ERR-9")
    decoded = shop.decode(410, {}, b'{"type": "about:blank", "title": "Gone", "code": "REQ-ERR-9"}')
    assert decoded.entry is not None and decoded.entry.removed  # still known when read back


DECISIONS = """
[catalog]
id = "decisions"
locales = ["en", "zh-CN"]
[modules.m]
prefix = "M-"
retry_after = 30
[[errors]]
code = "M-1"
module = "m"
message = "x"
retryable = false
[[errors.variants]]
message = "busy"
[errors.translations.zh-CN]
message = "忙"
[[errors]]
code = "M-2"
module = "m"
message = "y"
"""


@pytest.mark.parametrize("profile", ["problem", "jsonrpc", "google"])
def test_retry_hint_and_content_language_rules_match_the_runtime(
    profile: str, tmp_path: Path
) -> None:
    # retryable = false never sends an inherited Retry-After; a variant's message is
    # labelled with the catalog's language (docs/wire.md §4.3 and §5)
    catalog = errdex.loads(DECISIONS)
    for name, data in generate(catalog, "python", "decisions_gen").items():
        (tmp_path / name).write_bytes(data)
    sys.path.insert(0, str(tmp_path))
    try:
        import decisions_gen as gen

        for code, options, locale in (
            ("M-1", {}, None),
            ("M-1", {"variant": "busy"}, "zh-CN"),
            ("M-1", {}, "zh-CN"),
            ("M-2", {}, "zh-CN"),
        ):
            want = errdex.render(catalog.error(code, **options), profile, locale=locale)
            got = gen.render(gen.error_for(code, **options), profile, locale=locale)
            assert tuple(got[:3]) == tuple(want[:3]), (code, options, locale)
            assert "Retry-After" not in dict(got.headers) or code == "M-2"
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("decisions_gen", None)

"""``errdex conformance PATH -o FILE``: what the vectors cover, and that they are the runtime's."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conformance_cases import CATALOGS, HAND_WRITTEN, SHOP

import errdex
from errdex.cli.main import cli
from errdex.conformance import foreign
from errdex.conformance.compare import diff
from errdex.conformance.make import CLOCK, HOSTILE, catalog_locales, make_vectors
from errdex.conformance.reference import answer
from errdex.conformance.vectors import body_bytes, read_vectors


@pytest.fixture(scope="module")
def shop_vectors() -> list[dict]:
    return make_vectors(errdex.load(SHOP))[1]


def test_every_entry_profile_and_locale_is_rendered(shop_vectors: list[dict]) -> None:
    catalog = errdex.load(SHOP)
    renders = Counter(
        (c["code"], c.get("space"), c["profile"])
        for c in shop_vectors
        if c["kind"] == "render" and c["vector"].startswith("render/" + str(c.get("space")))
    )
    live = [e for e in catalog.entries if e.status != "removed"]
    profiles = ["problem", "jsonrpc", "google", *catalog.profiles]
    locales = len(catalog_locales(catalog)) + 3  # none, each locale, a weighted header, "*"
    assert set(renders) == {(e.code, e.space, p) for e in live for p in profiles}
    assert set(renders.values()) == {locales}


def test_special_cases_are_all_there(shop_vectors: list[dict]) -> None:
    ids = {c["vector"] for c in shop_vectors}
    for profile in ("problem", "jsonrpc", "google", "flat", "nested"):
        assert f"render/internal/{profile}" in ids
        assert f"render/subs/{profile}" in ids
        assert f"render/data/{profile}" in ids
        assert f"render/hostile/0/{profile}" in ids
    assert {"render_batch/mixed", "render_batch/empty", "decode/render_batch/mixed"} <= ids
    assert {f"decode/foreign/{s.slug}" for s in foreign.SAMPLES} <= ids
    assert any(i.startswith("decode/variant/") for i in ids)
    variants = [c for c in shop_vectors if c["vector"].startswith("render/variant/")]
    assert variants and all(c["variant"] for c in variants)
    assert {c["locale"] is None for c in variants} == {True, False}
    assert any(i.startswith("decode/unknown/") for i in ids)
    assert any(i.startswith("decode/retry-after/") for i in ids)
    subs = next(c for c in shop_vectors if c["vector"] == "render/subs/problem")
    assert [("pointer" in s, "parameter" in s) for s in subs["sub_errors"]] == [
        (True, False),
        (False, True),
    ]
    sent = json.loads(subs["expect"]["body"])["errors"]
    assert sent[0]["pointer"] == subs["sub_errors"][0]["pointer"]
    assert sent[1]["parameter"] == "page" and "pointer" not in sent[1]
    hostile = next(c for c in shop_vectors if c["vector"] == "render/hostile/0/problem")
    assert hostile["params"] == HOSTILE


def test_expectations_are_what_the_runtime_does(shop_vectors: list[dict]) -> None:
    catalog = errdex.load(SHOP)
    for case in shop_vectors:
        assert diff(case["expect"], answer(catalog, case)) is None, case["vector"]


def test_what_the_vectors_pin_down(shop_vectors: list[dict]) -> None:
    by_id = {c["vector"]: c for c in shop_vectors}
    empty = by_id["render_batch/empty"]["expect"]
    assert (empty["status"], empty["headers"], empty["body"]) == (204, [], "")
    nginx = by_id["decode/foreign/nginx-502-html"]["expect"]
    assert (nginx["entry"], nginx["retryable"]) == (None, True)
    latin = by_id["decode/foreign/latin1-500"]
    assert "body_b64" in latin and body_bytes(latin).decode("latin-1").endswith("déjà vu")
    zh = by_id["render/app/AUTH-ERR-4/problem/2"]["expect"]
    assert ["Content-Language", "zh-CN"] in zh["headers"]
    assert "令牌已于 42 秒前过期" in zh["body"]
    past = [c for i, c in by_id.items() if i.startswith("decode/retry-after/429/")]
    assert {c["expect"]["retry_after"] for c in past} >= {7, 120, 0}


def test_hand_written_vectors_agree_with_the_runtime() -> None:
    catalog = errdex.load(CATALOGS["csghub"])
    vectors = read_vectors(HAND_WRITTEN)
    now = vectors.header.get("now")
    for case in vectors.cases:
        assert diff(case.data["expect"], answer(catalog, case.data, now)) is None, case.vector
    assert any("now" in case.data for case in vectors.cases)  # a clock is exercised


def test_decode_cases_pin_the_clock_a_date_is_read_against(shop_vectors: list[dict]) -> None:
    clocked = {c["vector"]: c for c in shop_vectors if "now" in c}
    waits = {i: c["expect"]["retry_after"] for i, c in clocked.items()}
    for form in range(3):  # IMF-fixdate, RFC 850, asctime: ten seconds after the clock
        got = [waits[f"decode/retry-after-now/{form}/{j}"] for j in range(5)]
        assert got == [10, 10, 1, 0, 0], (form, got)
    unclocked = dict(clocked["decode/retry-after-now/0/4"])
    del unclocked["now"]  # then the header line's now, passed in, is the clock
    assert answer(errdex.load(SHOP), unclocked, now=CLOCK)["retry_after"] == 10


def test_cli_writes_a_file_the_reader_accepts(tmp_path: Path) -> None:
    out = tmp_path / "v.jsonl"
    result = CliRunner().invoke(cli, ["conformance", str(SHOP), "-o", str(out)])
    assert result.exit_code == 0, result.output
    vectors = read_vectors(out)
    assert vectors.header["catalog"] == "shop" and len(vectors.cases) > 100
    first = json.loads(out.read_text("utf-8").split("\n")[0])
    assert first["format"] == "errdex-wire-vectors"


def test_cli_takes_the_output_option_before_the_path(tmp_path: Path) -> None:
    out = tmp_path / "v.jsonl"
    result = CliRunner().invoke(cli, ["conformance", "-o", str(out), str(SHOP)])
    assert result.exit_code == 0, result.output
    assert read_vectors(out).header["catalog"] == "shop"


def test_cli_refuses_a_broken_catalog_without_writing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[catalog\n", "utf-8")
    out = tmp_path / "v.jsonl"
    result = CliRunner().invoke(cli, ["conformance", str(bad), "-o", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not out.exists()

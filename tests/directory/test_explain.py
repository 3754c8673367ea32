"""What ``errdex explain`` knows about a code: matches, locales, mappings, states, suggestions."""

from __future__ import annotations

from pathlib import Path

from errdex.directory import Registry
from errdex.directory.explain import entry_view, explain, explanation_data

VIEW_KEYS = set(
    [
        "catalog",
        "catalog_title",
        "retryable_for_messages",
        "space",
        "space_kind",
        "space_title",
        "module",
        "module_title",
        "code",
        "name",
        "how",
        "state",
        "state_note",
        "status",
        "since",
        "replaced_by",
        "replacement",
        "reason",
        "locale",
        "own_locale",
        "title",
        "message",
        "description",
        "solution",
        "http_status",
        "jsonrpc_code",
        "retryable",
        "retryable_source",
        "retry",
        "retry_advice",
        "retry_after",
        "params",
        "variants",
        "examples",
        "tags",
        "own_texts",
        "translations",
        "url",
        "path",
    ]
)


def test_matches_are_grouped_by_catalog_and_space(examples: Registry) -> None:
    result = explain(examples, "429")
    assert [(cid, space) for cid, space, _ in result.groups()] == [
        ("alchemy", "http"), ("alchemy", "jsonrpc"), ("zan", "http"),
    ]  # fmt: skip
    assert result.found and result.suggestions == []


def test_the_json_shape_is_stable(examples: Registry) -> None:
    data = explanation_data(examples, explain(examples, "0x3EB"))
    assert set(data) == {"query", "found", "locale", "matches", "suggestions"}
    assert [set(m) for m in data["matches"]] == [VIEW_KEYS, VIEW_KEYS]
    assert [m["how"] for m in data["matches"]] == ["hex", "hex"]


def test_mappings_show_http_status_jsonrpc_code_and_retry_hint(examples: Registry) -> None:
    http, rpc = (
        entry_view(examples, m.catalog_id, m.entry)
        for m in examples.lookup("429", catalog="alchemy")
    )
    assert (http["http_status"], http["retryable"], http["retryable_source"]) == (
        429,
        True,
        "http-status",
    )
    assert rpc["jsonrpc_code"] == 429 and rpc["space_kind"] == "jsonrpc"
    assert http["examples"] and "429" in http["examples"][0]["body"]
    (zan,) = examples.lookup("429", catalog="zan")
    assert (
        entry_view(examples, "zan", zan.entry)["http_status"] == 429
    )  # an http-space code is its status


def test_locale_picks_the_translation_and_keeps_the_original(examples: Registry) -> None:
    (m,) = examples.lookup("ACT-ERR-0")
    zh = entry_view(examples, "csghub", m.entry, locale="zh-CN")
    assert zh["locale"] == "zh-CN" and "余额" in zh["description"]
    assert "balance" in zh["own_texts"]["description"]
    assert entry_view(examples, "csghub", m.entry, locale="zh")["locale"] == "zh-CN"
    en = entry_view(examples, "csghub", m.entry, locale="fr")
    assert en["locale"] == "en" and "balance" in en["description"]


def test_a_chinese_first_catalog_shows_english_on_request(examples: Registry) -> None:
    (m,) = examples.lookup("403", catalog="zan")
    default = entry_view(examples, "zan", m.entry)
    assert default["own_locale"] == "zh-CN" and default["locale"] == "zh-CN"
    if "en" in m.entry.translations:
        english = entry_view(examples, "zan", m.entry, locale="en")
        assert english["locale"] == "en"
        assert english["title"] == (m.entry.translations["en"].title or m.entry.title)


def test_deprecated_and_removed_entries_say_so(shop_path: Path) -> None:
    registry = Registry.from_paths([shop_path])
    data = explanation_data(registry, explain(registry, "legacycart"))
    (old,) = data["matches"]
    assert old["state"] == "deprecated" and old["replaced_by"] == "SHOP-1"
    assert (
        old["replacement"]["name"] == "outOfStock" and old["reason"] == "carts moved to the v2 API"
    )
    (gone,) = explanation_data(registry, explain(registry, "shop-3"))["matches"]
    assert gone["state"] == "removed" and "reserved" in gone["state_note"]
    assert gone["path"] == "/shop/app/SHOP-3" and gone["url"] is None
    (unknown,) = explanation_data(registry, explain(registry, "SHOP-4"))["matches"]
    assert unknown["state"] == "undocumented" and "no message" in unknown["state_note"]


def test_unknown_codes_come_with_suggestions(examples: Registry) -> None:
    data = explanation_data(examples, explain(examples, "AUTH-ERR-44"))
    assert not data["found"] and data["matches"] == []
    assert any(s["code"] == "AUTH-ERR-4" for s in data["suggestions"])
    assert {"catalog", "space", "code", "name", "title", "state", "path"} == set(
        data["suggestions"][0]
    )

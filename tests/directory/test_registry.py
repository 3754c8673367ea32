"""The registry: loading many catalogs, Err.exe-style lookup, suggestions and permalink paths."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from catalogs import ODD
from errdex.directory import Registry


def _found(matches: list) -> list[tuple[str, str, object, str]]:
    return [(m.catalog_id, m.space, m.code, m.how) for m in matches]


def test_the_examples_load_as_five_catalogs_in_folder_order(examples: Registry) -> None:
    assert list(examples.catalogs) == [
        "alchemy",
        "csghub",
        "subquery-indexer-proxy",
        "yuanrong",
        "zan",
    ]
    assert examples.catalog("zan").meta.id == "zan"
    assert sum(1 for _ in examples.entries()) == sum(len(c) for c in examples.catalogs.values())


def test_one_number_matches_every_catalog_that_has_it(examples: Registry) -> None:
    found = _found(examples.lookup("1003"))
    assert found == [
        ("subquery-indexer-proxy", "app", 1003, "code"),
        ("yuanrong", "sdk", 1003, "code"),
    ]
    assert "JWT" in examples.lookup("1003")[0].entry.message


def test_429_is_an_http_status_and_a_jsonrpc_code_at_alchemy(examples: Registry) -> None:
    found = _found(examples.lookup("429", catalog="alchemy"))
    assert found == [("alchemy", "http", 429, "code"), ("alchemy", "jsonrpc", 429, "code")]
    assert _found(examples.lookup("429", catalog="alchemy", space="jsonrpc")) == [
        ("alchemy", "jsonrpc", 429, "code")
    ]


def test_names_hex_and_case_are_accepted(examples: Registry) -> None:
    assert _found(examples.lookup("invalidJWT")) == [("csghub", "app", "AUTH-ERR-4", "name")]
    assert _found(examples.lookup("INVALIDjwt")) == [
        ("csghub", "app", "AUTH-ERR-4", "name-case-insensitive")
    ]
    assert _found(examples.lookup("auth-err-4")) == [
        ("csghub", "app", "AUTH-ERR-4", "case-insensitive")
    ]
    assert _found(examples.lookup("AUTH-ERR-4")) == [("csghub", "app", "AUTH-ERR-4", "code")]
    assert _found(examples.lookup(" `AUTH-ERR-4` ")) == [("csghub", "app", "AUTH-ERR-4", "code")]
    assert [m.catalog_id for m in examples.lookup("0x3EB")] == [
        "subquery-indexer-proxy",
        "yuanrong",
    ]
    assert {m.how for m in examples.lookup("0x3eb")} == {"hex"}
    assert examples.lookup("-32000", catalog="alchemy")


def test_unknown_codes_match_nothing_but_get_suggestions(examples: Registry) -> None:
    assert examples.lookup("10003") == []
    assert examples.lookup("") == []
    assert examples.lookup("x" * 10_000) == []
    suggested = [(m.catalog_id, m.code) for m in examples.suggest("10003")]
    assert ("subquery-indexer-proxy", 1003) in suggested
    assert ("csghub", "AUTH-ERR-4") in [
        (m.catalog_id, m.code) for m in examples.suggest("invalidJWTT")
    ]
    # Nothing spelled alike: the best full-text hits instead.
    assert any("JWT" in (m.entry.message or "") for m in examples.suggest("jwt expired"))


def test_states_tell_deprecated_removed_and_undocumented_apart(shop_path: Path) -> None:
    registry = Registry.from_paths([shop_path])
    states = {
        str(m.code): m.state
        for q in ("SHOP-1", "SHOP-2", "SHOP-3", "SHOP-4")
        for m in registry.lookup(q)
    }
    assert states == {
        "SHOP-1": "active",
        "SHOP-2": "deprecated",
        "SHOP-3": "removed",
        "SHOP-4": "undocumented",
    }


def test_bad_paths_and_broken_catalogs_are_problems_not_exceptions(
    tmp_path: Path, examples_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        '[catalog]\nid = "b"\n\n[[errors]]\ncode = 1\nhttp_status = "404"\n', encoding="utf-8"
    )
    registry = Registry.from_paths([examples_path / "zan", tmp_path / "missing", broken])
    assert list(registry.catalogs) == ["zan"]
    where = [p.location for p in registry.problems]
    assert any("missing" in w for w in where)
    assert any(w.startswith(str(broken.name)) or "broken.toml:" in w for w in where)
    assert all(p.message for p in registry.problems)


def test_a_second_catalog_with_the_same_id_is_reported_and_skipped(
    tmp_path: Path, examples_path: Path
) -> None:
    copy = tmp_path / "zan-copy.toml"
    copy.write_text(
        '[catalog]\nid = "zan"\n\n[[errors]]\ncode = 1\nmessage = "x"\n', encoding="utf-8"
    )
    registry = Registry.from_paths([examples_path / "zan", copy])
    assert list(registry.catalogs) == ["zan"]
    assert len(registry.catalog("zan")) > 1
    (problem,) = registry.problems
    assert problem.rule.slug == "duplicate-catalog"
    assert problem.location.startswith(str(copy.name)) or "zan-copy.toml:2" in problem.location


def test_permalink_paths_follow_the_docs_url_template(examples: Registry) -> None:
    (auth,) = examples.lookup("AUTH-ERR-4")
    assert examples.entry_url("csghub", auth.entry) == "https://errdex.dev/csghub/AUTH-ERR-4"
    assert examples.entry_url_path("csghub", auth.entry) == "/csghub/AUTH-ERR-4"
    (minus,) = examples.lookup("-32000", catalog="alchemy", space="jsonrpc")
    assert examples.entry_url_path("alchemy", minus.entry) == "/alchemy/-32000"


def test_paths_resolve_back_to_their_entries(examples: Registry) -> None:
    for cid, entry in examples.entries():
        path = examples.entry_url_path(cid, entry)
        assert (cid, entry) in examples.resolve_path_all(path)
    cid, entry = examples.resolve_path("/csghub/auth-err-4/")  # any case, trailing slash
    assert (cid, entry.code) == ("csghub", "AUTH-ERR-4")
    assert examples.resolve_path("https://errdex.dev/csghub/AUTH-ERR-4?x=1")[1].code == "AUTH-ERR-4"
    assert examples.resolve_path("/csghub/NOPE-1") is None
    assert examples.resolve_path("/../../etc/passwd") is None


def test_a_decoded_path_is_not_decoded_again(tmp_path: Path) -> None:
    (tmp_path / "errdex.toml").write_text(ODD, encoding="utf-8")
    odd = Registry.from_paths([tmp_path])
    for cid, entry in odd.entries():
        path = odd.entry_url_path(cid, entry)
        assert odd.resolve_path(path)[1] is entry
        assert odd.resolve_path(unquote(path), decoded=True)[1] is entry, entry.code
    assert odd.resolve_path("/odd/%2e%2e", decoded=True)[1].code == "%2e%2e"
    assert odd.resolve_path("/odd/Q?x=1#frag/", decoded=True)[1].code == "Q?x=1#frag"
    assert odd.resolve_path("/odd/..", decoded=True) is None


def test_a_shared_path_resolves_to_every_entry_first_one_first(examples: Registry) -> None:
    both = examples.resolve_path_all("/alchemy/429")
    assert [(cid, e.space) for cid, e in both] == [("alchemy", "http"), ("alchemy", "jsonrpc")]
    assert examples.resolve_path("/alchemy/429")[1].space == "http"


def test_without_docs_url_the_path_is_catalog_space_code(shop_path: Path) -> None:
    registry = Registry.from_paths([shop_path])
    (m,) = registry.lookup("SHOP-3")
    assert registry.entry_url(m.catalog_id, m.entry) is None
    assert registry.entry_url_path("shop", m.entry) == "/shop/app/SHOP-3"
    assert registry.resolve_path("/shop/app/shop-3")[1].code == "SHOP-3"


def test_catalog_names_the_known_ids_when_missing(examples: Registry) -> None:
    try:
        examples.catalog("nope")
    except KeyError as exc:
        assert "csghub" in str(exc)
    else:  # pragma: no cover - the lookup must fail
        raise AssertionError("expected KeyError")

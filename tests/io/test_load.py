"""Folder catalogs: ``errdex.toml`` plus ``modules/*`` and ``locales/*`` in any of the formats."""

from __future__ import annotations

from pathlib import Path

import pytest

import errdex
from catalogs import HEAD
from errdex.io import read

MAIN = (
    HEAD
    + """\
locales = ["zh-CN", "fr"]
default_space = "app"

[spaces.app]

[spaces.http]
kind = "http"

[[errors]]
code = 429
space = "http"
message = "Too many requests."
"""
)

AUTH_TOML = """\
[module]
title = "Auth Errors"
prefix = "AUTH-ERR-"
http_status = 401

[[errors]]
code = "AUTH-ERR-0"
name = "unauthorized"
message = "Log in first."

[[errors]]
code = "AUTH-ERR-1"
message = "No such user."
"""

DB_YAML = """\
module:
  title: DB Errors
  range: [1000, 1099]
  retryable: true
errors:
  - code: 1054
    name: KVNotFound
    message: Key not found.
"""

RPC_JSON = """\
{
  "module": {"title": "RPC", "space": "http"},
  "errors": [{"code": 503, "message": "Unavailable.", "retry_after": 5}]
}
"""

ZH_TOML = """\
[errors.AUTH-ERR-0]
message = "请先登录。"
source_hash = "0123456789ab"

[errors.1054]
message = "找不到键。"

[errors.429]
space = "http"
message = "请求过多。"
"""

FR_YAML = """\
errors:
  1054:
    message: Clé introuvable.
  auth-err-1:
    message: Utilisateur inconnu.
"""


SINGLE = (
    MAIN.replace(
        '[[errors]]\ncode = 429\nspace = "http"\n',
        '[[errors]]\ncode = 429\nspace = "http"\ntranslations.zh-CN.message = "请求过多。"\n',
    )
    + """
[modules.auth]
title = "Auth Errors"
prefix = "AUTH-ERR-"
http_status = 401

[modules.db]
title = "DB Errors"
range = [1000, 1099]
retryable = true

[modules.rpc]
title = "RPC"
space = "http"

[[errors]]
code = "AUTH-ERR-0"
module = "auth"
name = "unauthorized"
message = "Log in first."
translations.zh-CN = { message = "请先登录。", source_hash = "0123456789ab" }

[[errors]]
code = "AUTH-ERR-1"
module = "auth"
message = "No such user."
translations.fr.message = "Utilisateur inconnu."

[[errors]]
code = 1054
module = "db"
name = "KVNotFound"
message = "Key not found."
translations.zh-CN.message = "找不到键。"
translations.fr.message = "Clé introuvable."

[[errors]]
code = 503
module = "rpc"
message = "Unavailable."
retry_after = 5
"""
)
"""The folder catalog above, written as one file."""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return write(
        tmp_path / "shop",
        {
            "errdex.toml": MAIN,
            "modules/auth.toml": AUTH_TOML,
            "modules/db.yaml": DB_YAML,
            "modules/rpc.json": RPC_JSON,
            "locales/zh-CN.toml": ZH_TOML,
            "locales/fr.yaml": FR_YAML,
        },
    )


def test_module_files_become_modules_named_by_their_file(shop: Path) -> None:
    cat = errdex.load(shop)
    assert list(cat.modules) == ["auth", "db", "rpc"]  # sorted file order
    assert cat.modules["auth"].prefix == "AUTH-ERR-"
    assert cat.modules["db"].range == (1000, 1099)
    assert cat.modules["rpc"].space == "http"
    assert cat.modules["auth"].space == "app"  # the catalog's default_space
    assert [e.code for e in cat] == [429, "AUTH-ERR-0", "AUTH-ERR-1", 1054, 503]


def test_entries_of_a_module_file_belong_to_it_with_its_defaults(shop: Path) -> None:
    cat = errdex.load(shop)
    assert cat.entry("AUTH-ERR-1").module == "auth"
    assert cat.entry("AUTH-ERR-1").http_status == 401
    assert cat.entry(1054).module == "db" and cat.entry(1054).retryable is True
    assert cat.entry(503, space="http").module == "rpc"
    assert cat.entry(503, space="http").retry_after == 5


def test_locale_files_merge_into_the_translations(shop: Path) -> None:
    cat = errdex.load(shop)
    zh = cat.entry("AUTH-ERR-0").translations["zh-CN"]
    assert (zh.message, zh.source_hash) == ("请先登录。", "0123456789ab")
    assert cat.entry(1054).translations["zh-CN"].message == "找不到键。"
    assert cat.entry(1054).translations["fr"].message == "Clé introuvable."
    assert cat.entry("AUTH-ERR-1").translations["fr"].message == "Utilisateur inconnu."
    assert cat.entry(429, space="http").translations["zh-CN"].message == "请求过多。"
    assert set(cat.entry(1054).translations) == {"zh-CN", "fr"}


def test_origins_point_into_the_module_files(shop: Path) -> None:
    cat = errdex.load(shop)
    index = [e.code for e in cat].index(1054)
    source, path = cat.origin(index)
    assert source.path == shop / "modules" / "db.yaml"
    assert path == ("errors", 0)
    assert source.locate((*path, "name")) == (7, 5)


def test_a_folder_catalog_equals_the_same_catalog_in_one_file(shop: Path, tmp_path: Path) -> None:
    single = tmp_path / "single.toml"
    single.write_text(SINGLE, encoding="utf-8")
    assert errdex.load(shop) == errdex.load(single)


def test_a_main_file_in_yaml_or_json_is_found(tmp_path: Path) -> None:
    write(tmp_path / "y", {"errdex.yaml": "catalog:\n  id: y\n", "modules/m.toml": "[module]\n"})
    write(tmp_path / "j", {"errdex.json": '{"catalog": {"id": "j"}}'})
    assert errdex.load(tmp_path / "y").meta.id == "y"
    assert list(errdex.load(tmp_path / "y").modules) == ["m"]
    assert errdex.load(tmp_path / "j").meta.id == "j"


def test_other_files_in_the_folders_are_ignored(shop: Path) -> None:
    write(shop, {"modules/README.md": "# not a module", "locales/notes.txt": "x"})
    assert list(errdex.load(shop).modules) == ["auth", "db", "rpc"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"modules/auth.toml": "[module]\n", "errdex.toml": MAIN + "[modules.auth]\n"},
            ("modules/auth.toml:1:1", "E005", "module 'auth' is defined twice"),
        ),
        (
            {
                "errdex.toml": MAIN + '[[errors]]\ncode = 429\nspace = "app"\n',
                "locales/fr.toml": '[errors.429]\nmessage = "Trop."\n',
            },
            ("locales/fr.toml:1:1", "E005", "code '429' is in several spaces"),
        ),
        (
            {
                "errdex.toml": MAIN.replace(
                    'message = "Too', 'translations.fr.message = "x"\nmessage = "Too'
                ),
                "locales/fr.toml": '[errors.429]\nmessage = "Trop."\n',
            },
            ("locales/fr.toml:1:1", "E005", "'429' is translated to fr twice"),
        ),
        (
            {
                "errdex.toml": MAIN,
                "locales/fr.toml": '[errors.429]\nspace = "app"\nmessage = "x"\n',
            },
            ("locales/fr.toml:1:1", "E007", "translation for unknown code '429'"),
        ),
        (
            {"errdex.toml": MAIN, "modules/a.json": '{"module": {"range": [1, 2]}, "errors": {}}'},
            ("modules/a.json:1:31", "E003", "'errors' must be a list of tables"),
        ),
    ],
)
def test_folder_problems_point_at_the_file_that_has_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    expected: tuple[str, str, str],
) -> None:
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    _catalog, diagnostics = read(".")
    assert [(d.location, d.rule.id, d.message) for d in diagnostics] == [expected]

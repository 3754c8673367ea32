"""Git sides: ``git:REF[:PATH]`` is read from a real repository with git, no checkout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogs import HEAD
from errdex.check.compat import SideError, diff, read_sides
from errdex.check.compat.sides import parse_spec
from git_repo import git

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CATALOG = (
    HEAD
    + """
[modules.auth]
prefix = "AUTH-ERR-"

[[errors]]
code = "AUTH-ERR-0"
name = "unauthorized"
module = "auth"
message = "Log in first."

[[errors]]
code = "AUTH-ERR-1"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago."
http_status = 401

[[errors]]
code = "AUTH-ERR-2"
name = "forbidden"
module = "auth"
message = "You may not do this."
"""
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "catalogs").mkdir()
    (root / "catalogs" / "shop.toml").write_text(CATALOG)
    shutil.copytree(EXAMPLES / "csghub", root / "csghub")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    monkeypatch.chdir(root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_a_file_catalog_against_the_previous_commit(repo: Path) -> None:
    shop = repo / "catalogs" / "shop.toml"
    edit(shop, "http_status = 401", "http_status = 403")
    git(repo, "commit", "-qam", "second")
    edit(shop, 'message = "You may not do this."', 'message = "You may not do this, {user}."')

    old, new = read_sides("git:HEAD~1", "catalogs/shop.toml")
    assert old.label == "git:HEAD~1:catalogs/shop.toml"
    assert not old.diagnostics and not new.diagnostics
    report = diff(old.catalog, new.catalog)
    found = {(c.kind.id, c.code) for c in report.changes}
    assert found == {
        ("http-status-changed", "AUTH-ERR-1"),
        ("placeholder-added", "AUTH-ERR-2"),
        ("text-edited", "AUTH-ERR-2"),
    }
    # HEAD alone holds the committed status change only
    old, new = read_sides("git:HEAD", "catalogs/shop.toml")
    assert {c.kind.id for c in diff(old.catalog, new.catalog).changes} == {
        "placeholder-added",
        "text-edited",
    }


def test_a_deleted_code_points_into_the_git_side(repo: Path) -> None:
    shop = repo / "catalogs" / "shop.toml"
    text = shop.read_text()
    start = text.index('[[errors]]\ncode = "AUTH-ERR-1"')
    end = text.index('[[errors]]\ncode = "AUTH-ERR-2"')
    shop.write_text(text[:start] + text[end:])

    old, new = read_sides("git:HEAD", str(shop))
    (change,) = diff(old.catalog, new.catalog).changes
    assert change.kind.id == "removed"
    line = CATALOG[: CATALOG.index('[[errors]]\ncode = "AUTH-ERR-1"')].count("\n") + 1
    assert change.location == f"git:HEAD:catalogs/shop.toml:{line}:1"


def test_a_folder_catalog_read_from_git(repo: Path) -> None:
    auth = repo / "csghub" / "modules" / "auth.toml"
    edit(
        auth,
        'code = "AUTH-ERR-4"\nname = "invalidJWT"',
        'code = "AUTH-ERR-40"\nname = "invalidJWT"',
    )
    zh = repo / "csghub" / "locales" / "zh-CN.toml"
    if zh.exists():  # translations keyed by code follow the entry
        zh.write_text(zh.read_text().replace('[errors."AUTH-ERR-4"]', '[errors."AUTH-ERR-40"]'))
    (repo / "csghub" / "locales").mkdir(exist_ok=True)
    (repo / "csghub" / "locales" / "fr.toml").write_text(
        '[errors."AUTH-ERR-0"]\ndescription = "L\'utilisateur n\'est pas connecté."\n'
    )
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "renumber and translate")

    old, new = read_sides("git:HEAD~1", "git:HEAD:csghub")
    assert old.label == "git:HEAD~1:csghub"
    assert not [d for d in old.diagnostics + new.diagnostics if d.severity == "error"]
    report = diff(old.catalog, new.catalog)
    found = {(c.kind.id, c.code) for c in report.changes}
    assert found == {("renumbered", "AUTH-ERR-40"), ("translation-added", "AUTH-ERR-0")}
    renumbered = next(c for c in report.changes if c.kind.id == "renumbered")
    assert renumbered.location.startswith("git:HEAD:csghub/modules/auth.toml:")
    assert len(old.catalog.entries) == len(new.catalog.entries) > 50


def test_a_git_side_equals_reading_the_files(repo: Path) -> None:
    old, new = read_sides("git:HEAD", "csghub")
    assert old.catalog == new.catalog
    assert diff(old.catalog, new.catalog).changes == ()


def test_paths_relative_to_the_working_directory(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "csghub")
    old, _ = read_sides("git:HEAD:./modules/../errdex.toml", "errdex.toml")
    assert old.label == "git:HEAD:csghub/errdex.toml"
    old, _ = read_sides("git:HEAD", ".")
    assert old.label == "git:HEAD:csghub"


def test_unknown_revision_is_named(repo: Path) -> None:
    with pytest.raises(SideError, match="unknown git revision 'origin/nope'") as err:
        read_sides("git:origin/nope", "catalogs/shop.toml")
    assert "fetch" in (err.value.hint or "")


def test_path_missing_in_the_revision(repo: Path) -> None:
    (repo / "new.toml").write_text(CATALOG)
    with pytest.raises(SideError, match=r"new\.toml does not exist in HEAD"):
        read_sides("git:HEAD", "new.toml")


def test_a_folder_without_catalog_in_the_revision(repo: Path) -> None:
    with pytest.raises(SideError, match=r"holds no errdex\.toml"):
        read_sides("git:HEAD:catalogs", "csghub")


def test_two_git_sides_need_a_path(repo: Path) -> None:
    with pytest.raises(SideError, match="names no path"):
        read_sides("git:HEAD", "git:HEAD")


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "shop.toml").write_text(CATALOG)
    monkeypatch.chdir(alone)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(SideError, match="not inside a git repository"):
        read_sides("git:HEAD", "shop.toml")


def test_a_broken_file_in_the_revision_is_a_diagnostic(repo: Path) -> None:
    shop = repo / "catalogs" / "shop.toml"
    shop.write_text(CATALOG.replace('id = "shop"', 'id = "shop'))
    git(repo, "commit", "-qam", "broken")
    shop.write_text(CATALOG)
    old, _ = read_sides("git:HEAD", "catalogs/shop.toml")
    assert old.catalog is None
    (problem,) = old.diagnostics
    assert problem.location.startswith("git:HEAD:catalogs/shop.toml:2:")


def test_a_file_not_in_utf8_in_the_revision_names_the_byte(repo: Path) -> None:
    shop = repo / "catalogs" / "shop.toml"
    shop.write_bytes(CATALOG.replace("Log in first.", "Log in first, caf\xe9.").encode("latin-1"))
    git(repo, "commit", "-qam", "latin-1")
    shop.write_text(CATALOG)
    old, _ = read_sides("git:HEAD", "catalogs/shop.toml")
    assert old.catalog is None
    (problem,) = old.diagnostics
    # the same place and words as for a file in the working tree
    assert problem.location == "git:HEAD:catalogs/shop.toml:11:29"
    assert problem.message == "the file is not UTF-8 (byte 0xe9)"


def test_spec_parsing() -> None:
    assert parse_spec("git:origin/main") == ("origin/main", None)
    assert parse_spec("git:v1.2:examples/zan") == ("v1.2", "examples/zan")
    assert parse_spec("examples/zan") == Path("examples/zan")
    with pytest.raises(SideError):
        parse_spec("git:")
    with pytest.raises(SideError):
        parse_spec("git:--output=x")

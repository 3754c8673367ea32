"""``errdex diff`` on the command line, and the pre-commit hooks and CI recipe that call it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from catalogs import HEAD, ROOT
from errdex.cli.main import cli
from git_repo import git

OLD = (
    HEAD
    + """\

[[errors]]
code = 1000
name = "badRequest"
message = "The {field} is not valid."
http_status = 400

[[errors]]
code = 1001
name = "busy"
message = "Try again later."
retryable = true
http_status = 503
"""
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def catalogs(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    old.write_text(OLD)
    new.write_text(OLD)
    return old, new


def test_no_change_exits_0(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    code, out, _ = run("diff", str(old), str(new))
    assert code == 0
    assert "no changes" in out


def test_a_breaking_change_exits_1_and_names_the_place(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    new.write_text(OLD.replace("retryable = true", "retryable = false"))
    code, out, _ = run("diff", str(old), str(new))
    assert code == 1
    line = OLD.splitlines().index("retryable = true") + 1
    assert f"{new}:{line}:1: breaking retry-dropped: 1001 (busy) is no longer retryable" in out
    assert 'change = "retry-dropped"' in out  # how to accept it


def test_compatible_changes_exit_0(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    new.write_text(OLD + '\n[[errors]]\ncode = 1002\nname = "gone"\nmessage = "Gone."\n')
    code, out, _ = run("diff", str(old), str(new))
    assert code == 0
    assert "compatible added: new code 1002 (gone)" in out


def test_an_allowed_change_passes_with_its_reason(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    changed = OLD.replace("http_status = 400", "http_status = 422")
    changed += (
        '\n[[compat.allow]]\ncode = 1000\nchange = "http-status-changed"\nreason = "RFC 9110"\n'
    )
    new.write_text(changed)
    code, out, _ = run("diff", str(old), str(new))
    assert code == 0
    assert "(allowed: RFC 9110)" in out


def test_json_output(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    new.write_text(OLD.replace("The {field} is", "The value is"))
    code, out, _ = run("diff", str(old), str(new), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["failing"] == 1
    kinds = {c["kind"]: c for c in data["changes"]}
    assert set(kinds) == {"placeholder-removed", "text-edited"}
    assert kinds["placeholder-removed"]["old"] == ["field"]
    assert kinds["placeholder-removed"]["file"] == str(new)


def test_github_output(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    new.write_text(OLD.replace("code = 1001", "code = 1005"))
    code, out, _ = run("diff", str(old), str(new), "--format", "github")
    assert code == 1
    (error,) = [line for line in out.splitlines() if line.startswith("::error")]
    assert error.startswith(f"::error file={new},line=")
    assert "title=errdex diff%3A renumbered 1005::'busy' moved from code 1001 to 1005" in error


def test_markdown_output_to_a_file(catalogs: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = catalogs
    new.write_text(OLD.replace("http_status = 503", "http_status = 500"))
    note = tmp_path / "note.md"
    code, out, _ = run("diff", str(old), str(new), "--format", "markdown", "-o", str(note))
    assert code == 1
    assert out == ""
    text = note.read_text()
    assert "### Breaking" in text
    assert "| **breaking** | `1001` | `busy` | `http-status-changed` |" in text


def test_an_unreadable_side_exits_2(catalogs: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = catalogs
    new.write_text(OLD.replace('id = "shop"', 'id = "shop'))
    code, _, err = run("diff", str(old), str(new))
    assert code == 2
    assert f"{new}:2:" in err
    assert "cannot load NEW catalog" in err
    code, _, err = run("diff", str(tmp_path / "missing.toml"), str(new))
    assert code == 2
    assert "no such file" in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_an_unknown_git_revision_exits_2(
    catalogs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = run("diff", "git:no-such-branch-xyz", "examples/zan")
    assert code == 2
    assert "unknown git revision 'no-such-branch-xyz'" in err
    assert "Traceback" not in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_real_command_against_git(tmp_path: Path) -> None:
    (tmp_path / "shop.toml").write_text(OLD)
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "one"]):
        git(tmp_path, *args)
    (tmp_path / "shop.toml").write_text(OLD.replace("code = 1000", "code = 1010"))
    done = subprocess.run(
        [sys.executable, "-m", "errdex", "diff", "git:HEAD", "shop.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert "git:HEAD:shop.toml" in done.stdout
    assert "renumbered: 'badRequest' moved from code 1000 to 1010" in done.stdout


# -- pre-commit hooks and the CI recipe ----------------------------------------------


def _command_line_ok(argv: list[str]) -> None:
    """Assert ``errdex ARGV...`` names a real command and real options of it."""
    assert argv[0] == "errdex", argv
    ctx = click.Context(cli)
    command = cli.get_command(ctx, argv[1])
    assert command is not None, f"errdex has no command {argv[1]!r}"
    options = {opt for p in command.params for opt in getattr(p, "opts", [])}
    for arg in argv[2:]:
        if arg.startswith("-"):
            assert arg.split("=")[0] in options, f"errdex {argv[1]} has no option {arg}"
    formats = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--format"]
    choice = next((p.type for p in command.params if "--format" in getattr(p, "opts", [])), None)
    for fmt in formats:
        assert isinstance(choice, click.Choice) and fmt in choice.choices, (argv, fmt)


def test_pre_commit_hooks_name_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    ids = {h["id"]: h for h in hooks}
    assert set(ids) == {"errdex-check", "errdex-fmt", "errdex-fmt-check", "errdex-diff"}
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        _command_line_ok(hook["entry"].split() + list(hook.get("args", [])))
    assert ids["errdex-fmt"]["entry"].split()[1:] == ["fmt"]  # the fixing hook writes
    assert ids["errdex-fmt-check"]["entry"].split()[1:] == ["fmt", "--check", "--diff"]
    assert ids["errdex-diff"]["entry"].split()[1:] == ["diff", "git:origin/main"]


def test_the_ci_recipe_is_valid_yaml_calling_real_commands() -> None:
    text = (ROOT / "docs" / "ci.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    workflows = [yaml.safe_load(b) for b in blocks]
    workflow = next(w for w in workflows if isinstance(w, dict) and "jobs" in w)
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    lines = []
    for step in steps:
        for line in step.get("run", "").splitlines():
            line = line.strip()
            if line.startswith("errdex "):
                lines.append(line.split(" >")[0].split(" ||")[0].split(" |")[0])
    commands = {line.split()[1] for line in lines}
    assert {"check", "build", "diff"} <= commands
    for line in lines:
        argv = [a.strip("\"'") for a in line.split() if not a.startswith("$")]
        _command_line_ok(argv)
    assert any("--format github" in line and line.startswith("errdex check") for line in lines)
    assert any("--check" in line and line.startswith("errdex build") for line in lines)
    assert any("git:origin/main" in line for line in lines)


def test_an_unwritable_output_exits_2_without_a_traceback(
    catalogs: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = catalogs
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, _, err = run("diff", str(old), str(new), "-o", str(blocker / "r.md"))
    assert code == 2
    assert f"errdex diff: cannot write {blocker / 'r.md'}" in err


def test_an_allow_naming_no_kind_is_a_warning_at_its_place(catalogs: tuple[Path, Path]) -> None:
    old, new = catalogs
    new.write_text(
        OLD.replace("[[errors]]\ncode = 1001", "[[errors]]\ncode = 1002")
        + '\n[[compat.allow]]\ncode = 1001\nchange = "remove"\nreason = "typo"\n'
    )
    code, _, err = run("diff", str(old), str(new))
    assert code == 1  # the allow accepts nothing, and the reader is told why
    assert f"{new}:19:1: warning[C001 unknown-change-kind]" in err
    assert "did you mean 'removed'?" in err

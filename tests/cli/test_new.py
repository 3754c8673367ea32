"""``errdex new``: allocation from the command line, clean refusals, and git branches."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogs import EXAMPLES
from errdex.cli.main import cli
from errdex.io import load

CATALOG = """\
# Shop catalog. Comments everywhere must survive errdex new.
[catalog]
id = "shop"

[modules.auth]   # logins
prefix = "AUTH-ERR-"

[modules.orders]
range = [1000, 1002]

# --- auth ---

[[errors]]
code = "AUTH-ERR-0"
name = "unauthorized"
module = "auth"
message = "Log in."

[[errors]]
code = "AUTH-ERR-1"
name = "oldToken"
module = "auth"
message = "Old token."
status = "removed"   # tombstone: AUTH-ERR-1 is never reused

# --- orders ---

[[errors]]
code = 1000
name = "noOrder"
module = "orders"
message = "No such order."
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "errdex.toml"
    path.write_text(CATALOG, encoding="utf-8")
    return path


def test_new_allocates_writes_and_prints_the_code(catalog):
    result = run(
        "new",
        str(catalog),
        "-m",
        "auth",
        "-n",
        "revoked",
        "--message",
        "Token {id} revoked.",
        "--http-status",
        "401",
        "--no-retryable",
        "--description",
        "The token was revoked.",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "AUTH-ERR-2"  # AUTH-ERR-1 is a tombstone
    entry = load(catalog).get("AUTH-ERR-2")
    assert entry.name == "revoked"
    assert entry.message == "Token {id} revoked."
    assert entry.http_status == 401 and entry.retryable is False
    assert entry.description == "The token was revoked."
    text = catalog.read_text(encoding="utf-8")
    assert text.startswith(CATALOG.split("# --- orders ---")[0].rstrip("\n"))
    assert text.endswith("# --- orders ---\n" + CATALOG.split("# --- orders ---\n")[1])


def test_dry_run_writes_nothing(catalog):
    result = run(
        "new", str(catalog), "-m", "orders", "-n", "late", "--message", "Late.", "--dry-run"
    )
    assert result.exit_code == 0
    assert "code = 1001" in result.stdout
    assert catalog.read_text(encoding="utf-8") == CATALOG


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (["-m", "ordrs", "-n", "x"], "has no module 'ordrs'", "did you mean 'orders'?"),
        (
            ["-m", "orders", "-n", "NoOrder"],
            "the name 'NoOrder' is taken by 1000",
            "choose another name",
        ),
        (["-m", "auth", "-n", "x", "--code", "AUTH-ERR-1"], "is a tombstone", "omit --code"),
    ],
)
def test_refusals_exit_2_with_a_hint(catalog, args, message, hint):
    result = run("new", str(catalog), "--message", "m", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert hint in result.stderr
    assert "Traceback" not in result.output
    assert catalog.read_text(encoding="utf-8") == CATALOG


def test_full_range_is_refused(catalog):
    for name in ("a", "b"):
        assert run("new", str(catalog), "-m", "orders", "-n", name, "--message", "m").exit_code == 0
    result = run("new", str(catalog), "-m", "orders", "-n", "c", "--message", "m")
    assert result.exit_code == 2
    assert "range [1000, 1002] is full" in result.stderr


def test_unloadable_catalog_exits_2(tmp_path):
    bad = tmp_path / "errdex.toml"
    bad.write_text("[catalog\n", encoding="utf-8")
    result = run("new", str(bad), "-m", "x", "-n", "y", "--message", "m")
    assert result.exit_code == 2
    assert "errdex.toml:1:" in result.stderr


# -- two people, two branches --------------------------------------------------

GIT = shutil.which("git")


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "merge.conflictstyle=merge",
            *args,
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=check,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if GIT is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "errdex.toml").write_text(CATALOG, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def add_on_branch(repo: Path, branch: str, module: str, name: str) -> str:
    git(repo, "checkout", "-q", "-b", branch, "main")
    result = run(
        "new", str(repo / "errdex.toml"), "-m", module, "-n", name, "--message", f"{name}."
    )
    assert result.exit_code == 0, result.output
    git(repo, "commit", "-q", "-am", f"add {name}")
    return result.stdout.strip()


def test_same_module_on_two_branches_is_a_merge_conflict(repo):
    code_a = add_on_branch(repo, "alice", "auth", "alicesError")
    code_b = add_on_branch(repo, "bob", "auth", "bobsError")
    assert code_a == code_b == "AUTH-ERR-2"  # both allocated from the same base
    git(repo, "checkout", "-q", "alice")
    merge = git(repo, "merge", "--no-edit", "bob", check=False)
    assert merge.returncode != 0
    assert "CONFLICT (content): Merge conflict in errdex.toml" in merge.stdout
    text = (repo / "errdex.toml").read_text(encoding="utf-8")
    assert "<<<<<<<" in text and "alicesError" in text and "bobsError" in text
    # resolving carelessly ("keep both") cannot ship silently: git kept the shared
    # `[[errors]]` and `code = "AUTH-ERR-2"` lines once, so both names now sit in one
    # table, which errdex check rejects
    kept = [
        line for line in text.splitlines() if not line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
    ]
    (repo / "errdex.toml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    check = run("check", str(repo / "errdex.toml"))
    assert check.exit_code == 1
    assert "E001" in check.output and "defined twice" in check.output


def test_different_modules_merge_cleanly_with_distinct_codes(repo):
    code_a = add_on_branch(repo, "alice", "auth", "alicesError")
    code_b = add_on_branch(repo, "bob", "orders", "bobsError")
    git(repo, "checkout", "-q", "alice")
    merge = git(repo, "merge", "--no-edit", "bob", check=False)
    assert merge.returncode == 0, merge.stdout + merge.stderr
    merged = load(repo / "errdex.toml")
    assert merged.by_name("alicesError").code == code_a == "AUTH-ERR-2"
    assert merged.by_name("bobsError").code == int(code_b) == 1001
    keys = [(e.space, e.key) for e in merged.entries]
    assert len(keys) == len(set(keys)) == 5
    # and the next allocation on the merged branch continues past both
    assert (
        run(
            "new", str(repo / "errdex.toml"), "-m", "orders", "-n", "third", "--message", "t"
        ).stdout.strip()
        == "1002"
    )


@pytest.fixture
def csghub_repo(tmp_path: Path) -> Path:
    """A real repository holding a copy of the CSGHub folder catalog (one file per module)."""
    if GIT is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "csghub", repo / "csghub")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def new_on_branch(repo: Path, branch: str, module: str, name: str) -> str:
    git(repo, "checkout", "-q", "-b", branch, "main")
    result = run("new", str(repo / "csghub"), "-m", module, "-n", name, "--message", "m.")
    assert result.exit_code == 0, result.output
    git(repo, "commit", "-q", "-am", f"add {name}")
    return result.stdout.strip()


def test_folder_catalog_same_module_conflicts_other_modules_merge(csghub_repo):
    repo = csghub_repo
    assert new_on_branch(repo, "alice", "auth", "aliceErr") == "AUTH-ERR-11"
    assert new_on_branch(repo, "bob", "auth", "bobErr") == "AUTH-ERR-11"
    assert new_on_branch(repo, "carol", "user", "carolErr") == "USER-ERR-14"
    git(repo, "checkout", "-q", "alice")
    clean = git(repo, "merge", "--no-edit", "carol", check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    merged = load(repo / "csghub")
    assert (merged.by_name("aliceErr").code, merged.by_name("carolErr").code) == (
        "AUTH-ERR-11",
        "USER-ERR-14",
    )
    conflict = git(repo, "merge", "--no-edit", "bob", check=False)
    assert conflict.returncode != 0
    assert "CONFLICT (content): Merge conflict in csghub/modules/auth.toml" in conflict.stdout


def test_the_new_entry_is_in_canonical_layout(tmp_path):
    shutil.copytree(EXAMPLES / "csghub", tmp_path / "csghub")
    assert run("fmt", "--check", str(tmp_path / "csghub")).exit_code == 0
    result = run(
        "new", str(tmp_path / "csghub"), "-m", "auth", "-n", "everything", "--message", "m {x}",
        "--title", "T", "--description", "d", "--solution", "s", "--http-status", "400",
        "--jsonrpc-code", "-32000", "--retryable", "--since", "1.2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert run("fmt", "--check", str(tmp_path / "csghub")).exit_code == 0

"""The two sides of a diff: a catalog path, or a git revision read with git itself.

A side is either a path (a catalog file or folder in the working tree) or
``git:REF[:PATH]``: the catalog as it is in revision ``REF``, read with
``git cat-file`` — no checkout, no temporary files. ``PATH`` is relative to
the repository's root (``./`` and ``../`` are relative to the working
directory); without it, the path of the other side is used, so
``errdex diff git:origin/main examples/csghub`` compares a catalog with itself
on ``origin/main`` (and ``git:v1 git:v2:examples/csghub`` reads both revisions
at that path). Positions of changes on a git side read
``git:REF:path:line:col``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from errdex.io import Diagnostic, SourceFile, read
from errdex.io.diagnostic import UNREADABLE, HintedError
from errdex.io.load import MAIN_NAMES, build_sources
from errdex.io.read import decode
from errdex.io.source import FORMATS
from errdex.model import Catalog

GIT_PREFIX = "git:"


class SideError(HintedError):
    """Raised when a side of a diff names something that cannot be read (a bad git
    revision, a path missing in that revision, no git); carries a fix hint."""


class GitSpec(NamedTuple):
    """A parsed ``git:REF[:PATH]`` side; ``path`` is None when the user gave none."""

    ref: str
    path: str | None


class Side(NamedTuple):
    """One side read: its label for reports, the catalog (None if unusable), its problems."""

    label: str
    catalog: Catalog | None
    diagnostics: list[Diagnostic]


def parse_spec(text: str) -> GitSpec | Path:
    """Tell a git side from a path: ``git:REF[:PATH]`` or anything else (a path)."""
    if not text.startswith(GIT_PREFIX):
        return Path(text)
    ref, sep, path = text[len(GIT_PREFIX) :].partition(":")
    if not ref:
        raise SideError(f"{text!r} names no git revision", "write git:REF or git:REF:PATH")
    if ref.startswith("-"):
        raise SideError(f"{ref!r} is not a git revision", "write git:REF, e.g. git:origin/main")
    return GitSpec(ref, path if sep and path else None)


def read_sides(old: str, new: str) -> tuple[Side, Side]:
    """Read both sides of ``errdex diff OLD NEW``; raise :class:`SideError` for git problems.

    Catalog problems (syntax, unknown keys) come back as each side's diagnostics.
    """
    specs = [parse_spec(old), parse_spec(new)]
    paths = [s for s in specs if isinstance(s, Path)]
    anchor = paths[-1] if paths else None  # NEW's path when NEW is a path
    if anchor is None:  # two git sides: one's path serves for both
        given = [s.path for s in specs if isinstance(s, GitSpec) and s.path is not None]
        if given:
            specs = [s._replace(path=s.path or given[-1]) for s in specs]  # type: ignore[union-attr]
    return _read(specs[0], anchor), _read(specs[1], anchor)


def _read(spec: GitSpec | Path, anchor: Path | None) -> Side:
    if isinstance(spec, Path):
        catalog, diagnostics = read(spec)
        return Side(str(spec), catalog, diagnostics)
    return read_git(spec, anchor)


def read_git(spec: GitSpec, anchor: Path | None = None) -> Side:
    """Read the catalog at ``spec.path`` (or at ``anchor``'s place) in revision ``spec.ref``.

    Git runs in the repository holding ``anchor`` (else the working directory).
    """
    where = _repo_dir(anchor)
    root = Path(_git(["rev-parse", "--show-toplevel"], where, _not_a_repo(where)).decode().strip())
    if spec.path is not None:
        rel = _relative(spec.path, root, explicit=True)
    elif anchor is not None:
        rel = _relative(str(anchor), root, explicit=False)
    else:
        raise SideError(
            f"git:{spec.ref} names no path and the other side is a git revision too",
            f"write git:{spec.ref}:path/to/catalog",
        )
    label = f"git:{spec.ref}:{rel}" if rel else f"git:{spec.ref}"
    commit = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec.ref}^{{commit}}"],
        root,
        SideError(
            f"unknown git revision {spec.ref!r}",
            "check the name (git branch -a, git tag); in CI, fetch it first "
            "(actions/checkout with fetch-depth: 0, or git fetch origin main)",
        ),
    )
    sha = commit.decode().strip()
    missing = SideError(
        f"{rel or '.'} does not exist in {spec.ref}",
        f"see what the revision holds: git ls-tree --name-only {spec.ref} {rel}".rstrip(),
    )
    kind = _git(["cat-file", "-t", f"{sha}:{rel}"], root, missing).decode().strip()
    if kind == "blob":
        files = [(rel, "main")]
    elif kind == "tree":
        files = _folder_files(sha, rel, root, spec.ref)
    else:
        raise missing
    texts = _blobs([f"{sha}:{name}" for name, _ in files], root)
    return _build(spec.ref, files, texts, label)


def _repo_dir(anchor: Path | None) -> Path:
    if anchor is None:
        return Path.cwd()
    probe = anchor if anchor.is_dir() else anchor.parent
    while not probe.is_dir() and probe != probe.parent:
        probe = probe.parent
    return probe if probe.is_dir() else Path.cwd()


def _not_a_repo(where: Path) -> SideError:
    return SideError(
        f"{where} is not inside a git repository",
        "run errdex diff inside the repository, or pass a catalog path instead of git:REF",
    )


def _relative(path: str, root: Path, *, explicit: bool) -> str:
    """``path`` relative to the repository root, as git names it (POSIX, no ``./``)."""
    if explicit and not path.startswith(("./", "../", ".\\", "..\\")) and not os.path.isabs(path):
        clean = PurePosixPath(path.replace("\\", "/")).as_posix().strip("/")
        return "" if clean == "." else clean
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    if rel == os.curdir:
        return ""
    if rel.startswith(os.pardir):
        raise SideError(
            f"{path} is outside the git repository at {root}",
            "give the path inside the revision explicitly: git:REF:path/to/catalog",
        )
    return PurePosixPath(Path(rel)).as_posix()


def _git(args: list[str], cwd: Path, error: SideError) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise SideError(
            "git is not installed", "install git, or compare two catalog paths"
        ) from None
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        if detail and "not a git repository" in detail[0]:
            raise _not_a_repo(cwd)
        raise error
    return done.stdout


def _folder_files(sha: str, rel: str, root: Path, ref: str) -> list[tuple[str, str]]:
    """The files of a folder catalog in a revision: ``(repo path, role)`` as io.read orders them."""
    listing = _git(["ls-tree", "-r", "-z", "--name-only", f"{sha}:{rel}"], root, SideError(rel))
    names = [n for n in listing.decode().split("\0") if n]
    present = set(names)
    main = next((n for n in MAIN_NAMES if n in present), None)
    shown = rel or "."
    if main is None:
        raise SideError(
            f"{shown} in {ref} holds no errdex.toml",
            "a catalog folder needs errdex.toml (or errdex.yaml/errdex.json)",
        )
    prefix = f"{rel}/" if rel else ""
    files = [(prefix + main, "main")]
    for folder, role in (("modules", "module"), ("locales", "locale")):
        inside = sorted(
            n
            for n in names
            if n.startswith(folder + "/")
            and n.count("/") == 1
            and PurePosixPath(n).suffix.lower() in FORMATS
        )
        files += [(prefix + n, role) for n in inside]
    return files


def _blobs(objects: list[str], root: Path) -> list[bytes]:
    """Read several blobs with one ``git cat-file --batch``."""
    try:
        done = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=root,
            input="".join(o + "\n" for o in objects).encode(),
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SideError(f"git cat-file failed: {exc}") from None
    out, pos, blobs = done.stdout, 0, []
    for _ in objects:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) < 3 or header[-1] == b"missing":
            raise SideError(f"git cannot read {header[0].decode(errors='replace')}")
        size = int(header[2])
        blobs.append(out[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return blobs


def _build(ref: str, files: list[tuple[str, str]], blobs: list[bytes], label: str) -> Side:
    return Side(
        label,
        *build_sources(
            _source(ref, name, data, role) for (name, role), data in zip(files, blobs, strict=True)
        ),
    )


def _source(ref: str, name: str, data: bytes, role: str) -> tuple[SourceFile | Diagnostic, str]:
    """One blob of a revision as :func:`errdex.io.load.build_sources` takes it."""
    display = f"git:{ref}:{name}"
    fmt = FORMATS.get(PurePosixPath(name).suffix.lower())
    src = SourceFile(Path(name), "", fmt or "toml", display=display)
    if fmt is None:
        unknown = Diagnostic(
            UNREADABLE,
            f"{display} is not a catalog file",
            source=src,
            position=(0, 0),
            hint="a catalog is a .toml, .yaml, .yml or .json file, or a folder with errdex.toml",
        )
        return unknown, role
    text, problem = decode(data, src)
    if problem is not None:
        return problem, role
    assert text is not None
    return SourceFile(Path(name), text, fmt, display=display), role

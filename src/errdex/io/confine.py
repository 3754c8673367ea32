"""Confined, atomic writes: every file errdex writes lies inside its output folder.

A catalog names files to write (``[[targets]] output``, locale tags that become
``<locale>.po`` and ``locales/<locale>.toml``, a site's pages). A name holding
``..``, an absolute path, a drive, a NUL byte, or a path through a symlink that
leads out of the folder would write elsewhere. :func:`confine` resolves the
name against its folder and raises :class:`Escape` when it does not stay
inside; :func:`write_atomic` writes through a temporary file in the same
folder and a rename, so a reader never sees a half-written file and a failed
write leaves the old file as it was. A symlink at the target itself is
replaced, never written through.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath


class Escape(ValueError):
    """A file name that would be written outside its output folder."""

    def __init__(self, root: Path, name: str, why: str) -> None:
        self.root = root
        self.name = name
        self.why = why
        super().__init__(f"{name!r} is not a file inside {root}: {why}")


def lexical_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file inside any folder, judged on its text alone (None: it can)."""
    if not name.strip():
        return "the name is empty"
    if "\x00" in name:
        return "the name holds a NUL byte"
    posix = PurePosixPath(name.replace("\\", "/"))
    if posix.is_absolute() or PureWindowsPath(name).drive or PureWindowsPath(name).root:
        return "the name is an absolute path"
    if ".." in posix.parts:
        return "the name goes up with '..'"
    if posix.parts and posix.parts[-1] == ".":
        return "the name is a folder"
    return None


def confine(root: str | Path, name: str | Path) -> Path:
    """``root / name``, checked to lie inside ``root`` once every symlink is resolved.

    Raises :class:`Escape` for ``..``, an absolute path, a NUL byte, or a
    symlink (anywhere along the path) that points out of ``root``.
    """
    root = Path(root)
    text = str(name)
    why = lexical_problem(text)
    if why is not None:
        raise Escape(root, text, why)
    target = root / PurePosixPath(text.replace("\\", "/"))
    base = root.resolve()
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise Escape(root, text, f"the path cannot be resolved ({exc})") from None
    if target.is_symlink():  # the file itself: it will be replaced, not followed
        resolved = target.parent.resolve() / target.name
    if resolved != base and not resolved.is_relative_to(base):
        raise Escape(root, text, f"it leads to {resolved} through a symlink")
    return target


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    ``str`` is written as UTF-8. The file keeps the permissions of the one it
    replaces (``0644`` when new). A symlink at ``path`` is replaced by the file.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        mode = 0o644
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                mode = path.stat().st_mode & 0o7777
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_tree(root: str | Path, files: Mapping[str, bytes | str]) -> list[Path]:
    """Write every ``name -> data`` of ``files`` inside ``root``, atomically per file.

    Every name is confined first: when one escapes, :class:`Escape` is raised
    before anything is written. Returns the paths written, in order.
    """
    targets = [(confine(root, name), data) for name, data in files.items()]
    for path, data in targets:
        write_atomic(path, data)
    return [path for path, _ in targets]

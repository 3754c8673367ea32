"""The on-disk cache of search indexes: built once per catalog content, reused by every run.

``errdex search`` and ``errdex serve`` keep the search index of a registry in
a cache folder, keyed by the content hash of its catalog files
(:func:`errdex.directory.fingerprint.fingerprint`), so the second search of
an unchanged registry opens the index instead of loading every catalog and
indexing it again.

Where: ``$ERRDEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/errdex``, else
``~/.cache/errdex`` (:meth:`IndexCache.default`); nothing is ever written
outside that folder. Each index is one file, ``search-<key>.idx``: the SQLite
database image of :mod:`errdex.directory.indexing`, then a trailer (magic,
format, payload length, CRC-32 of the payload, the key). Opening it costs a
checksum of the ``mmap``-ed file, not a build; SQLite then reads the file in
place (read-only, immutable, memory-mapped), touching only the pages a search
needs. That SQLite opened the very file that was checked is verified after
it opened it (the name still holds the checked file; files are only ever
renamed into place, never written again); when it is not (a writer replaced
it meanwhile), or off POSIX, the checked image is copied into memory instead
(``Connection.deserialize``).

Safety:

- A file is written to a temporary name in the folder and renamed into place
  (``os.replace``), so a reader sees a whole file or none; two writers of the
  same key race harmlessly (each rename is atomic, both files are right).
- A file that is truncated, corrupt (checksum), of another format or for
  another key is never used: :meth:`IndexCache.load` answers None, removes
  it, and the caller builds the index again and stores it.
- Any failure to read or write the cache (a read-only home, a full disk) is
  silent: the search goes on with an index built in memory.
- A folder or file that another user owns, or that others may write to, is
  never used (as ssh treats its files): someone else's index is not read.
- The folder keeps the :data:`KEEP` most recently used indexes; older ones
  and temporary files left by a crash are removed.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import re
import sqlite3
import stat
import struct
import tempfile
import time
import zlib
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from errdex.directory import indexing

MAGIC = b"ERRDEXIX"
TRAILER = struct.Struct("<8sIIQI32s")
"""After the payload: magic, format, reserved (0), payload length, CRC-32 of the payload,
key (32 bytes)."""
ENV_VAR = "ERRDEX_CACHE_DIR"
KEEP = 8
"""At most this many indexes stay in the folder (the most recently used)."""
STALE_TMP = 3600.0
"""A temporary file older than this many seconds is a crashed writer's and is removed."""
_KEY = re.compile(r"[0-9a-f]{64}")
_NAME = re.compile(r"search-[0-9a-f]{64}\.idx")
_TMP = re.compile(r"\.search-.*\.tmp")


def default_folder(environ: Mapping[str, str] | None = None) -> Path:
    """``$ERRDEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/errdex``, else ``~/.cache/errdex``."""
    env = os.environ if environ is None else environ
    own = env.get(ENV_VAR, "").strip()
    if own:
        return Path(own).expanduser().absolute()
    xdg = env.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():  # the XDG spec ignores relative values
        return Path(xdg) / "errdex"
    return Path.home() / ".cache" / "errdex"


class IndexCache:
    """A folder of search-index files, one per registry content (see the module docstring)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder).absolute()
        """Where the index files are; made (mode 0700) on the first store."""

    def __repr__(self) -> str:
        return f"IndexCache({str(self.folder)!r})"

    @classmethod
    def default(cls, environ: Mapping[str, str] | None = None) -> IndexCache:
        """The cache in :func:`default_folder`."""
        return cls(default_folder(environ))

    def path(self, key: str) -> Path:
        """The file of the index with ``key`` (a SHA-256 in hex)."""
        if not _KEY.fullmatch(key):
            raise ValueError(f"not an index key: {key!r}")
        return self.folder / f"search-{key}.idx"

    def private(self) -> bool:
        """Whether the folder is this user's own: owned by them and writable by nobody else
        (always true where the system has no user ids)."""
        if not hasattr(os, "getuid"):  # pragma: no cover - Windows
            return True
        try:
            info = os.stat(self.folder)
        except OSError:
            return False
        return info.st_uid == os.getuid() and not info.st_mode & 0o022

    def load(self, key: str) -> sqlite3.Connection | None:
        """The database stored under ``key``, checked whole; None when there is none or it
        cannot be used (a bad file is removed)."""
        path = self.path(key)
        if not self.private():
            return None
        try:
            fd = os.open(
                path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
            )
        except OSError:
            return None
        try:
            db = _read(fd, key, path)
        finally:
            os.close(fd)
        if db is None:
            self._remove(path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept by the pruning
        return db

    def store(self, key: str, db: sqlite3.Connection) -> Path | None:
        """Save ``db`` under ``key`` atomically; the file, or None when the cache cannot be
        written (nothing is left behind then)."""
        path = self.path(key)
        tmp: str | None = None
        try:
            data = db.serialize()
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self.private():
                return None
            fd, tmp = tempfile.mkstemp(prefix=".search-", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                trailer = TRAILER.pack(
                    MAGIC, indexing.FORMAT, 0, len(data), zlib.crc32(data), bytes.fromhex(key)
                )
                fh.write(data)
                fh.write(trailer)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
            tmp = None
        except (OSError, sqlite3.Error, MemoryError):
            return None
        finally:
            if tmp is not None:
                self._remove(Path(tmp))
        self.prune()
        return path

    def prune(self, keep: int = KEEP) -> None:
        """Remove all but the ``keep`` most recently used indexes, and stale temporary files."""
        try:
            with os.scandir(self.folder) as it:
                entries = [e for e in it if e.is_file(follow_symlinks=False)]
        except OSError:
            return
        now = time.time()
        indexes = []
        for entry in entries:
            try:
                mtime = entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            if _NAME.fullmatch(entry.name):
                indexes.append((mtime, entry.name))
            elif _TMP.fullmatch(entry.name) and now - mtime > STALE_TMP:
                self._remove(self.folder / entry.name)
        indexes.sort(reverse=True)
        for _, name in indexes[keep:]:
            self._remove(self.folder / name)

    def _remove(self, path: Path) -> None:
        if path.parent != self.folder:  # only ever a file of this folder
            return
        with contextlib.suppress(OSError):
            path.unlink()


def _read(fd: int, key: str, path: Path) -> sqlite3.Connection | None:
    """The database in an open index file, or None when any check fails."""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size <= TRAILER.size:
            return None
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None  # not this user's own file
        length = info.st_size - TRAILER.size
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as mm:
            magic, form, _, stated, crc, own = TRAILER.unpack_from(mm, length)
            if (
                magic != MAGIC
                or form != indexing.FORMAT
                or own != bytes.fromhex(key)
                or stated != length
            ):
                return None
            with memoryview(mm) as whole, whole[:length] as payload:
                if zlib.crc32(payload) != crc:
                    return None
                found = _in_place(path, info, length) if os.name == "posix" else None
                return found or _copied(payload)
    except (OSError, ValueError, struct.error, MemoryError):
        return None


def _in_place(path: Path, checked: os.stat_result, length: int) -> sqlite3.Connection | None:
    """SQLite on the index file itself, read-only and memory-mapped, when the file it opened
    is the one that was checked (``checked``, its status); else None.

    The file is never written after its rename into place, so ``immutable``
    holds; SQLite opens the name, and the name still holding the checked file
    after that (same device and inode, which cannot be reused while the checked
    file is open) means it held it when SQLite opened it.
    """
    uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    try:
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        db.execute(f"PRAGMA mmap_size = {int(length)}")
        db.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchall()  # opens the file now
        now = os.lstat(path)
    except (sqlite3.Error, OSError):
        db.close()
        return None
    if (now.st_dev, now.st_ino) != (checked.st_dev, checked.st_ino):
        db.close()
        return None
    return db


def _copied(payload: memoryview) -> sqlite3.Connection | None:
    """An in-memory copy of the database image."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        db.deserialize(payload)
    except sqlite3.Error:
        db.close()
        return None
    return db


__all__ = ["ENV_VAR", "KEEP", "MAGIC", "TRAILER", "IndexCache", "default_folder"]

"""Where ``errdex build --site`` puts each code page: at its permalink, or where it can be.

A page sits at its permalink path (:meth:`Registry.entry_url_path`) whenever a
static host can serve that path from folders, so problem+json ``type`` URLs
resolve on the static site too. Two kinds of permalink cannot be served so:

- a path with a segment that is no folder name
  (:func:`errdex.model.urls.unservable_segment`): the code ``A/B``
  (``/odd/A%2FB``: a host walks into ``A`` then ``B``), ``../../etc``
  (``/odd/..%2F..%2Fetc``), a name too long for a file system;
- a path of the directory's own pages (``/search``, ``/static``,
  ``/catalogs/…``, ``/static/…``), or one another code's page already holds.

Such a page gets a site path of its own, and every link of the site (and the
static search index) points there: each segment that is no folder name
becomes its percent-encoding as the folder's name (``A/B`` → folder ``A%2FB``,
linked as ``A%252FB``, which a host decodes once back to the folder; ``..`` →
``%2E%2E``), or ``~`` and a hash of it when that is too long; a path still
taken gets ``~2``, ``~3`` … on its first folder (a directory page) or its last
(another code's page). A folder name made here never holds ``/``, ``\\`` or
NUL and is never ``.`` or ``..``, so a page is never written outside its
folder (the site also confines every write, :func:`errdex.directory.site.confined`).
``errdex check`` warns about the first kind (W210), since the ``type`` URL of
such a code does not resolve on a static host.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import quote, unquote

from errdex.model.urls import MAX_FOLDER_BYTES, unservable_segment

Folders = tuple[str, ...]


def folders(path: str) -> Folders:
    """The decoded segments of the URL path ``path`` (empty segments dropped)."""
    return tuple(unquote(p) for p in path.split("/") if p)


def reserved(where: Folders) -> bool:
    """Whether a page at ``where`` would be (or sit inside) a page or the assets of the
    directory itself: the home page, ``search/``, ``static/…``, ``catalogs/<id>/…``."""
    return where in ((), ("search",), ("static",)) or (
        len(where) > 1 and where[0] in ("catalogs", "static")
    )


def folder_name(segment: str) -> str:
    """A folder name for the decoded path ``segment``: itself when it is one, else its
    percent-encoding (dots too when it is all dots), else ``~`` and a hash when too long."""
    quoted = quote(segment, safe="")
    if unservable_segment(quoted) is None:
        return segment
    if quoted in (".", ".."):
        return quoted.replace(".", "%2E")
    if len(quoted) <= MAX_FOLDER_BYTES:
        return quoted
    return "~" + hashlib.sha256(segment.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _suffixed(where: Folders, n: int) -> Folders:
    """``where`` with ``~n`` on its first folder when that is the directory's, else its last."""
    if reserved(where):
        return (f"{where[0]}~{n}", *where[1:])
    return (*where[:-1], f"{where[-1]}~{n}")


def site_paths(permalinks: Iterable[str]) -> dict[str, str]:
    """For each permalink path, the URL path (percent-encoded, no trailing slash) of its
    page on the static site: the permalink itself when a host can serve it there, else a
    path of its own (see the module docstring). Paths differing only in their encoding
    are one page: give each once. First come, first served, permalinks before moves."""
    out: dict[str, str] = {}
    taken: set[Folders] = set()
    moved: list[str] = []
    for path in permalinks:
        where = folders(path)
        if unservable_segment(path) is None and not reserved(where) and where not in taken:
            taken.add(where)
            out[path] = path
        else:
            moved.append(path)
    for path in moved:
        base = tuple(folder_name(s) for s in folders(path)) or ("~",)
        where, n = base, 1
        while reserved(where) or where in taken:
            n += 1
            where = _suffixed(base, n)
        taken.add(where)
        out[path] = "/" + "/".join(quote(f, safe="") for f in where)
    return out


__all__ = ["Folders", "folder_name", "folders", "reserved", "site_paths"]

"""Per-code documentation URLs: the catalog's (or entry's) template, filled in.

The same URL is the problem+json ``type`` the runtime sends, the link the doc
generators write, and the permalink the web directory serves, so it is
computed in one place: :func:`fill_docs_url`, and :func:`permalink_path` for
the path a directory serves it at. :func:`unservable_segment` tells whether a
static host can serve that path from folders (``errdex build --site``), which
``errdex check`` reports (W210) and the site works around.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

from errdex.model.types import Entry

_URL_FIELD = re.compile(r"\{(catalog|space|module|code|name)\}")


def fill_docs_url(template: str, catalog_id: str, entry: Entry) -> str:
    """Fill ``{catalog}``, ``{space}``, ``{module}``, ``{code}``, ``{name}`` (percent-quoted)."""
    values = {
        "catalog": catalog_id,
        "space": entry.space,
        "module": entry.module or "",
        "code": str(entry.code),
        "name": entry.name or "",
    }
    return _URL_FIELD.sub(lambda m: quote(values[m.group(1)], safe=""), template)


_UNSAFE = frozenset("\t\r\n")


def url_path(url: str) -> str:
    """``urlsplit(url).path``, read straight off an ``http(s)://host/...`` URL (a permalink
    is computed for every entry of a 100,000-code index); any other URL is split by
    :func:`urllib.parse.urlsplit`."""
    if url.startswith(("https://", "http://")) and _UNSAFE.isdisjoint(url):
        start = url.index("//") + 2
        ends = [at for at in (url.find(c, start) for c in "/?#") if at >= 0]
        if not ends or url[min(ends)] != "/":
            return ""  # no path: the host ends at a query, a fragment or the end
        cut = min(ends)
        stop = [at for at in (url.find("?", cut), url.find("#", cut)) if at >= 0]
        return url[cut : min(stop)] if stop else url[cut:]
    return urlsplit(url).path


def permalink_path(docs_url: str | None, catalog_id: str, entry: Entry) -> str:
    """The URL path of an entry's permalink: the path of its filled ``docs_url``, else
    (no URL, or one without a path) ``/<catalog>/<space>/<code>``, each part percent-quoted."""
    if docs_url:
        path = url_path(docs_url)
        if path and path != "/":
            return path
    parts = (catalog_id, entry.space, str(entry.code))
    return "/" + "/".join(quote(part, safe="") for part in parts)


MAX_FOLDER_BYTES = 200
"""The longest folder name (UTF-8 bytes) a static site writes; file systems allow 255."""


def unservable_segment(path: str) -> str | None:
    """The first segment of the URL ``path``, decoded, that a static host cannot serve as a
    folder, or None when every one can.

    A static host decodes the path once and walks it folder by folder, so a decoded
    segment holding ``/`` (``A%2FB``) or ``\\`` names other folders, ``.`` and ``..``
    (``..%2F..%2Fetc`` decodes to three) are not folders at all, and a NUL or a name
    over :data:`MAX_FOLDER_BYTES` cannot be written.
    """
    for part in path.split("/"):
        if not part:
            continue
        name = unquote(part)
        if (
            name in (".", "..")
            or any(c in name for c in "/\\\x00")
            or len(name.encode("utf-8", "surrogatepass")) > MAX_FOLDER_BYTES
        ):
            return name
    return None

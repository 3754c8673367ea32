"""OpenAPI response objects for FastAPI routes, one per HTTP status, from catalog codes.

    from errdex.integrations.fastapi import responses
    from errdex.integrations.starlette import install

    app = FastAPI()
    install(app, cat)                                        # the handlers are Starlette's

    @app.get("/repos/{id}", responses=responses(cat, codes=["AUTH-ERR-4", "REPO-ERR-1"]))
    def get_repo(id: str): ...

:func:`responses` renders each code (parameters left as ``{placeholders}``) in
the profile the handlers use, groups the codes by the HTTP status they are
sent with, and gives each status one response object: a description naming
the codes, the media type the profile sends (``application/problem+json``),
a JSON Schema of the envelope (:data:`PROBLEM_SCHEMA`, :data:`JSONRPC_SCHEMA`,
:data:`GOOGLE_SCHEMA`; an object for the catalog's plain profiles) and one
named example per code. FastAPI copies these into ``/openapi.json`` as they are.

This module does not import FastAPI: the dicts it builds are plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from errdex.integrations.common import check_profile
from errdex.model import Catalog
from errdex.model.envelopes import GOOGLE_SCHEMA, JSONRPC_SCHEMA, PROBLEM_SCHEMA, SCHEMAS
from errdex.runtime import Error, errors_of, render


def _schema(catalog: Catalog, profile: Any) -> dict[str, Any]:
    if type(profile) is str and profile not in catalog.profiles and profile in SCHEMAS:
        return SCHEMAS[profile]
    return {"type": "object", "description": f"Error envelope of profile {profile!r}."}


def _error_class(catalog: Catalog, code: Any) -> type[Error]:
    if isinstance(code, type) and issubclass(code, Error) and code.entry is not None:
        return code
    try:
        return errors_of(catalog)[code]
    except LookupError as exc:
        raise LookupError(f"responses(): {exc}") from None


def _example_key(cls: type[Error], ambiguous: bool) -> str:
    key = str(cls.code)
    return f"{cls.space}:{key}" if ambiguous else key


def responses(
    catalog: Catalog,
    codes: Iterable[Any],
    *,
    profile: Any = "problem",
    locale: str | None = None,
) -> dict[int, dict[str, Any]]:
    """Return FastAPI ``responses=`` for ``codes``: ``{status: response object}``.

    A code is anything ``cat.errors[...]`` takes (``"AUTH-ERR-4"``, ``1051``, a
    name, ``("jsonrpc", -32003)``) or an entry class. ``profile`` must match the
    one the handlers were installed with; ``locale`` picks the examples' language.
    Raises LookupError for a code the catalog does not have.
    """
    check_profile(catalog, profile)
    schema = _schema(catalog, profile)
    groups: dict[int, list[tuple[type[Error], Any, str]]] = {}
    for code in codes:
        cls = _error_class(catalog, code)
        rendered = render(cls(), profile, locale=locale)
        groups.setdefault(rendered.status, []).append(
            (cls, orjson.loads(rendered.body), rendered.media_type)
        )
    out: dict[int, dict[str, Any]] = {}
    for status in sorted(groups):
        members = groups[status]
        content: dict[str, Any] = {}
        for cls, value, media_type in members:
            ambiguous = len(catalog.find(cls.code)) > 1
            media = content.setdefault(media_type, {"schema": schema, "examples": {}})
            media["examples"][_example_key(cls, ambiguous)] = {
                "summary": cls().title,
                "value": value,
            }
        names = ", ".join(
            f"{cls.code}" + (f" {cls.name}" if cls.name else "") for cls, *_ in members
        )
        out[status] = {
            "description": f"Catalog {catalog.meta.id} errors: {names}",
            "content": content,
        }
    return out


__all__ = ["GOOGLE_SCHEMA", "JSONRPC_SCHEMA", "PROBLEM_SCHEMA", "responses"]

"""The web directory: browse, look up and search every catalog of a registry in a browser.

:func:`~errdex.directory.web.app.create_app` builds the Starlette app that
``errdex serve`` runs; :mod:`errdex.directory.site` writes the same pages as a
static site (``errdex build --site OUT``). Pages (:mod:`.pages`, Jinja2 with
autoescape) render the plain data of :mod:`.views`; :mod:`.markup` is the safe
Markdown subset; :mod:`.security` the headers and bounds; :mod:`.openapi` the
API description. Needs the ``server`` extra (Starlette, uvicorn, Jinja2), which
``import errdex`` never loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from errdex.directory.registry import Registry


def create_app(registry: Registry | None = None, **options: Any) -> Starlette:
    """Build the web directory app (see :func:`errdex.directory.web.app.create_app`)."""
    from errdex.directory.web.app import create_app as build

    return build(registry, **options)


__all__ = ["create_app"]

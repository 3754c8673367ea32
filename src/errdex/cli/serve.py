"""``errdex serve [PATH...]``: browse the registry's catalogs in a web browser.

Runs the web directory (:mod:`errdex.directory.web`) with uvicorn on
``--host`` (default 127.0.0.1) and ``--port`` (default 8000). Without PATH the
registry is configured as for ``errdex explain`` ($ERRDEX_CATALOGS,
errdex-registry.toml, else the bundled examples). Needs the ``server`` extra.
Exit 2 when it cannot run (no catalogs, the extra missing, the port taken).
"""

from __future__ import annotations

import socket
import sys
from typing import Any

import click

from errdex.cli.common import refuse
from errdex.cli.paths import CATALOG_HINT, catalog_path
from errdex.cli.registry_option import (
    build_index,
    index_cache,
    no_cache_option,
    registry_or_exit,
)


def _check_port(host: str, port: int) -> tuple[str, str] | None:
    """Return why ``host:port`` cannot be listened on and the fix, or None when it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return f"cannot resolve host {host!r}: {exc.strerror or exc}", "choose another --host"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            why = exc.strerror or str(exc)
            return f"cannot listen on {host}:{port}: {why}", "choose another --port (or --host)"
    return None


@click.command("serve")
@click.argument(
    "paths",
    nargs=-1,
    type=catalog_path(hint=f"{CATALOG_HINT}; or give none for the default registry"),
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@no_cache_option
def serve(paths: tuple[str, ...], host: str, port: int, no_cache: bool) -> None:
    """Serve a browsable, searchable directory of the catalogs at PATH... (default: the registry).

    Code pages live at the paths of each catalog's docs_url, so the problem+json
    `type` links of your services resolve here. JSON API: /api/openapi.json.
    """
    try:
        import uvicorn

        from errdex.directory.web import create_app
    except ImportError as exc:
        click.echo(
            f"errdex serve needs the server extra ({exc.name} is missing): "
            "pip install 'errdex[server]'",
            err=True,
        )
        sys.exit(2)
    registry = registry_or_exit(paths, cache=index_cache(no_cache), show_progress=True)
    problem = _check_port(host, port)
    if problem:
        refuse(*problem)
    build_index(registry, show_progress=True)  # from the cache when the catalogs are unchanged
    app = create_app(registry)
    import gc

    gc.collect()
    gc.freeze()  # the loaded registry lives as long as the server: keep it out of GC passes
    entries = sum(len(c) for c in registry.catalogs.values())
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"errdex serve: serving {len(registry.catalogs)} catalog(s), {entries} codes, "
        f"from {registry.origin} at http://{shown}:{port}/ (Ctrl+C to stop)",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, **server_options())


def server_options() -> dict[str, Any]:
    """uvicorn settings that bound what one client can hold (see docs/directory.md, Limits),
    with warnings only and no access log: at the ``warning`` level uvicorn would still
    format each request's client address and path for an access line nobody sees."""
    from errdex.directory.web import limits

    options: dict[str, Any] = {
        "log_level": "warning",
        "access_log": False,
        "server_header": False,
        "timeout_keep_alive": limits.KEEP_ALIVE,
        "limit_concurrency": limits.MAX_CONNECTIONS,
        "h11_max_incomplete_event_size": limits.MAX_HEAD,
    }
    try:
        from errdex.directory.web.protocol import BoundedHttpToolsProtocol
    except ImportError:  # no httptools: uvicorn's h11 protocol, bounded by the size above
        return options
    options["http"] = BoundedHttpToolsProtocol
    return options

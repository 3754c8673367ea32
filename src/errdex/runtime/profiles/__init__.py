"""The envelopes errdex renders and decodes, one module per profile.

- :mod:`~errdex.runtime.profiles.problem` — RFC 9457 ``application/problem+json``;
- :mod:`~errdex.runtime.profiles.jsonrpc` — JSON-RPC 2.0 error responses and batches;
- :mod:`~errdex.runtime.profiles.google` — google.rpc.Status JSON (AIP-193);
- :mod:`~errdex.runtime.profiles.plain` — the catalog's ``[profiles.NAME]`` field maps.

Each module has a ``render_*`` function (error → :class:`~errdex.runtime.render.Rendered`)
and a ``read_*`` function (parsed body → :class:`~errdex.runtime.decode.Wire`, or
None when the body is not of that shape) used by :func:`errdex.decode`.
"""

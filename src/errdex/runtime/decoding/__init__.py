"""The steps of :func:`errdex.decode`, one module each, run in this order:

1. :mod:`~errdex.runtime.decoding.envelope` — recognise the envelope: parse the body
   and read its fields (google.rpc.Status, JSON-RPC, problem+json, the catalog's
   plain profiles, a generic ``{"code", "message"}``, or none: the HTTP status);
2. :mod:`~errdex.runtime.decoding.match` — find the catalog entry the fields name;
3. :mod:`~errdex.runtime.decoding.build` — build the error (an entry class, or for an
   unknown code the module, space or client/server class), sub-errors included;
4. :mod:`~errdex.runtime.decoding.hint` — decide the retry hint.

Each step reads the tables :mod:`~errdex.runtime.decoding.index` precomputes once per
catalog.
"""

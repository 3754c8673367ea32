"""``errdex verify``: every request example of a catalog, sent and judged.

The pipeline, one module each: :mod:`.cases` turns the catalog's request
examples into cases; :mod:`.variables` fills their ``${NAME}`` templates;
:mod:`.transport` sends them (over HTTP to a base URL, or to an ASGI/WSGI app
in-process) within timeouts, a concurrency limit and the allowed hosts;
:mod:`.expected` derives what the catalog declares for each case by rendering
the entry with the runtime; :mod:`.judge` compares; :mod:`.report` prints the
results like a test runner (text, JSON, GitHub annotations, JUnit XML).
"""

from __future__ import annotations

from errdex.reality.verify.run import Outcome, VerifyError, VerifyRun, verify

__all__ = ["Outcome", "VerifyError", "VerifyRun", "verify"]

"""HAR files (HTTP Archive 1.2), as browsers' developer tools and proxies save them.

Every entry whose response is an error (status 400 or more, or a JSON-RPC error
in a 2xx) is an observation with its status, headers and body
(``content.text``, base64-decoded when ``content.encoding`` says so). A HAR file
is one JSON document, read whole up to :data:`MAX_DOCUMENT`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from typing import Any

import orjson

from errdex.reality.evidence import EvidenceError, Observation
from errdex.reality.evidence.rpc import is_rpc_error
from errdex.reality.evidence.stream import Reader

MAX_DOCUMENT = 1 << 29


class Har(Reader):
    """The errors of a HAR file."""

    kind = "har"

    def __iter__(self) -> Iterator[Observation]:
        data = self.stream.read(MAX_DOCUMENT + 1)
        if len(data) > MAX_DOCUMENT:
            raise EvidenceError(f"{self.name}: a HAR file over {MAX_DOCUMENT >> 20} MiB")
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise EvidenceError(f"{self.name}: not a HAR file (not JSON: {exc})") from None
        log = doc.get("log") if type(doc) is dict else None
        entries = log.get("entries") if type(log) is dict else None
        if type(entries) is not list:
            raise EvidenceError(f"{self.name}: not a HAR file (no log.entries)")
        for i, entry in enumerate(entries):
            self.records += 1
            if type(entry) is dict:
                self.window.see(entry.get("startedDateTime"))
            seen = self._entry(f"{self.name}#entry{i}", entry)
            if seen is not None:
                yield seen

    def _entry(self, where: str, entry: Any) -> Observation | None:
        response = entry.get("response") if type(entry) is dict else None
        if type(response) is not dict:
            self.bad(where)
            return None
        status = response.get("status")
        status = status if type(status) is int and 100 <= status <= 599 else None
        headers = tuple(
            (h["name"], h["value"])
            for h in response.get("headers") or ()
            if type(h) is dict and type(h.get("name")) is str and type(h.get("value")) is str
        )
        content = response.get("content") or {}
        text = content.get("text") if type(content) is dict else None
        body: bytes | None = None
        if type(text) is str:
            if content.get("encoding") == "base64":
                try:
                    body = base64.b64decode(text, validate=False)
                except (binascii.Error, ValueError):
                    body = None
            else:
                body = text.encode("utf-8", "replace")
        if (status is None or status < 400) and not (body and is_rpc_error(body)):
            return None
        return Observation(where, status, headers, body)

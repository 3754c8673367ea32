"""Raw HTTP response dumps: ``curl -i`` output, proxy and packet captures as text.

A dump holds one or more responses, each a status line (``HTTP/1.1 401
Unauthorized``, ``HTTP/2 429``), headers, a blank line and a body — as long as
``Content-Length`` says, de-chunked for ``Transfer-Encoding: chunked``, else up
to the next status line. Responses with status 400 or more (or a JSON-RPC
error in a 2xx) are observations. Read whole up to :data:`MAX_DOCUMENT`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from errdex.reality.evidence import EvidenceError, Observation
from errdex.reality.evidence.rpc import is_rpc_error
from errdex.reality.evidence.stream import Reader

MAX_DOCUMENT = 1 << 29
STATUS_LINE = re.compile(rb"^HTTP/[0-9](?:\.[0-9])? ([1-5][0-9][0-9])(?: [^\r\n]*)?\r?\n", re.M)


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while pos < len(body):
        end = body.find(b"\n", pos)
        if end < 0:
            break
        size_text = body[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return body
        if size == 0:
            break
        start = end + 1
        out += body[start : start + size]
        pos = start + size
        if body[pos : pos + 2] == b"\r\n":
            pos += 2
        elif body[pos : pos + 1] == b"\n":
            pos += 1
    return bytes(out)


class Dump(Reader):
    """The error responses of a raw HTTP dump."""

    kind = "dump"

    def __iter__(self) -> Iterator[Observation]:
        data = self.stream.read(MAX_DOCUMENT + 1)
        if len(data) > MAX_DOCUMENT:
            raise EvidenceError(f"{self.name}: a dump over {MAX_DOCUMENT >> 20} MiB")
        starts = list(STATUS_LINE.finditer(data))
        if not starts:
            raise EvidenceError(f"{self.name}: no HTTP response in it (no 'HTTP/1.1 NNN' line)")
        for i, match in enumerate(starts):
            self.records += 1
            limit = starts[i + 1].start() if i + 1 < len(starts) else len(data)
            # from the status line's own line end, so a response with no header finds it
            head_end = data.find(b"\n\r\n", match.end() - 1, limit)
            sep = 3
            if head_end < 0:
                head_end, sep = data.find(b"\n\n", match.end() - 1, limit), 2
            if head_end < 0:
                head_end, sep = limit, 0
            headers: list[tuple[str, str]] = []
            for raw in data[match.end() : head_end + 1].splitlines():
                name, colon, value = raw.decode("latin-1").partition(":")
                if colon and name.strip():
                    headers.append((name.strip(), value.strip()))
            body_start = head_end + sep if sep else limit
            body = data[body_start:limit]
            fields = {k.lower(): v for k, v in headers}
            self.window.see(fields.get("date"))
            if "chunked" in fields.get("transfer-encoding", "").lower():
                body = _dechunk(body)
            else:
                length = fields.get("content-length", "")
                body = body[: int(length)] if length.isdigit() else body.rstrip(b"\r\n")
            status = int(match.group(1))
            if status < 400 and not is_rpc_error(body):
                continue
            line = data.count(b"\n", 0, match.start()) + 1
            yield Observation(f"{self.name}:{line}", status, tuple(headers), body)

"""Which reader an evidence file needs: by ``--as``, else by its name and first bytes."""

from __future__ import annotations

from errdex.reality.evidence import EvidenceError
from errdex.reality.evidence.dump import Dump
from errdex.reality.evidence.fields import Fields
from errdex.reality.evidence.har import Har
from errdex.reality.evidence.jsonl import JsonLines
from errdex.reality.evidence.otlp import Otlp
from errdex.reality.evidence.stream import Prefixed, Readable, Reader

KINDS = ("jsonl", "otlp", "har", "dump")
SNIFF = 1 << 16


def sniff(name: str, head: bytes) -> str:
    """The kind of evidence a file holds, from its name and first bytes."""
    lowered = name.lower().removesuffix(".gz")
    if lowered.endswith(".har"):
        return "har"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"HTTP/"):
        return "dump"
    if b'"resourceSpans"' in head or b'"resourceMetrics"' in head:
        return "otlp"
    if text.startswith(b"{") and b'"log"' in head[:4096] and b'"entries"' in head:
        return "har"
    return "jsonl"


def reader_for(
    stream: Readable, name: str, kind: str | None, fields: Fields, catalog_id: str | None
) -> Reader:
    """The reader of one evidence stream; ``kind`` forces one of :data:`KINDS`."""
    head = stream.read(SNIFF)
    if kind is None:
        kind = sniff(name, head)
    elif kind not in KINDS:
        raise EvidenceError(f"unknown evidence kind {kind!r}: use one of {', '.join(KINDS)}")
    whole = Prefixed(head, stream)
    if kind == "otlp":
        return Otlp(whole, name, catalog_id)
    if kind == "har":
        return Har(whole, name)
    if kind == "dump":
        return Dump(whole, name)
    return JsonLines(whole, name, fields)

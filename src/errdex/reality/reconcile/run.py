"""One reconciliation: read every evidence file, judge every error, count the drift.

Each evidence file is read by its reader (:mod:`errdex.reality.evidence`); each
error it shows is judged (:mod:`.judge`: once per distinct observation) and
counted in a :class:`~errdex.reality.reconcile.tally.Tally` with bounded tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from errdex.model import Catalog, Entry
from errdex.reality.evidence import EvidenceError, Observation
from errdex.reality.evidence.detect import KINDS, reader_for
from errdex.reality.evidence.fields import FieldError, Fields, fields
from errdex.reality.evidence.stream import opened
from errdex.reality.profiles import unknown_profile
from errdex.reality.reconcile.judge import Judge
from errdex.reality.reconcile.tally import (
    MAX_CODES,
    MAX_MESSAGES,
    SAMPLE,
    Seen,
    Source,
    Tally,
    Uncoded,
    Unknown,
    bump,
)


class ReconcileError(Exception):
    """Raised when reconciliation cannot run (an unreadable file, a bad option);
    ``str()`` says what and how to fix it (the command exits 2)."""


class Result(NamedTuple):
    """A reconciliation: the counts, and the entries production never sent."""

    catalog: Catalog
    tally: Tally
    profile: str
    never: tuple[Entry, ...]

    @property
    def drift(self) -> bool:
        """Whether production contradicts the catalog: unknown codes, other statuses
        or envelopes, messages no template explains, removed codes sent."""
        t = self.tally
        return bool(
            t.unknown
            or t.unknown_overflow
            or any(s.status_drift or s.envelope_drift or s.unmatched for s in t.seen.values())
            or any(e.is_removed for e in self._seen_entries())
        )

    def _seen_entries(self) -> Iterable[Entry]:
        index = {(e.space, e.key): e for e in self.catalog.entries}
        return (index[k] for k in self.tally.seen if k in index)


def _count(tally: Tally, judge: Judge, obs: Observation) -> None:
    got = judge.judge(obs)
    times = obs.times
    tally.errors += times
    entry = got.entry
    if entry is not None:
        tally.catalog_errors += times
        seen_key = (entry.space, entry.key)
        seen = tally.seen.get(seen_key)
        if seen is None:
            seen = tally.seen[seen_key] = Seen(first=obs.where)
        seen.times += times
        status = obs.status
        if status is not None:
            statuses = seen.statuses
            if status in statuses:  # the common case, as bump() would do it
                statuses[status] += times
            else:
                bump(statuses, status, times, 64)
            if got.documented is not None and status != got.documented:
                bump(seen.status_drift, (got.profile, got.documented, status), times, 64)
        envelope = got.envelope
        if envelope is not None:
            envelopes = seen.envelopes
            if envelope in envelopes:
                envelopes[envelope] += times
            else:
                bump(envelopes, envelope, times, 16)
            if envelope != judge.profile:
                bump(seen.envelope_drift, envelope, times, 16)
        if got.unmatched and got.message is not None:
            if not seen.unmatched_first:
                seen.unmatched_first = obs.where
            if not bump(seen.unmatched, got.message[:500], times, MAX_MESSAGES):
                seen.unmatched_overflow += times
        return
    if got.code is None:
        bucket = tally.uncoded.get(obs.status)
        if bucket is None:
            sample = obs.body[:SAMPLE] if obs.body is not None else None
            bucket = tally.uncoded[obs.status] = Uncoded(first=obs.where, sample=sample)
        bucket.times += times
        return
    key = (got.space, str(got.code))
    unknown = tally.unknown.get(key)
    if unknown is None:
        if len(tally.unknown) >= MAX_CODES:
            tally.unknown_overflow += times
            return
        sample = obs.body[:SAMPLE] if obs.body is not None else None
        guess = judge.matcher.guess(got.message) if got.message else None
        unknown = tally.unknown[key] = Unknown(
            got.code, got.space, got.module, first=obs.where, sample=sample, guess=guess
        )
    unknown.times += times
    if obs.status is not None:
        bump(unknown.statuses, obs.status, times, 64)
    if got.message:
        bump(unknown.messages, got.message[:500], times, MAX_MESSAGES)


def in_scope(entry: Entry, modules: Sequence[str], spaces: Sequence[str]) -> bool:
    """Whether an entry belongs to the part of the catalog the evidence covers."""
    if modules and entry.module not in modules:
        return False
    return not spaces or entry.space in spaces


def reconcile(
    catalog: Catalog,
    paths: Sequence[str],
    *,
    kind: str | None = None,
    field_paths: Iterable[str] = (),
    profile: str | None = None,
    modules: Sequence[str] = (),
    spaces: Sequence[str] = (),
) -> Result:
    """Read the evidence files (``-`` is standard input) and count what they show."""
    chosen = profile or catalog.verify.profile or "problem"
    problem = unknown_profile(catalog, chosen)
    if problem is not None:
        raise ReconcileError(problem)
    if kind is not None and kind not in KINDS:
        raise ReconcileError(f"unknown evidence kind {kind!r}: use one of {', '.join(KINDS)}")
    unknown_scope = [m for m in modules if m not in catalog.modules]
    if unknown_scope:
        raise ReconcileError(f"the catalog has no module {unknown_scope[0]!r}")
    try:
        paths_of: Fields = fields(field_paths)
    except FieldError as exc:
        raise ReconcileError(str(exc)) from None
    judge = Judge(catalog, chosen)
    tally = Tally()
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            with opened(path) as stream:
                reader = reader_for(stream, name, kind, paths_of, catalog.meta.id)
                source = Source(name, reader.kind)
                before = tally.errors
                for obs in reader:
                    _count(tally, judge, obs)
                source.errors = tally.errors - before
                source.records = reader.records
                source.malformed = reader.malformed
                source.first_malformed = reader.first_malformed
                source.long_lines = reader.long_lines
                source.first_time, source.last_time = reader.window.texts()
                tally.sources.append(source)
        except EvidenceError as exc:
            raise ReconcileError(str(exc)) from None
    never = tuple(
        e
        for e in catalog.entries
        if not e.is_removed and (e.space, e.key) not in tally.seen and in_scope(e, modules, spaces)
    )
    return Result(catalog, tally, chosen, never)

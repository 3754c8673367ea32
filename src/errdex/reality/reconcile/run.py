"""One reconciliation: read every evidence file, judge every error, count the drift.

Each observation is decoded with :func:`errdex.decode` — the body when the
evidence kept one, else the code and message it names — and judged once per
distinct (status, body, code, message, space): the judgement is cached
(:data:`CACHE`), so a log of a million identical 429s costs one decode. A
judgement says which entry it is (or that the code is unknown, or that there
is no code), which envelope the body is in (the profile whose reference
rendering has the body's keys), the status the catalog documents for that
envelope, and whether the message comes from one of the entry's templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import orjson

from errdex.model import Catalog, Entry, normalize_code
from errdex.reality.evidence import EvidenceError, Observation
from errdex.reality.evidence.detect import KINDS, reader_for
from errdex.reality.evidence.fields import FieldError, Fields, fields
from errdex.reality.evidence.stream import opened
from errdex.reality.profiles import profile_names, unknown_profile
from errdex.reality.reconcile.match import Matcher
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
from errdex.reality.shape import body_shape
from errdex.runtime import decode, error_of, render

CACHE = 16_384
"""Distinct observations whose judgement is kept."""


class ReconcileError(Exception):
    """Raised when reconciliation cannot run (an unreadable file, a bad option);
    ``str()`` says what and how to fix it (the command exits 2)."""


class Judgement(NamedTuple):
    """What one distinct observation is."""

    entry: Entry | None
    code: Any
    space: str | None
    module: str | None
    envelope: str | None
    """The profile the body is in, ``keys …`` for an unknown shape, None without a body."""
    documented: int | None
    """The status the catalog documents for the entry in that envelope."""
    profile: str
    message: str | None
    unmatched: bool


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


class _Judge:
    """Judges observations against one catalog, with caches of every derived fact."""

    def __init__(self, catalog: Catalog, profile: str) -> None:
        self.catalog = catalog
        self.profile = profile
        self.profiles = (
            profile,
            *[p for p in profile_names(catalog) if p != profile],
        )
        self.matcher = Matcher(catalog)
        self.cache: dict[tuple[Any, ...], Judgement] = {}
        self._references: dict[tuple[int, str], tuple[int, frozenset[str]] | None] = {}

    def reference(self, entry: Entry, profile: str) -> tuple[int, frozenset[str]] | None:
        """The status and body shape the runtime renders for ``entry`` in ``profile``."""
        key = (id(entry), profile)
        if key not in self._references:
            found: tuple[int, frozenset[str]] | None = None
            if not entry.is_removed:
                try:
                    err = error_of(self.catalog, entry.key, space=entry.space)
                    rendered = render(err, profile)
                    found = (rendered.status, body_shape(orjson.loads(rendered.body)))
                except Exception:  # an entry the runtime cannot render here: no reference
                    found = None
            self._references[key] = found
        return self._references[key]

    def envelope(self, entry: Entry, shape: frozenset[str]) -> str:
        """The profile whose reference rendering of ``entry`` has the body's keys."""
        for profile in self.profiles:
            ref = self.reference(entry, profile)
            if ref is not None and ref[1] and ref[1] <= shape:
                return profile
        return "keys " + ", ".join(sorted(shape)) if shape else "not a JSON object"

    def judge(self, obs: Observation) -> Judgement:
        key = (obs.status, obs.body, obs.code, obs.message, obs.space)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= CACHE:
                self.cache.clear()
            found = self.cache[key] = self._judge(obs)
        return found

    def _judge(self, obs: Observation) -> Judgement:
        if obs.body is not None:
            err = decode(obs.status, obs.headers, obs.body, catalog=self.catalog)
        else:
            err = decode(
                obs.status, None, {"code": obs.code, "message": obs.message}, catalog=self.catalog
            )
            if obs.space and obs.code is not None:
                try:
                    named = self.catalog.get(normalize_code(obs.code), obs.space)
                except TypeError:
                    named = None
                if named is not None:
                    err.entry = named
        entry = err.entry
        message = err.message if obs.body is not None else obs.message
        message = message if isinstance(message, str) and message.strip() else None
        envelope = None
        profile = self.profile
        if entry is not None and obs.body is not None and not entry.is_removed:
            try:
                shape = body_shape(orjson.loads(obs.body))
            except orjson.JSONDecodeError:
                shape = frozenset()
            envelope = self.envelope(entry, shape)
            if envelope in self.profiles:
                profile = envelope
        documented = None
        unmatched = False
        if entry is not None:
            ref = self.reference(entry, profile)
            documented = ref[0] if ref is not None else None
            if message is not None and err.variant is None and self.matcher.has_templates(entry):
                unmatched = not self.matcher.matches(entry, message)
        return Judgement(
            entry,
            err.code,
            err.space,
            err.module,
            envelope,
            documented,
            profile,
            message,
            unmatched,
        )


def _count(tally: Tally, judge: _Judge, obs: Observation) -> None:
    got = judge.judge(obs)
    times = obs.times
    tally.errors += times
    entry = got.entry
    if entry is not None:
        tally.catalog_errors += times
        seen = tally.seen.get((entry.space, entry.key))
        if seen is None:
            seen = tally.seen[(entry.space, entry.key)] = Seen(first=obs.where)
        seen.times += times
        if obs.status is not None:
            bump(seen.statuses, obs.status, times, 64)
            if got.documented is not None and obs.status != got.documented:
                bump(seen.status_drift, (got.profile, got.documented, obs.status), times, 64)
        if got.envelope is not None:
            bump(seen.envelopes, got.envelope, times, 16)
            if got.envelope != judge.profile:
                bump(seen.envelope_drift, got.envelope, times, 16)
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
    judge = _Judge(catalog, chosen)
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
                tally.sources.append(source)
        except EvidenceError as exc:
            raise ReconcileError(str(exc)) from None
    never = tuple(
        e
        for e in catalog.entries
        if not e.is_removed and (e.space, e.key) not in tally.seen and in_scope(e, modules, spaces)
    )
    return Result(catalog, tally, chosen, never)

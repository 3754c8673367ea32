"""Judging one observation: which entry it is, in which envelope, with which drift.

Each observation is decoded with :func:`errdex.decode` — the body when the
evidence kept one, else the code and message it names — and judged once per
distinct (status, body, code, message, space): the judgement is cached
(:data:`CACHE`), so a log of a million identical 429s costs one decode. A
judgement says which entry it is (or that the code is unknown, or that there
is no code), which envelope the body is in (the profile whose reference
rendering has the body's keys), the status the catalog documents for that
envelope, and whether the message comes from one of the entry's templates.

Most distinct bodies of a log differ only in their message and parameters (an
age, an id); the ones whose entry the catalog's own rules settle without the
message are judged by :class:`~errdex.reality.reconcile.shortcut.Shortcut`,
which gives what the full decode gives (tested side by side) at a fraction of
its cost.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from errdex.model import Catalog, Entry, Variant, normalize_code
from errdex.reality.evidence import Observation
from errdex.reality.profiles import profile_names
from errdex.reality.reconcile.match import Matcher
from errdex.reality.reconcile.shortcut import Shortcut
from errdex.reality.shape import body_shape
from errdex.runtime import decode, error_of, render

CACHE = 16_384
"""Distinct observations whose judgement is kept."""


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


class Judge:
    """Judges observations against one catalog, with caches of every derived fact."""

    def __init__(self, catalog: Catalog, profile: str, *, shortcut: bool = True) -> None:
        self.catalog = catalog
        self.shortcut = Shortcut(catalog) if shortcut else None
        """None: every body is decoded in full (the reference the shortcut is tested against)."""
        self.profile = profile
        self.profiles = (
            profile,
            *[p for p in profile_names(catalog) if p != profile],
        )
        self.matcher = Matcher(catalog)
        self.cache: dict[tuple[Any, ...], Judgement] = {}
        self._references: dict[tuple[int, str], tuple[int, frozenset[str]] | None] = {}
        self._envelopes: dict[tuple[int, frozenset[str]], str] = {}

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
        key = (id(entry), shape)
        found = self._envelopes.get(key)
        if found is None:
            if len(self._envelopes) >= CACHE:
                self._envelopes.clear()
            found = self._envelopes[key] = self._envelope(entry, shape)
        return found

    def _envelope(self, entry: Entry, shape: frozenset[str]) -> str:
        for profile in self.profiles:
            ref = self.reference(entry, profile)
            if ref is not None and ref[1] and ref[1] <= shape:
                return profile
        return "keys " + ", ".join(sorted(shape)) if shape else "not a JSON object"

    def judge(self, obs: Observation) -> Judgement:
        """What ``obs`` is; worked out once per distinct (status, body, code, message,
        space) while the cache holds it."""
        key = (obs.status, obs.body, obs.code, obs.message, obs.space)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= CACHE:
                self.cache.clear()
            found = self.cache[key] = self._judge(obs)
        return found

    def _judge(self, obs: Observation) -> Judgement:
        shape: frozenset[str] = frozenset()
        if obs.body is not None:
            # parsed once: the shape, and decode's input when it is an object or a batch
            # (decode parses bytes to the same value; anything else is left to it)
            body: Any = obs.body
            try:
                parsed = orjson.loads(body)
            except orjson.JSONDecodeError:
                parsed = None
            else:
                shape = body_shape(parsed)
                if type(parsed) is dict:
                    quick = self.shortcut.judge(parsed) if self.shortcut is not None else None
                    if quick is not None:
                        return self._finish(quick[0], quick[1], quick[2], None, shape, True)
                    body = parsed
                elif type(parsed) is list:
                    body = parsed
            err = decode(obs.status, obs.headers, body, catalog=self.catalog)
            if err.entry is not None and self.shortcut is not None:
                self.shortcut.learn(err.entry, (err.code, err.space, err.module))
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
        message = err.message if obs.body is not None else obs.message
        return self._finish(
            err.entry,
            (err.code, err.space, err.module),
            message,
            err.variant,
            shape,
            obs.body is not None,
        )

    def _finish(
        self,
        entry: Entry | None,
        facts: tuple[Any, str | None, str | None],
        message: Any,
        variant: Variant | None,
        shape: frozenset[str],
        has_body: bool,
    ) -> Judgement:
        """The judgement of a decoded error: its entry, its class's code, space and
        module, the message it was sent with and the variant that message is."""
        message = message if isinstance(message, str) and message.strip() else None
        envelope = None
        profile = self.profile
        if entry is not None and has_body and not entry.is_removed:
            envelope = self.envelope(entry, shape)
            if envelope in self.profiles:
                profile = envelope
        documented = None
        unmatched = False
        if entry is not None:
            ref = self.reference(entry, profile)
            documented = ref[0] if ref is not None else None
            if message is not None and variant is None and self.matcher.has_templates(entry):
                unmatched = not self.matcher.matches(entry, message)
        code, space, module = facts
        return Judgement(
            entry, code, space, module, envelope, documented, profile, message, unmatched
        )

"""The judge's shortcut gives, body by body, what the full decode gives.

Bodies are the runtime's own renderings of every entry of three catalogs (one
with shared codes, variants and removed codes), then changed the ways logs
change them: another message, none, a code spelled otherwise or missing, an
``error`` member, a space named, long or non-text messages, other headers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shop_service import catalog as shop

import errdex
from catalogs import ROOT
from errdex.reality.evidence import Observation
from errdex.reality.reconcile import judge as judging
from errdex.reality.reconcile import reconcile
from errdex.reality.reconcile.judge import Judge
from errdex.reality.reconcile.report import as_dict
from errdex.runtime import error_of

MIXED = """
[catalog]
id = "mixed"

[spaces.app]
kind = "app"

[spaces.other]
kind = "app"

[spaces.http]
kind = "http"

[[errors]]
code = 1054
space = "app"
message = "Unknown column {name}."

[[errors]]
code = 1054
space = "other"
message = "Quota exceeded."
http_status = 429

[[errors]]
code = "NET-7"
space = "app"
message = "Upstream failed."
http_status = 502

[[errors.variants]]
message = "already known"

[[errors]]
code = "NET-8"
space = "app"
message = "Timed out after {seconds} s."
http_status = 504

[[errors]]
code = 404
space = "http"
message = "Not found."

[[errors]]
code = "OLD-1"
space = "app"
status = "removed"
reason = "gone"
"""


def _catalogs() -> dict[str, errdex.Catalog]:
    return {
        "shop": shop(),
        "mixed": errdex.loads(MIXED, name="mixed.toml"),
        "alchemy": errdex.load(ROOT / "examples" / "alchemy"),
    }


CATALOGS = _catalogs()


def _renderings(cat: errdex.Catalog) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for entry in cat.entries:
        if entry.is_removed:
            body = {"type": "about:blank", "title": "Gone", "status": 410, "code": entry.code}
            out.append((410, body))
            continue
        try:
            err = error_of(cat, entry.key, space=entry.space)
        except Exception:
            continue
        for profile in ("problem", "jsonrpc", "google"):
            try:
                rendered = errdex.render(err, profile)
            except Exception:
                continue
            doc = orjson.loads(rendered.body)
            if type(doc) is dict:
                out.append((rendered.status, doc))
    return out


RENDERINGS = {name: _renderings(cat) for name, cat in CATALOGS.items()}
MISSING: Any = object()
texts = st.sampled_from(
    [
        "",
        "  ",
        "The token expired 12 seconds ago.",
        "already known",
        "Already known: 0xabc",
        "Quota exceeded.",
        "Unknown column id.",
        "Session is gone.",
        "x" * 300,
        "y" * 2000,
    ]
)


def _codes(cat: errdex.Catalog) -> list[Any]:
    codes: list[Any] = [e.code for e in cat.entries][:40]
    codes += [str(c).lower() for c in codes[:5]] + ["NOPE-1", 999_999, True, None, 1.5, [1]]
    return codes


@st.composite
def observations(draw: st.DrawFn, name: str) -> Observation:
    status, base = draw(st.sampled_from(RENDERINGS[name]))
    doc = dict(base)
    for key, values in (
        ("detail", st.one_of(st.just(MISSING), st.none(), texts, st.integers(-(10**6), 10**6))),
        ("title", st.one_of(st.just(MISSING), st.none(), texts)),
        ("code", st.one_of(st.just(MISSING), st.sampled_from(_codes(CATALOGS[name])))),
        ("type", st.just(MISSING)),
        ("error", st.one_of(st.just("x"), st.just({"code": 1054, "message": "m"}))),
        ("space", st.sampled_from(["app", "other", "http", "nope"])),
        ("params", st.fixed_dictionaries({"age": st.integers(0, 9)})),
    ):
        if draw(st.integers(0, 3)) == 0:
            value = draw(values)
            if value is MISSING:
                doc.pop(key, None)
            else:
                doc[key] = value
    headers = draw(st.sampled_from([(), (("Content-Type", "application/problem+json"),)]))
    sent = draw(st.sampled_from([status, 200, 403, None]))
    return Observation("log:1", sent, headers, orjson.dumps(doc))


def _agree(name: str, seen: list[Observation]) -> int:
    cat = CATALOGS[name]
    fast, slow = Judge(cat, "problem"), Judge(cat, "problem", shortcut=False)
    assert fast.shortcut is not None
    for status, doc in RENDERINGS[name]:  # each entry decoded once in full: its facts learned
        fast._judge(Observation("log:1", status, (), orjson.dumps(doc)))
    hits = 0
    for obs in seen:
        hits += fast.shortcut.judge(orjson.loads(obs.body or b"{}")) is not None
        assert fast._judge(obs) == slow._judge(obs), obs
    return hits


@pytest.mark.parametrize("name", sorted(CATALOGS))
def test_the_shortcut_judges_as_the_full_decode(name: str) -> None:
    total = 0

    @settings(max_examples=150, deadline=None)
    @given(st.lists(observations(name), min_size=1, max_size=40))
    def check(seen: list[Observation]) -> None:
        nonlocal total
        total += _agree(name, seen)

    check()
    assert total > 20  # the shortcut was taken, not only the full decode


@pytest.mark.parametrize(
    "doc",
    [
        {"title": "x", "type": "about:blank", "code": "NET-7", "detail": "Already known: 0xabc"},
        {"title": "x", "type": "about:blank", "code": "NET-7", "detail": "already known"},
        {"title": "Timed out after 3 s.", "type": "about:blank", "code": "NET-8"},
        {"title": "x", "type": "about:blank", "code": "NET-8", "detail": None},
        {"detail": "Timed out after 3 s.", "code": "net-8"},
        {"detail": "Timed out after 3 s.", "code": "NET-8", "error": "x"},
        {"detail": "Unknown column id.", "code": 1054, "space": "other"},
        {"detail": "z" * 2000, "code": "NET-8"},
        {"detail": "Gone.", "code": "OLD-1"},
        {"detail": "Nothing here.", "code": 404, "space": "http"},
    ],
)
def test_the_cases_the_shortcut_must_leave_or_take_agree(doc: dict[str, Any]) -> None:
    name = "mixed"
    seen = [Observation("log:1", status, (), orjson.dumps(doc)) for status in (502, 200, None)]
    _agree(name, seen)


def test_the_shortcut_is_taken_for_the_renderings_of_errdex_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cat = CATALOGS["shop"]
    decoded = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        decoded.append(args)
        return errdex.decode(*args, **kwargs)

    monkeypatch.setattr(judging, "decode", counting)
    fast, slow = Judge(cat, "problem"), Judge(cat, "problem", shortcut=False)
    for age in range(50):
        body = errdex.render(cat.error("AUTH-ERR-4", age=age), "problem").body
        obs = Observation("log:1", 401, (), body)
        assert fast._judge(obs) == slow._judge(obs)
    assert len(decoded) == 51  # the slow judge's 50, and the fast one's first


def test_a_reconciliation_is_the_same_without_the_shortcut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat = CATALOGS["shop"]
    lines = []
    for i in range(400):
        code = ["AUTH-ERR-4", "AUTH-ERR-5", "AUTH-ERR-1", "AUTH-ERR-77", "LIM-1"][i % 5]
        body = {"type": "about:blank", "title": "x", "status": 401, "code": code}
        if i % 3:
            body["detail"] = f"The token expired {i} seconds ago." if i % 7 else "Session is gone."
        lines.append(orjson.dumps({"status": 401 + i % 3, "response": {"body": body}}))
    log = tmp_path / "access.log"
    log.write_bytes(b"\n".join(lines) + b"\n")
    fast = as_dict(reconcile(cat, [str(log)]))
    monkeypatch.setattr(judging, "Shortcut", _Never)
    assert as_dict(reconcile(cat, [str(log)])) == fast


class _Never:
    """A shortcut that never applies: every body is decoded in full."""

    def __init__(self, catalog: Any) -> None:
        self.facts: dict[int, Any] = {}

    def learn(self, entry: Any, facts: Any) -> None:
        pass

    def judge(self, body: Any) -> None:
        return None

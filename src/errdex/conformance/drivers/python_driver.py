"""Conformance driver for generated Python: ``python -I -S driver.py MODULE < vectors.jsonl``.

Uses only the standard library and the generated module's public API (errdex
must not be importable): builds each render case's error with ``error_for``,
renders it with ``render`` / ``render_batch``, decodes each decode case with
``decode`` / ``decode_batch``, and prints one ``{"vector", "got"|"error"}``
line per case (docs/wire.md §2).
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import sys
from typing import Any

BOOM = "boom: a failure outside the catalog"


def body_fields(body: bytes) -> dict[str, str]:
    try:
        return {"body": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"body_b64": base64.b64encode(body).decode("ascii")}


def body_bytes(case: dict[str, Any]) -> bytes:
    if "body_b64" in case:
        return base64.b64decode(case["body_b64"])
    text = str(case.get("body", ""))
    return text.encode("utf-8", "surrogatepass")


def build(mod: Any, item: dict[str, Any]) -> BaseException:
    code = item.get("code")
    if code is None:
        return RuntimeError(BOOM)
    params = {k: v for k, v in (item.get("params") or {}).items() if v is not None}
    options: dict[str, Any] = {"params": params}
    if "data" in item:
        options["data"] = item["data"]
    if item.get("variant") is not None:
        options["variant"] = item["variant"]
    if item.get("sub_errors"):
        options["sub_errors"] = [build(mod, sub) for sub in item["sub_errors"]]
    space = item.get("space")
    cls = mod.lookup(code, space)
    err = cls(**options)
    for where in ("pointer", "parameter"):  # a sub-error's field
        if isinstance(item.get(where), str):
            setattr(err, where, item[where])
    return err  # type: ignore[no-any-return]


def rendered(out: Any) -> dict[str, Any]:
    return {
        "status": out.status,
        "headers": [[k, v] for k, v in out.headers],
        **body_fields(out.body),
    }


def decoded(err: Any) -> dict[str, Any]:
    entry = err.entry
    return {
        "code": err.code,
        "space": err.space,
        "entry": None if entry is None else (entry.name or str(entry.code)),
        "variant": err.variant,
        "message": err.message,
        "status": err.status if type(err.status) is int else None,
        "params": dict(err.params),
        "retryable": err.retryable,
        "retry_after": err.retry_after,
        "sub_errors": [decoded(sub) for sub in err.sub_errors],
    }


def run(mod: Any, case: dict[str, Any], now: Any) -> dict[str, Any]:
    kind = case["kind"]
    if kind == "render":
        error = build(mod, case)
        return rendered(
            mod.render(error, case["profile"], locale=case.get("locale"), id=case.get("id"))
        )
    if kind == "render_batch":
        items: list[Any] = []
        for item in case["items"]:
            if "response" in item:
                items.append(item["response"])
            else:
                items.append((build(mod, item), item.get("id")))
        return rendered(mod.render_batch(items, locale=case.get("locale")))
    headers = [(k, v) for k, v in case.get("headers", [])]
    when = case.get("now", now)
    if kind == "decode":
        return decoded(mod.decode(case.get("status"), headers, body_bytes(case), now=when))
    if kind == "decode_batch":
        found = mod.decode_batch(case.get("status"), headers, body_bytes(case), now=when)
        return {"items": [None if e is None else decoded(e) for e in found]}
    raise ValueError(f"unsupported kind {kind!r}")


def main() -> int:
    sys.set_int_max_str_digits(0)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    mod = importlib.import_module(sys.argv[1])
    now = None
    out = sys.stdout
    for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        case = json.loads(line)
        if case.get("kind") == "header":
            now = case.get("now")
            continue
        answer: dict[str, Any] = {"vector": case.get("vector")}
        try:
            answer["got"] = run(mod, case, now)
        except Exception as exc:  # one failing case must not stop the others
            answer["error"] = f"{type(exc).__name__}: {exc}"
        text = json.dumps(answer, ensure_ascii=False)
        out.write(text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

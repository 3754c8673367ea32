"""Synthetic catalogs for benchmarks: N codes in M modules, as TOML and JSON text.

Entries look like real ones: a name, a message template with a placeholder, a
description and solution, an HTTP status, and (for one entry in ten) a zh-CN
translation with its source hash. The output is deterministic for given sizes.
"""

from __future__ import annotations

import json

from errdex.model import source_hash

WORDS = [
    "request",
    "token",
    "account",
    "balance",
    "channel",
    "project",
    "indexer",
    "service",
    "query",
    "signer",
    "deployment",
    "contract",
    "payload",
    "stream",
    "instance",
    "function",
    "resource",
    "quota",
    "window",
]


def catalog_data(n_codes: int = 100_000, n_modules: int = 100) -> dict:
    """Return catalog data (the TOML/JSON schema) with ``n_codes`` entries in ``n_modules``."""
    per_module = max(1, n_codes // n_modules)
    modules = {}
    errors = []
    for m in range(n_modules):
        lo = 100_000 + m * 10_000
        modules[f"mod{m:03d}"] = {
            "title": f"Module {m} errors",
            "range": [lo, lo + 9_999],
            "http_status": 400 + (m % 5),
        }
    for i in range(n_codes):
        m = min(i // per_module, n_modules - 1)
        code = 100_000 + m * 10_000 + (i - m * per_module)
        w1, w2 = WORDS[i % len(WORDS)], WORDS[(i * 7) % len(WORDS)]
        message = f"The {w1} {{{w2}_id}} is not valid."
        description = f"The {w1} named in the request does not match any {w2} the service knows."
        solution = f"Check the {w1} and send the request again."
        entry = {
            "code": code,
            "name": f"invalid{w1.title()}{w2.title()}{i}",
            "module": f"mod{m:03d}",
            "message": message,
            "description": description,
            "solution": solution,
            "retryable": i % 3 == 0,
        }
        if i % 10 == 0:
            entry["translations"] = {
                "zh-CN": {
                    "message": f"{{{w2}_id}} 无效。",
                    "description": "请求中的资源无效。",
                    "source_hash": source_hash(message, description, solution),
                }
            }
        errors.append(entry)
    return {
        "catalog": {
            "id": "synthetic",
            "title": "Synthetic catalog",
            "version": "1.0.0",
            "default_locale": "en",
            "locales": ["en", "zh-CN"],
            "docs_url": "https://errors.example.com/synthetic/{code}",
        },
        "modules": modules,
        "errors": errors,
    }


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def to_toml(data: dict) -> str:
    """Write catalog data as TOML text, the way a person writes a catalog file."""
    out = ["[catalog]"]
    out += [f"{k} = {_toml_value(v)}" for k, v in data["catalog"].items()]
    for mid, mod in data["modules"].items():
        out += ["", f"[modules.{mid}]"] + [f"{k} = {_toml_value(v)}" for k, v in mod.items()]
    for entry in data["errors"]:
        out += ["", "[[errors]]"]
        for k, v in entry.items():
            if k != "translations":
                out.append(f"{k} = {_toml_value(v)}")
        for locale, tr in entry.get("translations", {}).items():
            out += ["", f'[errors.translations."{locale}"]']
            out += [f"{k} = {_toml_value(v)}" for k, v in tr.items()]
    return "\n".join(out) + "\n"


def to_json(data: dict) -> str:
    """Write catalog data as JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def to_yaml(data: dict) -> str:
    """Write catalog data as YAML text (block style, keys in the data's order)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)

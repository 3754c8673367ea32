"""Identifiers for generated code: entry names to PascalCase, unique within one file.

One spelling serves every language, so ``csghub.InvalidJWT`` (Python),
``InvalidJWT`` (TypeScript), ``ErrInvalidJWT`` (Go) and
``ErrorKind::InvalidJWT`` (Rust) name the same entry. camelCase keeps its
capitals (``invalidJWT`` → ``InvalidJWT``); SCREAMING_SNAKE and snake_case
become PascalCase (``UNSUPPORTED_REQUEST`` → ``UnsupportedRequest``); an entry
without a name gets ``E<code>`` (``E1054``, ``EMinus32000``). Collisions get
the space appended, then a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from errdex.model import Entry

_WORD_RE = re.compile(r"[A-Za-z0-9]+")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def pascal_case(text: str) -> str:
    """Return ``text`` as a PascalCase identifier of ASCII letters and digits ("" if none)."""
    words = _WORD_RE.findall(_ascii(text))
    split = len(words) > 1 or "_" in text or "-" in text
    out = []
    for word in words:
        if split and word.isupper():
            word = word.lower()  # SCREAMING_SNAKE: each word is capitalised below
        out.append(word[:1].upper() + word[1:])
    return "".join(out)


def snake_case(text: str) -> str:
    """Return ``text`` as a lower snake_case identifier (for packages and modules)."""
    words = _WORD_RE.findall(_ascii(text))
    name = "_".join(w.lower() for w in words) or "errors"
    return f"e_{name}" if name[0].isdigit() else name


def code_ident(code: int | str) -> str:
    """Return the identifier part for a code: ``1054`` → ``1054``, ``-32000`` → ``Minus32000``."""
    if isinstance(code, int):
        return f"Minus{-code}" if code < 0 else str(code)
    return pascal_case(code) or "Code"


def base_ident(entry: Entry) -> str:
    """Return the preferred identifier of an entry before de-duplication."""
    name = pascal_case(entry.name) if entry.name else ""
    if not name:
        name = "E" + code_ident(entry.code)
    if name[0].isdigit():
        name = "E" + name
    return name


def entry_idents(entries: Iterable[Entry], reserved: Iterable[str] = ()) -> list[str]:
    """Return one unique identifier per entry, in order; ``reserved`` names are never used.

    Comparison is case-insensitive, so the result is also safe for file
    systems and languages that fold case.
    """
    taken = {r.casefold() for r in reserved}
    out = []
    for entry in entries:
        name = base_ident(entry)
        if name.casefold() in taken:
            name = name + pascal_case(entry.space)
        candidate, n = name, 2
        while candidate.casefold() in taken:
            candidate, n = f"{name}{n}", n + 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def module_idents(
    module_ids: Iterable[str], suffix: str, reserved: Iterable[str] = ()
) -> dict[str, str]:
    """Return module id → unique identifier ``<Module><suffix>`` (``auth`` → ``AuthError``)."""
    taken = {r.casefold() for r in reserved}
    out = {}
    for mid in module_ids:
        name = (pascal_case(mid) or "Module") + suffix
        if name[0].isdigit():
            name = "M" + name
        candidate, n = name, 2
        while candidate.casefold() in taken:
            candidate, n = f"{name}{n}", n + 1
        taken.add(candidate.casefold())
        out[mid] = candidate
    return out

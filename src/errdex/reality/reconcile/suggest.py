"""``--suggest FILE``: the codes production sent that the catalog lacks, as a patch.

The patch is a TOML fragment of ``[[errors]]`` tables for a person to review
and paste into the catalog: the code, its module and space where decoding
placed it, the most common message seen (verbatim; the next ones as
variants), the most common status, and a comment with the counts and where
it was first seen. errdex never writes it into the catalog itself.
"""

from __future__ import annotations

from typing import Any

import orjson

from errdex.reality.reconcile.run import Result
from errdex.reality.reconcile.tally import Unknown

INT64 = 1 << 63


def toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` exactly (controls and DEL escaped)."""
    quoted = orjson.dumps(text).decode()
    return quoted.replace("\x7f", "\\u007f")


def _code(code: Any) -> str:
    if type(code) is int and -INT64 <= code < INT64:
        return str(code)
    return toml_string(str(code))


def _comment(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def _entry(unknown: Unknown) -> list[str]:
    statuses = sorted(unknown.statuses.items(), key=lambda i: -i[1])
    messages = sorted(unknown.messages.items(), key=lambda i: -i[1])
    lines = [
        f"# seen {unknown.times} times, first at {_comment(unknown.first)}",
        "[[errors]]",
        f"code = {_code(unknown.code)}",
    ]
    if unknown.module:
        lines.append(f"module = {toml_string(unknown.module)}")
    elif unknown.space:
        lines.append(f"space = {toml_string(unknown.space)}")
    if messages:
        lines.append(f"message = {toml_string(messages[0][0])}")
    if statuses:
        lines.append(f"http_status = {statuses[0][0]}")
    if unknown.guess is not None:
        lines.append(
            f"# its message is the one of {_comment(str(unknown.guess.code))}: a swapped code?"
        )
    for message, _times in messages[1:5]:
        lines += ["", "[[errors.variants]]", f"message = {toml_string(message)}"]
    return lines


def patch(result: Result) -> str:
    """The TOML patch of every unknown code, most frequent first ('' when none)."""
    unknown = sorted(result.tally.unknown.values(), key=lambda u: -u.times)
    if not unknown:
        return ""
    head = [
        f"# errdex reconcile: {len(unknown)} {'code' if len(unknown) == 1 else 'codes'} "
        f"production sent that catalog {_comment(result.catalog.meta.id)} does not have.",
        "# Review each entry (name, description, solution) before adding it to the catalog.",
    ]
    blocks = ["\n".join(_entry(u)) for u in unknown]
    return "\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n"

"""errdex's own diagnostic ids: one literal table, like rustc's ``error_codes/lib.rs``.

Every id any command can emit — the loader, ``errdex check``, ``errdex scan``,
``errdex import``, ``errdex fmt``, ``errdex diff`` and the directory registry —
is one line below: id, slug, default severity, summary, and its *class*:

- ``invalid``: the catalog (or the input) is wrong on the wire or ambiguous;
  ``errdex.load`` and every command that consumes a catalog refuse it with a
  :class:`~errdex.io.load.CatalogError` listing these diagnostics;
- ``finding``: a report about content (an empty text, a typo, a status that
  contradicts its words); it never stops a load.

Do not remove a line and never reuse an id: a rule that is no longer emitted
stays here with ``retired`` saying since when and why (``tests/io/rule_ids.txt``
pins every id ever published). ``docs/rules.md`` has a section for each id.
The table does not depend on what was imported: :data:`RULES` is complete as
soon as this module is.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

INVALID: Final = "invalid"
FINDING: Final = "finding"
CLASSES: Final = (INVALID, FINDING)


class Rule(NamedTuple):
    """A diagnostic rule: stable id, slug, default severity, summary and class."""

    id: str
    slug: str
    severity: str
    summary: str
    kind: str = FINDING
    """``invalid`` (a load refuses the catalog) or ``finding`` (reported, never blocking)."""
    retired: str | None = None
    """Why and since when the rule is no longer emitted; None while it is live."""

    @property
    def is_invalid(self) -> bool:
        """Whether a diagnostic of this rule makes the catalog invalid."""
        return self.kind == INVALID


_I, _F = INVALID, FINDING

# fmt: off
TABLE: Final[tuple[Rule, ...]] = (
    # -- reading a catalog (errdex.io) ------------------------------------------------
    Rule("E001", "syntax", "error", "the file is not valid TOML, YAML or JSON", _I),
    Rule("E002", "unknown-field", "error", "a key the catalog format does not define", _I),
    Rule("E003", "wrong-type", "error", "a value of the wrong type", _I),
    Rule("E004", "missing-field", "error", "a required key is missing", _I),
    Rule("E005", "invalid-value", "error", "a value outside what the key allows", _I),
    Rule("E006", "unreadable", "error", "a catalog file or folder cannot be read", _I),
    Rule("E007", "bad-reference", "error", "a reference to a module, space or code that does not exist", _I),  # noqa: E501
    # -- errdex fmt ---------------------------------------------------------------------
    Rule("E090", "format-refused", "error", "errdex fmt refused to write a file: its formatted form would not load to the same catalog", _I),  # noqa: E501
    # -- the catalog's invariants and content (errdex check) -------------------------------
    Rule("E101", "duplicate-code", "error", "a code defined twice in one code space", _I),
    Rule("E102", "duplicate-name", "error", "a name given to two entries", _I),
    Rule("E103", "code-out-of-range", "error", "an integer code outside its module's range", _F),
    Rule("E104", "code-pattern", "error", "a code that does not match its module's prefix pattern", _F),  # noqa: E501
    Rule("E105", "missing-text", "error", "an entry with no text at all: no name, message, description, title or solution", _F),  # noqa: E501
    Rule("E106", "empty-text", "error", "a text that is empty or only whitespace", _F),
    Rule("E107", "placeholder-mismatch", "error", "a translation whose placeholders differ from the source message's", _F),  # noqa: E501
    Rule("E108", "template-syntax", "error", "a message template errdex cannot fill", _F),
    Rule("E109", "invalid-http-status", "error", "an HTTP status outside 100–599", _I),
    Rule("E110", "reserved-jsonrpc-code", "error", "a JSON-RPC code in the reserved -32768..-32000 range that is not allowed", _I),  # noqa: E501
    Rule("E111", "tombstone-reused", "error", "a removed code (a tombstone) used again by another entry", _I),  # noqa: E501
    Rule("E112", "unknown-code", "error", "replaced_by or internal_error naming a code the catalog does not have", _I),  # noqa: E501
    Rule("E113", "invalid-retry-after", "error", "a negative retry_after (seconds before a retry)", _I),  # noqa: E501
    Rule("E114", "integer-out-of-range", "error", "an integer no wire or target language can hold: codes and statuses beyond their real range, others beyond 2^53", _I),  # noqa: E501
    Rule("E115", "invalid-locale", "error", "a locale tag (in locales or a locale file's name) that is not BCP 47", _I),  # noqa: E501
    Rule("E116", "target-outside", "error", "a build target whose output is not a file inside the catalog's folder", _I),  # noqa: E501
    Rule("W201", "message-style", "warning", "a text styled unlike most of its module (final period, initial capital)", _F),  # noqa: E501
    Rule("W202", "typo", "warning", "a misspelling from codespell's dictionary of common typos", _F),  # noqa: E501
    Rule("W203", "unknown-word", "warning", "a word that is not English, occurs once, and is an edit or two from a common word", _F),  # noqa: E501
    Rule("W204", "comparative-that", "warning", "'less that', 'more that' …: 'than' is meant", _F),
    Rule("W205", "term-mismatch", "warning", "a 'Category: detail' text whose detail misspells the category's term", _F),  # noqa: E501
    Rule("W206", "name-only", "note", "an entry documented only by its name", _F),
    Rule("W207", "copied-text", "warning", "a solution or description copied from an entry it does not fit", _F),  # noqa: E501
    Rule("W208", "status-contradiction", "warning", "an HTTP status that contradicts what the entry says it is", _F),  # noqa: E501
    Rule("W209", "ambiguous-code", "warning", "one code with two meanings in two spaces that travel the same way", _F),  # noqa: E501
    Rule("W210", "static-permalink", "warning", "a permalink path a static host cannot serve from folders (errdex build --site moves its page)", _F),  # noqa: E501
    Rule("W301", "missing-translation", "warning", "an entry without a translation to a locale the catalog declares", _F),  # noqa: E501
    Rule("W302", "stale-translation", "warning", "a translation made from source texts that have changed since", _F),  # noqa: E501
    Rule("W701", "no-request-example", "warning", "an entry of a catalog that uses errdex verify has no request example", _F),  # noqa: E501
    # -- errdex diff -------------------------------------------------------------------
    Rule("C001", "unknown-change-kind", "warning", "a [[compat.allow]] names no kind of change", _F),  # noqa: E501
    # -- errdex import -----------------------------------------------------------------
    Rule("I001", "import-unplaced", "warning", "a part of an imported document that no catalog field holds", _F),  # noqa: E501
    Rule("I002", "import-guessed", "note", "an importer placed something by position or guessed a value", _F),  # noqa: E501
    # -- errdex scan -------------------------------------------------------------------
    Rule("S001", "undocumented-code", "error", "a code raised in source that the catalog lacks", _F),  # noqa: E501
    Rule("S002", "unused-code", "warning", "a catalog code that no scanned source raises", _F),
    Rule("S003", "swapped-code", "error", "a code sent with the catalog message of another code", _F),  # noqa: E501
    Rule("S004", "message-drift", "warning", "a code sent with a message the catalog does not have", _F),  # noqa: E501
    Rule("S005", "removed-code-raised", "error", "source raises a code the catalog tombstoned", _F),
    Rule("S006", "unparsable-source", "warning", "a source file that does not parse or is not text", _F),  # noqa: E501
    # -- the directory's registry (errdex serve / build --site) ------------------------
    Rule("E501", "duplicate-catalog", "error", "two catalogs of a registry have the same id", _I),
    Rule("E502", "registry-config", "error", "the registry config (errdex-registry.toml) is not usable", _I),  # noqa: E501
)
# fmt: on

RULES: Final[Mapping[str, Rule]] = MappingProxyType({r.id: r for r in TABLE})
"""Every rule errdex knows, by id (retired ones included)."""


def rule(id: str) -> Rule:
    """The rule with ``id``; a :class:`KeyError` names the table when the id is not in it."""
    try:
        return RULES[id]
    except KeyError:
        raise KeyError(f"rule {id!r} is not in errdex.io.rules.TABLE: add its line there") from None

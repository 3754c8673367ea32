"""The catalog io layer: read TOML/YAML/JSON into the model with source positions,
write canonical JSON, and describe the format as a JSON Schema."""

from errdex.io.diagnostic import RULES, Diagnostic, Rule, has_errors
from errdex.io.load import (
    CatalogError,
    find_catalogs,
    load,
    loads,
    read,
    read_valid,
    reads,
    refusals,
    validated,
)
from errdex.io.source import SourceFile

__all__ = [
    "RULES",
    "CatalogError",
    "Diagnostic",
    "Rule",
    "SourceFile",
    "find_catalogs",
    "has_errors",
    "load",
    "loads",
    "read",
    "read_valid",
    "reads",
    "refusals",
    "validated",
]

"""``errdex fmt``'s engine: the canonical layout of catalog files.

- :func:`format_text` — canonical text of one TOML or JSON catalog file (pure);
- :func:`format_checked` — the same, verified to read back to the same data
  and to be a fixed point (raises :class:`FormatError` otherwise);
- :func:`format_paths` — format files and folder catalogs on disk, verifying
  that the catalog loads the same; returns :class:`Formatted` results and
  writes nothing.

TOML keeps its comments (see :mod:`errdex.io.fmt.toml_format` for the rules);
JSON is re-indented with its keys in spec order; YAML is left as it is.
"""

from errdex.io.fmt.files import (
    FORMAT_REFUSED,
    FormatError,
    Formatted,
    format_checked,
    format_paths,
    format_text,
)

__all__ = [
    "FORMAT_REFUSED",
    "FormatError",
    "Formatted",
    "format_checked",
    "format_paths",
    "format_text",
]

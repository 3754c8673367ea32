"""Data for stdout, decided per destination: byte-exact into a file or a pipe, safe on a terminal.

What a command prints as data (``export``'s documents and JSON, ``i18n extract``'s
``.pot``, ``import``'s TOML) is exact bytes when stdout is a file or a pipe: a
tool reads it (gettext needs the template as written). When stdout is a
terminal, every control and bidi character a catalog text holds is shown as a
visible escape (:func:`errdex.io.terminal.safe_lines`), so no text acts on the
screen. Every such command writes through :func:`write_data`.
"""

from __future__ import annotations

import sys


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (False for a file, a pipe, or a test's capture)."""
    return bool(getattr(sys.stdout, "isatty", lambda: False)())


def for_stdout(data: bytes, terminal: bool) -> bytes:
    """``data`` as is into a pipe or a file; on a terminal, every control and bidi
    character as a visible escape, whatever the format — JSON, CSV and a ``.pot``
    are data and keep them raw, but never on a screen."""
    if not terminal:
        return data
    from errdex.io.terminal import safe_lines

    return safe_lines(data.decode("utf-8")).encode("utf-8")


def write_data(data: bytes) -> None:
    """Write ``data`` to stdout as :func:`for_stdout` decides for this destination."""
    sys.stdout.flush()
    sys.stdout.buffer.write(for_stdout(data, stdout_is_terminal()))
    sys.stdout.buffer.flush()

"""``Steps``: how long work (check, fmt, import, build) tells a caller how far it is.

The work calls ``progress(label, done, total)`` once per batch (a file read, a group of
rules run, a block of pages written), never per entry: ``label`` names what it is doing
now, ``done`` of ``total`` steps of it are finished (``total`` None: not known). The
command line turns the calls into a progress bar; a caller that passes None hears
nothing and pays nothing.
"""

from __future__ import annotations

from collections.abc import Callable

Steps = Callable[[str, int, "int | None"], None]
"""``progress(label, done, total)``: see the module docstring."""

__all__ = ["Steps"]

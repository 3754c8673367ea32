"""A reader that stops early (``errdex export x | head -1``): exit quietly, as other tools do.

When the reader of stdout (or stderr) goes away, the next write fails with
``BrokenPipeError``. Tools written in C die of SIGPIPE there, and the shell
reports status 141 (128 + 13). errdex does the same, once, for every command
(the command group calls :func:`closed`): nothing more is printed, no
traceback and no "Exception ignored" at exit, and the exit status is
:data:`EXIT_PIPE` -- not 1, which would claim a finding.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

EXIT_PIPE = 141
"""The exit status when the output was closed early: what a shell shows for SIGPIPE."""


def closed() -> NoReturn:
    """Point stdout and stderr at the null device (so the interpreter's final flush of
    anything still buffered has nowhere to fail) and exit :data:`EXIT_PIPE`."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):  # a test's capture
            os.dup2(devnull, stream.fileno())
    os.close(devnull)
    sys.exit(EXIT_PIPE)


def flush() -> None:
    """Flush stdout and stderr now, so a pipe closed early is seen here and not at exit."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()

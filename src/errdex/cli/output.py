"""What every reporting command shares: ``--format text|json`` (``--json`` its alias),
``--color auto|always|never``, and JSON written one way.

One rule for colour across commands: ``--color`` wins; else ``NO_COLOR`` (any
value) turns colour off and ``FORCE_COLOR`` (any value but ``0``) turns it on
even when the output is not a terminal; else colour follows the terminal.
``--color`` sets those two variables for the process, so every printer
(rich, the check reporters) follows the same choice.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("text", "json")


def format_option(func: F) -> F:
    """Add ``--format text|json`` and ``--json`` (same as ``--format json``) to a command;
    the command receives one keyword, ``output_format``."""

    @functools.wraps(func)
    def wrapper(*args: Any, output_format: str, as_json: bool, **kwargs: Any) -> Any:
        return func(*args, output_format="json" if as_json else output_format, **kwargs)

    wrapper = click.option(
        "--json", "as_json", is_flag=True, help="Same as --format json (print JSON for scripts)."
    )(wrapper)
    wrapper = click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="text for people, json for scripts.",
    )(wrapper)
    return wrapper  # type: ignore[return-value]


def apply_color(choice: str | None) -> None:
    """Make ``--color`` the rule for this process (see the module docstring)."""
    if choice == "always":
        os.environ.pop("NO_COLOR", None)
        os.environ["FORCE_COLOR"] = "1"
    elif choice == "never":
        os.environ.pop("FORCE_COLOR", None)
        os.environ["NO_COLOR"] = "1"


def _color_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    apply_color(value)


COLOR_OPTION = click.Option(
    ["--color"],
    type=click.Choice(["auto", "always", "never"]),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_color_callback,
    help="Colour the output: auto (on a terminal), always, never. "
    "Default: NO_COLOR / FORCE_COLOR, else auto.",
)
"""The ``--color`` option every command gets (added by the command group)."""


def color_enabled(stream: Any = None) -> bool:
    """Whether output to ``stream`` (default stdout) should be coloured, by the one rule."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def console() -> Any:
    """A rich console for stdout that follows the colour rule: no styles at all when colour
    is off, soft-wrapped (no hard line breaks) when stdout is not a terminal."""
    from rich.console import Console

    enabled = color_enabled(sys.stdout)
    tty = bool(getattr(sys.stdout, "isatty", lambda: False)())
    return Console(force_terminal=enabled, no_color=not enabled, soft_wrap=not tty, highlight=False)


PROGRESS_AT = 20_000
"""Work over at least this many items (about a second or more) shows a progress bar."""


@contextlib.contextmanager
def progress(label: str, total: int) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr for ``total`` items of long work, as a callback
    ``advance(done)``; None (no bar, nothing printed) when stderr is not a terminal or
    the work is small (under :data:`PROGRESS_AT` items). Colour follows the one rule."""
    tty = bool(getattr(sys.stderr, "isatty", lambda: False)())
    if not tty or total < PROGRESS_AT:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    enabled = color_enabled(sys.stderr)
    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True, no_color=not enabled, highlight=False),
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)


def write_json(data: Any) -> None:
    """Print ``data`` as indented JSON (UTF-8) on stdout, with a final newline."""
    import orjson

    sys.stdout.flush()
    sys.stdout.buffer.write(
        orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"
    )
    sys.stdout.buffer.flush()

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


def json_alias(dest: str) -> Callable[[F], F]:
    """Add ``--json`` (same as ``--format json``) to a command whose own ``--format``
    (with more choices than text and json) lands in the keyword ``dest``."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, json_alias_flag: bool, **kwargs: Any) -> Any:
            if json_alias_flag:
                kwargs[dest] = "json"
            return func(*args, **kwargs)

        flag = click.option(
            "--json", "json_alias_flag", is_flag=True, help="Same as --format json."
        )
        return flag(wrapper)  # type: ignore[return-value]

    return decorate


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

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """Leave a closed pipe to the command group's one rule (:mod:`errdex.cli.pipe`):
            rich's own handler would exit 1, which claims a finding."""
            self.quiet = True
            raise BrokenPipeError

    enabled = color_enabled(sys.stdout)
    tty = bool(getattr(sys.stdout, "isatty", lambda: False)())
    return _Console(
        force_terminal=enabled, no_color=not enabled, soft_wrap=not tty, highlight=False
    )


PROGRESS_DELAY = 1.0
"""Seconds of work before a progress bar appears: quicker work shows nothing at all.
``ERRDEX_PROGRESS_DELAY`` (seconds) overrides it, e.g. 0 to see the bar at once."""


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("ERRDEX_PROGRESS_DELAY", PROGRESS_DELAY)))
    except ValueError:
        return PROGRESS_DELAY


def progress_shown(stream: Any = None) -> bool:
    """Whether long work may show a progress bar on ``stream`` (default stderr): when it is
    a terminal, or ``FORCE_COLOR`` (any value but ``0``) says to behave as one."""
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


def _shown(label: str) -> str:
    """A label (it may hold a file name) as the bar prints it: controls visible, never
    raw, and no ``[…]`` read as rich markup."""
    from rich.markup import escape

    from errdex.io.terminal import safe_line

    return escape(safe_line(label))


class Ticker:
    """What long work tells of its progress; the bar it drives appears only once the work
    has run :data:`PROGRESS_DELAY` seconds (a timer starts it), so quick work prints
    nothing. Calls only record numbers (work calls it per batch, never per entry)."""

    def __init__(self, label: str, total: int | None) -> None:
        import threading

        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TimeElapsedColumn,
        )

        enabled = color_enabled(sys.stderr)
        self._bar = Progress(
            SpinnerColumn(),
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True, no_color=not enabled, highlight=False),
            transient=True,
            refresh_per_second=5,  # drawn on rich's own thread, a few times a second
            redirect_stdout=False,  # stdout (JSON, TOML, a document) never carries a byte of it
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(_shown(label), total=total)
        self._lock = threading.Lock()
        self._state = "waiting"  # then "shown", and "closed" at the end
        delay = _delay()
        self._timer: threading.Timer | None = None
        if delay <= 0:
            self._show()
        else:
            self._timer = threading.Timer(delay, self._show)
            self._timer.daemon = True
            self._timer.start()

    def _show(self) -> None:
        with self._lock:
            if self._state == "waiting":
                self._bar.start()
                self._state = "shown"

    def __call__(self, done: int) -> None:
        """``done`` items of the total are finished."""
        self._bar.update(self._task, completed=done)

    def step(self, label: str, done: int, total: int | None) -> None:
        """Now at ``label``: ``done`` of ``total`` (None: not known) steps finished."""
        self._bar.update(self._task, description=_shown(label), completed=done, total=total)
        if total is None:  # rich's update keeps the old total for None: forget it here
            for task in self._bar.tasks:
                if task.id == self._task:
                    task.total = None

    def close(self) -> None:
        """Stop the timer, and clear the bar if it was shown."""
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._state == "shown":
                self._bar.stop()
            self._state = "closed"


@contextlib.contextmanager
def progress(label: str, total: int | None = None, *, show: bool = True) -> Iterator[Ticker | None]:
    """A rich progress bar on stderr for long work, as a :class:`Ticker` (call it with the
    items done, or ``.step(label, done, total)``); None, and nothing printed ever, when
    ``show`` is false (``--format json``) or stderr is not a terminal (see
    :func:`progress_shown`). Colour follows the one rule."""
    if not show or not progress_shown():
        yield None
        return
    ticker = Ticker(label, total)
    try:
        yield ticker
    finally:
        ticker.close()


def write_json(data: Any) -> None:
    """Print ``data`` as indented JSON (UTF-8) on stdout, with a final newline: exact into
    a pipe or a file, with visible escapes on a terminal (:func:`errdex.cli.screen.write_data`;
    JSON escapes C0 controls itself, not C1 or bidi ones)."""
    import orjson

    from errdex.cli.screen import write_data

    write_data(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n")

"""``errdex fmt [PATH...] [--check] [--diff]``: write catalog files in canonical layout.

Without ``--check`` every file whose layout changes is rewritten atomically
and listed. With ``--check`` (or ``--diff``, which implies it) nothing is
written: the files that would change are listed (with a unified diff under
``--diff``) and the exit code is 1 if there are any. A file that cannot be
read or parsed, or that the formatter refuses, makes the exit code 2 and is
left untouched.
"""

from __future__ import annotations

import difflib
import re
import sys

import click

from errdex.cli.common import print_diagnostics, write_atomic
from errdex.io.edit import LockTimeout, catalog_lock
from errdex.io.fmt import Formatted, format_paths
from errdex.io.source import display_path


def _diff(result: Formatted) -> str:
    name = display_path(result.path)
    # Split on "\n" only: str.splitlines() would also split inside values (U+0085, U+2028).
    before = re.split(r"(?<=\n)", result.before or "")
    after = re.split(r"(?<=\n)", result.after or "")
    lines = difflib.unified_diff(before, after, f"{name}", f"{name} (formatted)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 if any file would be reformatted."
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff of the changes (implies --check).",
)
def fmt(paths: tuple[str, ...], check: bool, show_diff: bool) -> None:
    """Format catalogs at PATHS (default: the current folder) in canonical layout.

    Tables in canonical order, keys in the format's order, comments kept with
    their keys; entries keep their order. YAML files are left as they are.
    """
    check = check or show_diff
    results = format_paths(paths or (".",))
    failed = changed = unchanged = 0
    for result in results:
        name = display_path(result.path)
        if result.problems:
            print_diagnostics(result.problems)
            failed += 1
        elif result.skipped:
            click.echo(f"errdex: skipped {name}: {result.skipped}", err=True)
        elif result.changed:
            changed += 1
            if check:
                click.echo(f"would reformat {name}")
                if show_diff:
                    click.echo(_diff(result), nl=False)
            else:
                assert result.after is not None
                try:
                    with catalog_lock(result.path):  # another editor may have changed it
                        if result.path.read_text(encoding="utf-8-sig") != result.before:
                            click.echo(f"errdex fmt: {name} changed while formatting; run again")
                            failed += 1
                            continue
                        write_atomic(result.path, result.after.encode("utf-8"))
                except (OSError, LockTimeout) as exc:  # the file is left as it was
                    why = exc.message if isinstance(exc, LockTimeout) else exc.strerror or exc
                    click.echo(f"errdex fmt: cannot write {name}: {why}", err=True)
                    click.echo("  hint: check that the file and its folder are writable", err=True)
                    failed += 1
                    continue
                click.echo(f"reformatted {name}")
        else:
            unchanged += 1
    verb = "would be reformatted" if check else "reformatted"
    summary = f"{_plural(changed, 'file')} {verb}, {unchanged} already formatted"
    if failed:
        summary += f", {failed} could not be formatted"
    click.echo(summary, err=True)
    if failed:
        sys.exit(2)
    sys.exit(1 if check and changed else 0)

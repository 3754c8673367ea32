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

from errdex.cli.common import fail, print_diagnostics, refuse, write_atomic
from errdex.cli.output import format_option, progress, write_json
from errdex.cli.paths import catalog_path
from errdex.cli.stdin import STDIN
from errdex.io import Diagnostic
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


STDIN_NAME = "<stdin>"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _holds_nothing(text: str) -> bool:
    """Whether ``text`` holds no catalog at all: nothing but blank lines and comments."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _no_catalog(path: str) -> list[Diagnostic]:
    """Why standard input with no catalog in it is refused: the errors ``errdex check -``
    gives it (E004, no ``[catalog]`` table)."""
    from errdex.io import read_valid

    _, diagnostics = read_valid(path)
    return [d for d in diagnostics if d.severity == "error"]


def _stdin_json(
    check: bool, show_diff: bool, result: Formatted, problems: list[Diagnostic]
) -> None:
    """``errdex fmt - --format json``: the one-file report, with the formatted ``text``
    (standard input cannot be rewritten; null under ``--check``)."""
    from errdex.cli.stdin import display

    entry: dict[str, object] = {"path": STDIN_NAME}
    if problems:
        entry["status"] = "failed"
        entry["diagnostics"] = [{**d.to_dict(), "file": STDIN_NAME} for d in problems]
    elif result.skipped:
        entry.update(status="skipped", reason=result.skipped)
    elif result.changed:
        entry["status"] = "would-reformat" if check else "reformatted"
        if show_diff:
            entry["diff"] = display(_diff(result))
    else:
        entry["status"] = "unchanged"
    if not problems and not check:
        entry["text"] = result.after if result.changed else result.before
    changed = int(result.changed and not problems)
    unchanged = int(not result.changed and not problems)
    counts = {"changed": changed, "unchanged": unchanged, "failed": int(bool(problems))}
    write_json({"check": check, "files": [entry], "summary": counts})


def _format_stdin(check: bool, show_diff: bool, as_json: bool) -> None:
    """``errdex fmt -``: print standard input formatted (``--check``: exit 1 if it would change)."""
    from errdex.cli.stdin import display, stdin_file

    (result,) = format_paths([str(stdin_file())])
    problems = list(result.problems)
    if not problems and _holds_nothing(result.before or ""):
        problems = _no_catalog(str(stdin_file()))
    if as_json:
        _stdin_json(check, show_diff, result, problems)
    elif problems:
        print_diagnostics(problems)
        refuse(f"cannot load {STDIN_NAME}", "fix the errors above (errdex check -)")  # as export -
    if problems:
        sys.exit(2)
    if as_json:
        sys.exit(1 if check and result.changed else 0)
    if check:
        if result.changed and show_diff:
            click.echo(display(_diff(result)), nl=False)
        click.echo(
            "<stdin> would be reformatted" if result.changed else "<stdin> is formatted", err=True
        )
        sys.exit(1 if result.changed else 0)
    text = result.after if result.changed and result.after is not None else result.before
    sys.stdout.write(text or "")
    sys.exit(0)


@click.command()
@click.argument("paths", nargs=-1, type=catalog_path())
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 if any file would be reformatted."
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff of the changes (implies --check).",
)
@format_option
def fmt(paths: tuple[str, ...], check: bool, show_diff: bool, output_format: str) -> None:
    """Format catalogs at PATHS (default: the current folder) in canonical layout.

    Tables in canonical order, keys in the format's order, comments kept with
    their keys; entries keep their order. YAML files are left as they are.
    With --format json, one object lists each file and what happened to it
    (reformatted, would-reformat, unchanged, skipped, failed) and the counts.
    """
    check = check or show_diff
    as_json = output_format == "json"
    if STDIN in paths:
        if len(paths) > 1:
            fail(
                "fmt",
                "'-' (standard input) is the only catalog when given",
                "format standard input on its own, and the files in another run",
            )
        _format_stdin(check, show_diff, as_json)
    with progress("Formatting", show=not as_json) as ticker:
        results = format_paths(paths or (".",), ticker.step if ticker else None)
    failed = changed = unchanged = 0
    report: list[dict[str, object]] = []
    for result in results:
        name = display_path(result.path)
        if result.problems:
            if as_json:
                report.append(
                    {
                        "path": name,
                        "status": "failed",
                        "diagnostics": [d.to_dict() for d in result.problems],
                    }
                )
            else:
                print_diagnostics(result.problems)
            failed += 1
        elif result.skipped:
            report.append({"path": name, "status": "skipped", "reason": result.skipped})
            if not as_json:
                click.echo(f"errdex fmt: skipped {name}: {result.skipped}", err=True)
        elif result.changed:
            changed += 1
            if check:
                entry: dict[str, object] = {"path": name, "status": "would-reformat"}
                if show_diff:
                    entry["diff"] = _diff(result)
                report.append(entry)
                if not as_json:
                    click.echo(f"would reformat {name}")
                    if show_diff:
                        click.echo(_diff(result), nl=False)
            else:
                assert result.after is not None
                try:
                    with catalog_lock(result.path):  # another editor may have changed it
                        if result.path.read_text(encoding="utf-8-sig") != result.before:
                            message = f"{name} changed while formatting; run again"
                            report.append({"path": name, "status": "failed", "error": message})
                            click.echo(f"errdex fmt: {message}", err=True)
                            failed += 1
                            continue
                        write_atomic(result.path, result.after.encode("utf-8"))
                except (OSError, LockTimeout) as exc:  # the file is left as it was
                    why = exc.message if isinstance(exc, LockTimeout) else exc.strerror or exc
                    message = f"cannot write {name}: {why}"
                    report.append({"path": name, "status": "failed", "error": message})
                    click.echo(f"errdex fmt: {message}", err=True)
                    click.echo(
                        "  = help: check that the file and its folder are writable", err=True
                    )
                    failed += 1
                    continue
                report.append({"path": name, "status": "reformatted"})
                if not as_json:
                    click.echo(f"reformatted {name}")
        else:
            unchanged += 1
            report.append({"path": name, "status": "unchanged"})
    verb = "would be reformatted" if check else "reformatted"
    summary = f"{_plural(changed, 'file')} {verb}, {unchanged} already formatted"
    if failed:
        summary += f", {failed} could not be formatted"
    if as_json:
        counts = {"changed": changed, "unchanged": unchanged, "failed": failed}
        write_json({"check": check, "files": report, "summary": counts})
    else:
        click.echo(summary, err=True)
    if failed:
        sys.exit(2)
    sys.exit(1 if check and changed else 0)

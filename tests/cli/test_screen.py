"""``errdex.cli.screen``: data is exact into a pipe or a file, escaped on a terminal."""

from __future__ import annotations

from errdex.cli.screen import for_stdout


def test_data_into_a_pipe_is_unchanged() -> None:
    data = "a \x1b[31m \u202e\r\nb\n".encode()
    assert for_stdout(data, terminal=False) == data


def test_data_on_a_terminal_shows_controls_as_visible_escapes() -> None:
    data = "a \x1b]0;t\x07 \u202e\r\nb\tc\n".encode()
    assert for_stdout(data, terminal=True) == b"a \\x1b]0;t\\x07 \\u202e\r\nb\tc\n"

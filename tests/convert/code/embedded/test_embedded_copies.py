"""The embedded Python runtime's copied parts are errdex's own runtime modules.

``py_safe.py`` and ``py_locale.py`` in ``errdex/convert/code/embedded`` are written
from ``errdex/runtime/text.py`` and ``errdex/runtime/locale.py`` by
:func:`errdex.convert.code.embedded.copy_of`; a stale copy fails here. After an
intended change to one of those runtime modules, rewrite the copies and review them:

    UPDATE_EMBEDDED=1 python -m pytest tests/convert/code/embedded/test_embedded_copies.py
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

import pytest

from errdex.convert.code import embedded

FOLDER = Path(embedded.__file__).parent


@pytest.mark.parametrize("name", sorted(embedded.COPIES))
def test_each_copied_part_is_its_runtime_module(name: str) -> None:
    module = import_module("errdex.runtime." + embedded.COPIES[name].removesuffix(".py"))
    want = embedded.copy_of(name, Path(str(module.__file__)).read_text("utf-8"))
    path = FOLDER / name
    if os.environ.get("UPDATE_EMBEDDED"):
        path.write_text(want, "utf-8")
    assert path.read_text("utf-8") == want, (
        f"{path} is stale: UPDATE_EMBEDDED=1 python -m pytest {__file__}"
    )


def test_a_runtime_source_without_the_babel_step_is_refused() -> None:
    with pytest.raises(ValueError, match="_babel_alias"):
        embedded.copy_of("py_locale.py", "def negotiate():\n    pass\n")

"""``errdex.io.invariants.targets``: every build target writes inside the catalog's folder."""

from __future__ import annotations

import pytest

from errdex.io.invariants.targets import target_outputs

ENTRY = '[[errors]]\ncode = 1\nmessage = "a"\n'


def target(output: str) -> str:
    return ENTRY + f'[[targets]]\nkind = "docs"\nformat = "markdown"\noutput = "{output}"\n'


@pytest.mark.parametrize("output", ["../../out.md", "/etc/errors.md", "docs/../../x.md"])
def test_an_output_outside_is_refused_with_a_hint(found, output: str) -> None:
    ((rule, place, message),) = found(target_outputs, target(output))
    assert rule == "E116" and place.startswith("9:")
    assert message.startswith(f"target output {output!r} is not a file inside the catalog's folder")


def test_an_output_inside_passes(found) -> None:
    assert found(target_outputs, target("docs/errors.md")) == []

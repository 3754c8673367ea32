"""The event-built YAML reader gives exactly what ``yaml.load`` gives, or lets it read the file."""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.io.duplicates import DuplicateKey
from errdex.io.yaml_read import LOADER, load_yaml

DOCUMENTS = [
    "a: 1\nb: [1, 2, {c: d}]\nerrors:\n- code: 1\n  n: x\n- code: 2\n",
    "",
    "---\n...\n",
    "a: &x 1\nb: *x",
    "a: 0755\nb: 0x1F\nc: 1_000\nd: 1.5\ne: 2020-01-01\nf: yes\ng: ~\nh: ''\ni: !!str 12\nj: '12'",
    "1054: a\ntrue: b\n~: c\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!set {x, y}\n",
    "- 1\n- 2\n",
    "x",
    "a: b\n---\nc: d\n",
    "a: !!binary aGVsbG8=\n",
    "a: [1, 2\n",
    "a: !foo x\n",
    "a: 1:30\nb: .inf\nc: -0\nd: +1\ne: 0o17\n",
    "? a\n",
    "a:\n  - - 1\n    - 2\n",
    "? [1]\n: 2\n",
    "a: 'x\n",
    "a: !\n",
    "a: !!int '12'\n",
    "k: |\n  two\n  lines\nl: >\n  folded\n  text\n",
]


def outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        return "ok", read(text)
    except Exception as exc:  # the same error, same words
        return "error", (type(exc).__name__, str(exc))


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_same_values_or_the_same_error_as_yaml_load(text: str) -> None:
    expected = outcome(lambda t: yaml.load(t, Loader=LOADER), text)
    got = outcome(lambda t: load_yaml(t)[0], text)
    assert got == expected


def test_a_repeated_key_is_reported_not_overwritten() -> None:
    with pytest.raises(DuplicateKey):
        load_yaml("a: 1\nb: 2\na: 3\n")


def test_plain_data_gets_an_index_of_its_entries() -> None:
    _, index = load_yaml("catalog:\n  id: x\nerrors:\n  - code: 1\n  - code: 2\nmodules: {}\n")
    assert index is not None
    assert list(index.lines) == [3, 4] and list(index.cols) == [4, 4]
    assert index.outside[("catalog", "id")] == (2, 3)
    _, aliased = load_yaml("a: &x 1\nb: *x\n")
    assert aliased is None  # read by yaml.load: places are found the slow way


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(data=values, flow=st.booleans())
def test_dumped_data_reads_back_as_yaml_load_reads_it(data: Any, flow: bool) -> None:
    text = yaml.dump(data, default_flow_style=flow, allow_unicode=True)
    expected = yaml.load(text, Loader=LOADER)
    got = load_yaml(text)[0]
    assert got == expected or (_has_nan(expected) and repr(got) == repr(expected))


def _has_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)

"""The byte prefilter of JSON-lines evidence never drops a line the full reader would take."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.reality.evidence.fields import fields
from errdex.reality.evidence.jsonl import candidates, needles, observe

FIELDS = fields()

scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.text(max_size=8))
codes = st.one_of(st.integers(100, 599), st.sampled_from(["401", "404", "503", "abc", "42"]))
records = st.fixed_dictionaries(
    {},
    optional={
        "status": codes,
        "status_code": codes,
        "http.response.status_code": codes,
        "http": st.fixed_dictionaries({}, optional={"status_code": codes}),
        "error": st.fixed_dictionaries({}, optional={"code": scalars, "message": scalars}),
        "error_code": scalars,
        "response": st.fixed_dictionaries({}, optional={"body": scalars}),
        "level": st.sampled_from(["info", "error"]),
        "msg": st.text(max_size=10),
    },
)


@settings(max_examples=300, deadline=None)
@given(records)
def test_the_prefilter_never_drops_an_error_line(record: dict[str, Any]) -> None:
    line = orjson.dumps(record)
    block = b'{"status":200}\n' + line + b'\n{"status":204}\n'
    if observe(record, FIELDS, "x:1") is not None:
        assert block.index(line) in candidates(block, needles(FIELDS)), line

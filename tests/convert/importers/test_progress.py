"""A single document's import tells how far it is, per batch of records (objects, rows,
lines, blocks), and the same data comes out with or without a listener."""

from __future__ import annotations

import pytest

from errdex.convert.importers import import_text

N = 2500  # more than two batches of errdex.io.progress.EVERY records

DOCUMENTS = {
    "json": (
        "["
        + ",\n".join(f'{{"code": {1000 + i}, "message": "Fault {i}."}}' for i in range(N))
        + "]",
        ["Finding the line of each entry", "Reading entries"],
    ),
    "markdown": (
        "# Errors\n\n| Code | Message |\n| --- | --- |\n"
        + "".join(f"| {1000 + i} | Fault {i}. |\n" for i in range(N)),
        ["Reading blocks", "Reading table rows"],
    ),
    "csv": (
        "code,message\n" + "".join(f"{1000 + i},Fault {i}.\n" for i in range(N)),
        ["Reading CSV lines", "Reading table rows"],
    ),
    "errcodes": (
        "".join(f"{i:05d}    E    ERRCODE_FAULT_{i}    fault_{i}\n" for i in range(N)),
        ["Reading lines"],
    ),
}


STEPS = {"json": ["Parsing the JSON"], "markdown": ["Splitting the document into blocks"]}
"""What an importer tells before it counts (no total known)."""


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
def test_a_big_document_is_counted_per_batch_of_records(fmt: str) -> None:
    text, counted = DOCUMENTS[fmt]
    calls: list[tuple[str, int, int | None]] = []
    heard = import_text(text, fmt, progress=lambda *call: calls.append(call))
    quiet = import_text(text, fmt)
    assert heard.data == quiet.data and heard.data is not None
    assert len(heard.data["errors"]) == N
    assert [d.message for d in heard.diagnostics] == [d.message for d in quiet.diagnostics]
    told = list(dict.fromkeys(label for label, _, _ in calls))
    assert told == [*STEPS.get(fmt, []), *counted, "Assembling the catalog"]
    for label in counted:
        counts = [(done, total) for name, done, total in calls if name == label]
        total = counts[-1][1]
        assert total is not None and all(t == total for _, t in counts)
        assert counts[0][0] == 0 and counts[-1][0] == total  # from none to all of them
        assert [done for done, _ in counts] == sorted(done for done, _ in counts)
        if label != "Reading blocks":  # the document is one table: one block
            assert total >= N
            assert len(counts) >= 3  # in batches, not once at the end
            assert len(counts) <= total // 100  # and not once per record

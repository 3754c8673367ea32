"""Compatibility diff benchmarks (issue 4): ``errdex diff`` of two 100,000-code catalogs.

The second catalog is the first after a realistic release: a line inserted
into an iota block (about a thousand codes renumbered), codes deleted,
tombstoned and deprecated, texts edited, HTTP statuses changed, codes added.
Floor: loading both catalogs from JSON (the faster format, so the stricter
floor). Target: the diff costs no more than that load (ratio ≤ 1.0). The
whole command is measured too, on TOML (what teams write): load both, diff,
and the text report, which computes the ``file:line:col`` of every change
(one scan of each file's text), against twice the TOML load.
"""

from __future__ import annotations

import copy

from errdex.check.compat import diff, render
from errdex.io import reads
from synth import catalog_data, to_json, to_toml
from timing import Result, best_of

SUITE = "diff"


def modified(data: dict, n_modules: int = 100) -> tuple[dict, dict[str, int]]:
    """A copy of synthetic catalog data after one release's worth of changes, with their counts."""
    new = copy.copy(data)
    errors = [dict(e) for e in data["errors"]]
    counts = {"renumbered": 0, "removed": 0, "edited": 0, "http": 0, "added": 0, "status": 0}
    # an inserted line in module 5 shifts every later code of the module by one
    shifted_module = "mod005"
    in_module = [i for i, e in enumerate(errors) if e["module"] == shifted_module]
    insert_at = in_module[len(in_module) // 10]
    for i in in_module:
        if i >= insert_at:
            errors[i]["code"] += 1
            counts["renumbered"] += 1
    inserted = dict(
        errors[insert_at], name="insertedInTheMiddle", code=errors[insert_at]["code"] - 1
    )
    inserted.pop("translations", None)
    for i, e in enumerate(errors):
        if e["module"] == shifted_module:
            continue
        if i % 997 == 0:
            e["status"] = "removed"
            e["reason"] = "no longer raised"
            counts["status"] += 1
        elif i % 499 == 0:
            e["status"] = "deprecated"
            counts["status"] += 1
        elif i % 97 == 0:
            e["description"] += " See the service log for the request id."
            counts["edited"] += 1
        elif i % 991 == 0:
            e["http_status"] = 500
            counts["http"] += 1
    kept = [e for i, e in enumerate(errors) if i % 1009 != 5 or e["module"] == shifted_module]
    counts["removed"] = len(errors) - len(kept)
    kept.insert(insert_at, inserted)
    for m in range(n_modules):  # one new code at the end of every module
        kept.append(
            {
                "code": 100_000 + m * 10_000 + 9_999,
                "name": f"newInRelease{m}",
                "module": f"mod{m:03d}",
                "message": "A new error of this release.",
            }
        )
        counts["added"] += 1
    new["errors"] = kept
    return new, counts


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer repeats."""
    n = 10_000 if quick else 100_000
    repeat = 3 if quick else 5
    data = catalog_data(n, 100)
    changed, counts = modified(data)
    old_text, new_text = to_json(data), to_json(copy.deepcopy(changed))
    label = f"{n:,} codes"

    def load_both() -> tuple:
        return reads(old_text, "json"), reads(new_text, "json")

    floor = best_of(load_both, repeat=max(2, repeat - 2))
    (old, old_problems), (new, new_problems) = load_both()
    assert old is not None and new is not None and not old_problems and not new_problems
    took = best_of(lambda: diff(old, new), repeat=repeat)
    report = diff(old, new)
    note = (
        f"{len(report.changes):,} changes, {len(report.shifts)} shift(s); "
        f"made {counts['renumbered']} renumbered, {counts['removed']} removed, "
        f"{counts['status']} status, {counts['edited']} edited, {counts['http']} HTTP, "
        f"{counts['added']} added"
    )
    results = [Result(SUITE, f"diff, {label}", took, "load both (JSON)", floor, 1.0, note=note)]

    # the whole command on two JSON catalogs (issue 10: ≤ 1.5× loading both)
    def json_command() -> str:
        (old_cat, _), (new_cat, _) = load_both()
        assert old_cat is not None and new_cat is not None
        return render(diff(old_cat, new_cat), "text")

    whole_json = best_of(json_command, repeat=max(2, repeat - 2))
    results.append(
        Result(
            SUITE,
            f"load + diff + text report (JSON), {label}",
            whole_json,
            "load both (JSON)",
            floor,
            1.5,
            note="errdex diff OLD NEW end to end, but for reading the two files",
        )
    )

    # the whole command on the format teams write: load both TOML files, diff, and the
    # text report, which locates every change (file:line:col: one scan of each file)
    old_toml, new_toml = to_toml(data), to_toml(copy.deepcopy(changed))

    def load_toml() -> tuple:
        return reads(old_toml, "toml"), reads(new_toml, "toml")

    def command() -> str:
        (old_cat, _), (new_cat, _) = load_toml()
        assert old_cat is not None and new_cat is not None
        return render(diff(old_cat, new_cat), "text")

    toml_floor = best_of(load_toml, repeat=2)
    whole = best_of(command, repeat=2)
    results.append(
        Result(
            SUITE,
            f"load + diff + text report, {label}",
            whole,
            "load both (TOML)",
            toml_floor,
            2.0,
            note="errdex diff OLD NEW end to end, but for reading the two files",
        )
    )
    return results

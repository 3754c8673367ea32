"""Convert benchmarks (issue 3): exporting a big catalog as documents, importing it back.

Floors: loading the same catalog from its TOML text (``errdex.io.reads``), the
cost every ``errdex export`` pays first, and, stricter, loading it from JSON
(several times faster than TOML, whose parser is pure Python). Targets:
Markdown and HTML export of 100,000 codes cost at most 2x the load (the
issue's target), and meet it against the JSON load too. The other formats and
the Markdown import are reported against the JSON load. Importing a table
and writing its catalog (issue 12) costs at most 1.5x loading the written TOML.
"""

from __future__ import annotations

from errdex.convert import import_document, render_doc
from errdex.io import reads
from synth import catalog_data, to_json, to_toml
from timing import Result, best_of

SUITE = "convert"


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer repeats."""
    n = 10_000 if quick else 100_000
    repeat = 2 if quick else 3
    label = f"{n:,} codes"
    data = catalog_data(n, 100)
    toml_text, json_text = to_toml(data), to_json(data)
    catalog, problems = reads(json_text, "json")
    assert catalog is not None and not problems, problems[:3]
    load_toml = best_of(lambda: reads(toml_text, "toml"), repeat=max(1, repeat - 1))
    load_json = best_of(lambda: reads(json_text, "json"), repeat=repeat)
    toml_floor, json_floor = f"load TOML ({label})", f"load JSON ({label})"
    results = []
    targets = {
        ("markdown", "table"): 2.0,
        ("markdown", "list"): 2.0,
        ("markdown", "sections"): 2.0,
        ("html", None): 2.0,
        ("myst", None): 2.0,
        ("csv", None): 2.0,
        ("rst", None): 3.0,
        ("openapi", None): 5.0,
    }
    for (fmt, style), target in targets.items():
        name = f"export {fmt}{'/' + style if style else ''}, {label}"
        took = best_of(
            lambda fmt=fmt, style=style: render_doc(catalog, fmt, style=style), repeat=repeat
        )
        if fmt in ("markdown", "html"):  # the target: against the load users pay
            results.append(Result(SUITE, name, took, toml_floor, load_toml, target))
        # and against the fastest load errdex has, a stricter floor
        results.append(Result(SUITE, name + " (vs JSON)", took, json_floor, load_json, target))
    text = render_doc(catalog, "markdown", style="table")
    took = best_of(lambda: import_document(text, "markdown"), repeat=max(1, repeat - 1))
    results.append(
        Result(SUITE, f"import markdown table, {label}", took, json_floor, load_json, 5.0)
    )
    results += _import_and_write(catalog, label, repeat)
    return results


def _import_and_write(catalog: object, label: str, repeat: int) -> list[Result]:
    """Issue 12: importing a big table and writing its catalog costs <= 1.5x loading that file."""
    results = []
    for fmt in ("csv", "markdown"):
        text = render_doc(catalog, fmt, style="table" if fmt == "markdown" else None)
        imported = import_document(text, fmt)
        written = imported.to_toml()
        floor = f"load the written TOML ({label})"
        load = best_of(lambda written=written: reads(written, "toml"), repeat=max(1, repeat - 1))
        took = best_of(
            lambda text=text, fmt=fmt: import_document(text, fmt).to_toml(),
            repeat=max(1, repeat - 1),
        )
        results.append(Result(SUITE, f"import {fmt} + write TOML, {label}", took, floor, load, 1.5))
        took = best_of(imported.to_toml, repeat=repeat)
        results.append(
            Result(SUITE, f"write imported TOML ({fmt}), {label}", took, floor, load, 1.0)
        )
    return results

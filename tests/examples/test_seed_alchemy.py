"""The Alchemy example catalog holds every code and every text of its seed document, verbatim.

The seed (``002_67c61c5682f1fd60.txt``) is a flattened rendering of Alchemy's
GitBook page ``error-reference.md``: GitHub page chrome, the front-matter
``description``, an H1, headings and prose as bare lines, each table flattened
to a header line ("Code Meaning", "Code Possible Return message Description",
"Code Message") followed by one "<code> <cells…>" line per row, code blocks as
bare lines from ``{`` (or a ``//`` comment) to ``}``, and one GitBook
``{% hint %}`` block. This test parses it with its own small line parser and
compares it with ``examples/alchemy``.

The only normalisations are whitespace and the documented restorations: the
flattened copy lost the backticks of a few code spans (``RESTORED`` below) and
the language of the code fences (all ``javascript`` in the original).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import errdex
from seeds import seed_path

SEED = seed_path("002_67c61c5682f1fd60.txt", module=True)
CATALOG = Path(__file__).resolve().parents[2] / "examples" / "alchemy"

TABLE_HEADERS = {
    "Code Meaning": ("Code", "Meaning"),
    "Code Possible Return message Description": ("Code", "Possible Return message", "Description"),
    "Code Message": ("Code", "Message"),
}
# (heading of the table, or of the section that holds it) -> (space, module)
TABLES = {
    "HTTP Status Codes": ("http", "http"),
    "JSON-RPC Error Codes": ("jsonrpc", "jsonrpc"),
    "Parity Error Codes": ("parity", "parity"),
    "Custom Error Codes": ("custom", "custom"),
    "Custom Error Fields": ("custom-data", "custom-data"),
}
SPACE_KINDS = {
    "http": "http",
    "jsonrpc": "jsonrpc",
    "parity": "jsonrpc",
    "custom": "app",
    "custom-data": "app",
}
# Texts whose code spans (backticks) the flattened copy lost and the catalog
# restores from the original Markdown: where -> the restored text.
RESTORED = {
    ("space", "jsonrpc", "description"): (
        "For JSON-RPC specific errors, Alchemy returns a `200` with the JSON-RPC error"
        " in the JSON response."
    ),
    ("space", "custom-data", "description"): (
        "Custom error `3` can contain custom error(s) to further explain what went wrong.\n"
        "They will be contained in the `data` field of the RPC error message as follows:"
    ),
    ("entry", ("custom-data", 100), "description"): (
        "Should be used when something which should be there is not found. (Doesn’t apply"
        " to `eth_getTransactionBy_` and `eth_getBlock_`. They return a success with value"
        " `null)`"
    ),
}
FENCE_LANG = "javascript"  # restored: every code fence of the original is ```javascript
# The flattened JSON-RPC table lost the cell boundary between "Possible Return
# message" and "Description" ("-32600 Invalid Request The JSON sent is …"). The
# JSON-RPC 2.0 specification names the standard codes' messages, which tells
# where the boundary was independently of the catalog; a non-standard code's
# message (Alchemy's 429) is the row's first sentence.
JSONRPC_SPEC_MESSAGES = {
    -32700: "Parse error",
    -32600: "Invalid Request",
    -32601: "Method not found",
    -32602: "Invalid params",
    -32603: "Internal error",
    -32000: "Server error",  # the spec's -32000..-32099 "Server error"
}


def norm(text: str | None) -> str | None:
    """Normalise whitespace only (runs of blanks to one space, no outer blanks)."""
    return None if text is None else " ".join(text.split())


def flat(text: str | None) -> str | None:
    """What the flattened copy shows of a catalog text: backticks dropped, whitespace normalised."""
    return None if text is None else norm(text.replace("`", ""))


# -- the seed parser ---------------------------------------------------------


def parse_seed(text: str) -> dict:
    """Parse the flattened page into headings, prose, tables, code blocks and the hint."""
    lines = text.splitlines()
    # the document starts after GitHub's chrome, at the front matter's "description" key
    start = lines.index("description")
    doc: dict = {"description": lines[start + 1].strip(), "blocks": []}
    blocks = doc["blocks"]
    i = start + 2
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
        elif line in TABLE_HEADERS:
            rows = []
            i += 1
            while i < len(lines) and lines[i].strip():
                rows.append(lines[i].strip())
                i += 1
            blocks.append(("table", TABLE_HEADERS[line], rows))
        elif line in ("{", "}") or line.startswith("//"):
            body = []
            while True:
                body.append(lines[i].rstrip())
                i += 1
                if body[-1] == "}":
                    break
            blocks.append(("code", "\n".join(body)))
        elif line.startswith("{% hint"):
            chunk = []
            while True:
                chunk.append(lines[i])
                i += 1
                if "{% endhint %}" in chunk[-1]:
                    break
            blocks.append(("hint", "\n".join(chunk)))
        elif line.startswith("❗"):
            doc["h1"] = line
            i += 1
        elif line.endswith((".", ":")):
            # prose: a paragraph is consecutive non-blank lines
            para = []
            while i < len(lines) and lines[i].strip():
                para.append(lines[i].strip())
                i += 1
            blocks.append(("prose", "\n".join(para)))
        else:
            blocks.append(("heading", line.strip()))
            i += 1
    return doc


def parse_hint(chunk: str) -> dict:
    """The {% hint %} block: its note line, then pairs of "quoted message" and "• explanation"."""
    body = chunk.replace("{% endhint %}", "")
    body = re.sub(r'\A\{% hint style="info" %\}\s*', "", body)
    note, rest = body.split("\n", 1)
    pairs = re.findall(r'^"(.+)"\s*\n\s*\n\s*• (.+)$', rest, re.M)
    return {"note": note.strip(), "variants": [(m, d.strip()) for m, d in pairs]}


def structure(doc: dict) -> list[dict]:
    """Group the blocks into sections (one per heading) with their prose, tables and code."""
    sections: list[dict] = []
    for block in doc["blocks"]:
        if block[0] == "heading":
            sections.append(
                {"heading": block[1], "prose": [], "tables": [], "code": [], "hint": None}
            )
        elif block[0] == "prose":
            sections[-1]["prose"].append(block[1])
        elif block[0] == "table":
            sections[-1]["tables"].append(block)
        elif block[0] == "code":
            sections[-1]["code"].append(block[1])
        elif block[0] == "hint":
            sections[-1]["hint"] = parse_hint(block[1])
    return sections


@pytest.fixture(scope="module")
def doc() -> dict:
    return parse_seed(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sections(doc) -> list[dict]:
    return structure(doc)


@pytest.fixture(scope="module")
def rows(sections) -> list[dict]:
    """Every table row of the document, in order, with the space and module it belongs to."""
    out = []
    for s in sections:
        for _, header, lines in s["tables"]:
            space, module = TABLES[s["heading"]]
            for line in lines:
                code, rest = line.split(" ", 1)
                out.append(
                    {
                        "space": space,
                        "module": module,
                        "header": header,
                        "code": int(code),
                        "rest": rest,
                    }
                )
    return out


@pytest.fixture(scope="module")
def cat():
    return errdex.load(CATALOG)


@pytest.fixture(scope="module")
def raw() -> dict:
    with (CATALOG / "errdex.toml").open("rb") as f:
        return tomllib.load(f)


def section(sections: list[dict], heading: str, nth: int = 0) -> dict:
    return [s for s in sections if s["heading"] == heading][nth]


def is_range_row(row: dict) -> bool:
    return row["rest"].startswith("to ")


# -- the parser sees the whole document --------------------------------------


def test_parser_sees_the_whole_document(doc, sections, rows):
    assert [s["heading"] for s in sections] == [
        "HTTP Status Codes",
        "HTTP Status Codes",
        "Example Response",
        "Standard JSON-RPC Errors",
        "JSON-RPC Error Codes",
        "Example Response",
        "Parity Error Codes",
        "Custom Error Codes",
        "Custom Error Fields",
    ]
    by_space: dict[str, int] = {}
    for r in rows:
        by_space[r["space"]] = by_space.get(r["space"], 0) + 1
    # 5 HTTP, 7 JSON-RPC + the "-32001 to -32099" row, 21 Parity, 3 custom, 6 sub-codes
    assert by_space == {"http": 5, "jsonrpc": 8, "parity": 21, "custom": 3, "custom-data": 6}
    assert sum(len(s["code"]) for s in sections) == 3
    hint = section(sections, "JSON-RPC Error Codes")["hint"]
    assert len(hint["variants"]) == 4


def seed_codes(rows: list[dict]) -> list[tuple[str, int]]:
    return [(r["space"], r["code"]) for r in rows if not is_range_row(r)]


def test_same_codes_in_document_order(rows, cat):
    assert [(e.space, e.code) for e in cat.entries] == seed_codes(rows)
    for space, code in seed_codes(rows):
        assert cat.get(code, space=space) is not None, (space, code)


def test_numbers_with_two_meanings_stay_apart(cat):
    assert {e.space for e in cat.find(429)} == {"http", "jsonrpc"}
    assert {e.space for e in cat.find(-32000)} == {"jsonrpc", "parity"}
    assert cat.get(-32000, space="jsonrpc").message == "Server error"
    assert cat.get(-32000, space="parity").name == "UNSUPPORTED_REQUEST"


# -- catalog, spaces, modules -------------------------------------------------


def test_catalog_metadata(doc, cat, raw):
    assert cat.meta.id == "alchemy"
    assert cat.meta.title == doc["h1"] == "❗ Error Reference"
    assert cat.meta.default_locale == "en"
    assert cat.meta.description == doc["description"]
    assert raw["catalog"]["version"] == "1.0.0"
    assert raw["catalog"]["docs_url"] == "https://errdex.dev/alchemy/{code}"


def test_spaces(sections, cat):
    assert {k: v.kind for k, v in cat.spaces.items()} == SPACE_KINDS
    assert cat.spaces["custom-data"].carried_in == "custom"
    # space: (section heading, nth section of that heading) whose title and prose it holds
    holders = {
        "http": ("HTTP Status Codes", 0),
        "jsonrpc": ("Standard JSON-RPC Errors", 0),
        "parity": ("Parity Error Codes", 0),
        "custom": ("Custom Error Codes", 0),
        "custom-data": ("Custom Error Fields", 0),
    }
    for space, (heading, nth) in holders.items():
        s = section(sections, heading, nth)
        sp = cat.spaces[space]
        assert sp.title == heading
        prose = "\n".join(s["prose"]) or None
        restored = RESTORED.get(("space", space, "description"))
        if restored is not None:
            assert sp.description == restored
        assert flat(sp.description) == norm(prose), space


def test_modules(sections, rows, cat):
    assert set(cat.modules) == {m for _, m in TABLES.values()}
    for heading, (space, module) in TABLES.items():
        mod = cat.modules[module]
        assert mod.space == space
        if module != "parity":
            assert mod.title == heading
            assert mod.description is None and mod.range is None and mod.prefix is None
    # the JSON-RPC table's "-32001 to -32099 | Parity errors | …" row is the parity module
    (row,) = [r for r in rows if is_range_row(r)]
    m = re.fullmatch(r"to (-\d+) (Parity errors) (.+)", row["rest"])
    lo, hi = sorted((row["code"], int(m.group(1))))
    parity = cat.modules["parity"]
    assert parity.title == m.group(2)
    assert norm(parity.description) == norm(m.group(3))
    assert parity.range is not None
    assert parity.range[0] == lo and parity.range[1] >= hi
    # … widened to -32000 because the Parity table lists -32000 UNSUPPORTED_REQUEST
    parity_codes = [r["code"] for r in rows if r["space"] == "parity"]
    assert parity.range == (min(lo, *parity_codes), max(hi, *parity_codes)) == (-32099, -32000)
    for e in cat.entries:
        assert e.module == next(r["module"] for r in rows if r["space"] == e.space), e.code


# -- the tables ---------------------------------------------------------------


def expected_text(where, seed_text: str | None, actual: str | None) -> None:
    """Compare one catalog text with the seed's, allowing only the documented restorations."""
    restored = RESTORED.get(where)
    if restored is not None:
        assert actual == restored, where
        assert flat(actual) == norm(seed_text), where
    else:
        assert norm(actual) == norm(seed_text), where


def test_every_table_row_verbatim(rows, cat):
    for r in rows:
        if is_range_row(r):
            continue
        e = cat.get(r["code"], space=r["space"])
        assert e is not None and e.module == r["module"], r
        assert e.solution is None and e.status == "active", r
        where = ("entry", (r["space"], r["code"]), "description")
        if r["header"] == ("Code", "Meaning"):
            # "<title> -- <the rest>"
            title, description = r["rest"].split(" -- ", 1)
            assert (e.title, e.message, e.name) == (title, None, None), r
            expected_text(where, description, e.description)
        elif r["header"] == ("Code", "Message"):
            # Parity's "messages" are CONSTANT identifiers: names
            assert re.fullmatch(r"[A-Z_]+", r["rest"]), r
            assert (e.name, e.title, e.message, e.description) == (r["rest"], None, None, None)
        elif r["space"] in ("custom", "custom-data"):
            # every description of these two tables starts "Should be used" / "Will contain"
            m = re.fullmatch(r"(.+?) ((?:Should be used|Will contain) .+)", r["rest"])
            assert (e.message, e.title, e.name) == (m.group(1), None, None), r
            expected_text(where, m.group(2), e.description)
        else:
            # JSON-RPC table: the row is "<message> <description>" (see JSONRPC_SPEC_MESSAGES)
            message = JSONRPC_SPEC_MESSAGES.get(r["code"])
            if message is None:
                message = re.match(r"(.+?\.) ", r["rest"]).group(1)
            assert r["rest"].startswith(message + " "), r
            assert (e.message, e.title, e.name) == (message, None, None), r
            row_description = r["rest"][len(message) + 1 :]
            if r["code"] == -32000:
                # followed by the {% hint %} note: see test_hint_belongs_to_server_error
                assert norm(e.description).startswith(norm(row_description) + " "), r
            else:
                assert norm(e.description) == norm(row_description), r


def test_http_status_and_jsonrpc_code(sections, rows, cat):
    prose = " ".join(section(sections, "Standard JSON-RPC Errors")["prose"])
    sent_with = int(re.search(r"returns a (\d{3}) with the JSON-RPC error", prose).group(1))
    assert sent_with == 200
    carrier = section(sections, "Custom Error Fields")["code"][0]
    carrier_code = int(re.search(r"code: (\d+),", carrier).group(1))
    http_example = section(sections, "Example Response", 0)["code"][0]
    http_example_code = int(re.search(r'"code": (\d+)', http_example).group(1))
    for e in cat.entries:
        if e.space == "http":
            assert e.http_status == e.code
            assert e.jsonrpc_code == (http_example_code if e.code == http_example_code else None)
        elif e.space == "custom-data":
            # sub-codes travel in the data of custom error 3
            assert (e.http_status, e.jsonrpc_code) == (sent_with, carrier_code), e.code
        else:
            assert (e.http_status, e.jsonrpc_code) == (sent_with, e.code), (e.space, e.code)
        # the document never states retryability of a whole code (only of one variant)
        assert e.retryable is None and e.retry_after is None, (e.space, e.code)


# -- the hint: -32000's note and its known messages ---------------------------


def test_hint_belongs_to_server_error(sections, rows, cat):
    hint = section(sections, "JSON-RPC Error Codes")["hint"]
    e = cat.get(-32000, space="jsonrpc")
    (row,) = [r for r in rows if r["space"] == "jsonrpc" and r["code"] == -32000]
    assert norm(e.description) == norm(row["rest"][len(e.message) + 1 :] + " " + hint["note"])
    assert [(v.message, v.description, v.solution) for v in e.variants] == [
        (m, d, None) for m, d in hint["variants"]
    ]
    for v in e.variants:
        says_retry = "retry" in v.message.lower() or "retry" in v.description.lower()
        assert v.retryable is (True if says_retry else None), v.message
    assert [v.message for v in e.variants if v.retryable] == [
        "Request timed out. Client should retry."
    ]
    assert {x.code for x in cat.entries if x.variants} == {-32000}
    assert [x.space for x in cat.entries if x.variants] == ["jsonrpc"]


# -- the example responses ----------------------------------------------------


def test_examples_verbatim(sections, cat):
    found = []
    for s in sections:
        for body in s["code"]:
            m = re.search(r'"?code"?:\s*(-?\d+)', body)
            found.append((s["heading"], int(m.group(1)), body))
    assert [(h, c) for h, c, _ in found] == [
        ("Example Response", 429),
        ("Example Response", -32602),
        ("Custom Error Fields", 3),
    ]
    # the first example sits in the HTTP section, the second in the JSON-RPC section
    spaces = ["http", "jsonrpc", "custom"]
    for (heading, code, body), space in zip(found, spaces, strict=True):
        e = cat.get(code, space=space)
        title = heading if heading == "Example Response" else None
        assert [(x.title, x.lang, x.body) for x in e.examples] == [(title, FENCE_LANG, body)]
    with_examples = [(e.space, e.code) for e in cat.entries if e.examples]
    assert with_examples == [(s, c) for (_, c, _), s in zip(found, spaces, strict=True)]


# -- known defects stay verbatim ----------------------------------------------


def test_known_defects_kept(cat, raw):
    assert "'Innsufficient gas'" in cat.get(3, space="custom").examples[0].body
    assert "Doesn’t apply" in cat.get(100, space="custom-data").description
    assert cat.get(100, space="custom-data").message == "X doesn't exist"
    assert "compute unit per second" in cat.get(429, space="jsonrpc").message
    assert "compute units per second" in cat.get(429, space="http").examples[0].body
    assert cat.get(-32000, space="parity") is not None
    # no translations, no texts the document lacks
    for e in cat.entries:
        assert dict(e.translations) == {}
        assert e.solution is None
    text = (CATALOG / "errdex.toml").read_text(encoding="utf-8")
    assert "Known defects kept verbatim" in text


def test_backticks_only_where_restored(cat):
    """Every code span in the catalog is a documented restoration."""
    texts = {}
    for sid, sp in cat.spaces.items():
        texts[("space", sid, "title")] = sp.title
        texts[("space", sid, "description")] = sp.description
    for mid, mod in cat.modules.items():
        texts[("module", mid, "title")] = mod.title
        texts[("module", mid, "description")] = mod.description
    for e in cat.entries:
        for field in ("name", "title", "message", "description", "solution"):
            texts[("entry", (e.space, e.code), field)] = getattr(e, field)
        for n, v in enumerate(e.variants):
            texts[("variant", (e.space, e.code, n), "message")] = v.message
            texts[("variant", (e.space, e.code, n), "description")] = v.description
    with_ticks = {k for k, t in texts.items() if t and "`" in t}
    assert with_ticks == set(RESTORED)
    for k, restored in RESTORED.items():
        assert texts[k] == restored

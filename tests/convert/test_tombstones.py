"""Every document format shows a deprecated or removed code's reason and replacement,
``STATE: reason (use X instead)``, the replacement linked to that code's anchor."""

from __future__ import annotations

import re

import pytest

from errdex.convert import import_document, render_doc
from errdex.io import loads
from errdex.model import Catalog

FORMATS = [
    ("markdown", "table"),
    ("markdown", "list"),
    ("markdown", "sections"),
    ("myst", None),
    ("rst", None),
    ("html", None),
]
LINKS = {  # how each format links AUTH-1, the replacement of AUTH-2 and AUTH-3
    "markdown": "[`AUTH-1`](#app-AUTH-1)",
    "myst": "[`AUTH-1`](#evil--app--code-AUTH-1)",
    "rst": "`AUTH-1 <evil--app--code-AUTH-1_>`__",
    "html": '<a href="#app-AUTH-1"><code>AUTH-1</code></a>',
}


@pytest.mark.parametrize("fmt,style", FORMATS)
def test_a_tombstone_and_a_deprecation_show_reason_and_linked_replacement(
    review_catalog: Catalog, fmt: str, style: str | None
) -> None:
    text = render_doc(review_catalog, fmt, style=style)
    link = LINKS[fmt]
    removed = {
        "markdown": "removed: Replaced by *AUTH-1* &lt;u>now&lt;/u>",
        "myst": "removed: Replaced by *AUTH-1* &lt;u>now&lt;/u>",
        "rst": "removed: Replaced by *AUTH-1* \\<u\\>now\\</u\\>",
        "html": "removed: Replaced by <em>AUTH-1</em> &lt;u&gt;now&lt;/u&gt;",
    }[fmt]
    assert f"{removed} (use {link} instead)" in text
    assert f"deprecated: use AUTH-1 (use {link} instead)" in text


@pytest.mark.parametrize("fmt,style", FORMATS)
def test_a_replacement_the_page_does_not_hold_is_named_without_a_link(
    fmt: str, style: str | None
) -> None:
    cat = loads(
        '[catalog]\nid = "t"\n[[errors]]\ncode = "E1"\nmessage = "Gone."\n'
        'status = "removed"\nreason = "merged"\nreplaced_by = "E9"\n',
        lenient=True,
    )
    text = render_doc(cat, fmt, style=style)
    code = "<code>E9</code>" if fmt == "html" else "``E9``" if fmt == "rst" else "`E9`"
    assert f"removed: merged (use {code} instead)" in text
    assert "#app-E9" not in text and "code-E9" not in text


@pytest.mark.parametrize("layout", ["table", "list", "sections", "myst"])
def test_the_importer_reads_state_reason_and_replacement_back(layout: str) -> None:
    cat = loads(
        '[catalog]\nid = "t"\ntitle = "Errors"\n'
        '[[errors]]\ncode = "E1"\nmessage = "Old."\nstatus = "deprecated"\n'
        'reason = "merged"\nreplaced_by = "E2"\n'
        '[[errors]]\ncode = "E2"\nmessage = "New."\n'
        '[[errors]]\ncode = "E3"\nstatus = "removed"\nreplaced_by = "E2"\n'
    )
    fmt, style = ("myst", None) if layout == "myst" else ("markdown", layout)
    back = loads(import_document(render_doc(cat, fmt, style=style), fmt).to_toml())
    got = [(e.code, e.status, e.reason, e.replaced_by) for e in back.entries]
    assert got == [
        ("E1", "deprecated", "merged", "E2"),
        ("E2", "active", None, None),
        ("E3", "removed", None, "E2"),
    ]


def test_the_replacement_links_land_on_the_replacing_code_in_docutils(
    review_catalog: Catalog,
) -> None:
    core = pytest.importorskip("docutils.core")
    page = core.publish_string(
        render_doc(review_catalog, "rst"),
        writer="html5",
        settings_overrides={"report_level": 5, "output_encoding": "unicode"},
    )
    hrefs = re.findall(r'href="#([^"]+)"', page)
    assert hrefs == ["evil-app-code-auth-1"] * 2
    assert 'id="evil-app-code-auth-1"' in page

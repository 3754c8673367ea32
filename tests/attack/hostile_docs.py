"""A catalog whose every text attacks the document it is exported to (shared by tests).

Each payload is a known way a text turns into live content in a docs toolchain:
raw HTML, ``javascript:``/``data:`` links (inline, reference, autolink, entity- and
escape-obfuscated), reST directives and roles that read files (``include``,
``raw``, ``csv-table :file:``), MyST roles and directive fences (``{download}``,
``{include}``, ``{eval-rst}``), spreadsheet formulas and terminal escapes.
"""

from __future__ import annotations

import json

from errdex.io import loads

SECRET_FILE_MARK = "errdex-secret-7f3a"
"""Written into a file the payloads try to include; must never appear in a build."""

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#115;cript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click]( <javascript:alert(1)>)",
    "![img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "[ref][x]\n\n[x]: javascript:alert(1)",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    ".. include:: {secret}",
    ".. raw:: html\n\n   <script>alert(1)</script>",
    ".. csv-table::\n   :file: {secret}",
    ":download:`{secret}`",
    "`x <javascript:alert(1)>`_",
    "text\n\n.. include:: {secret}",
    "{{download}}`{secret}`",
    "```{{include}} {secret}\n```",
    "```{{eval-rst}}\n.. raw:: html\n\n   <script>alert(1)</script>\n```",
    ":::{{include}} {secret}\n:::",
    "`a\n\n{{download}}`{secret}`",
    "\\`x {{download}}`{secret}`",
    "\\{{download}}`{secret}`",
    "(label)=\n# heading",
    "Title\n=====",
    "----",
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "\x1b]0;owned\x07\x1b[2J",
    "| a | b |\n|---|---|",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]


def hostile_toml(secret: str) -> str:
    """The catalog as TOML; ``secret`` is the path of the file the payloads try to read."""
    texts = [p.replace("{secret}", secret).format() for p in PAYLOADS]
    parts = [
        '[catalog]\nid = "hostile"\ntitle = ' + json.dumps(texts[0]) + "\n",
        '[modules.m]\ntitle = "<b>m</b>"\ndescription = ' + json.dumps(texts[12]) + "\n",
    ]
    for i, text in enumerate(texts):
        body = json.dumps(text)
        parts.append(
            f'[[errors]]\ncode = {1000 + i}\nmodule = "m"\nname = "e{i}"\n'
            f"message = {body}\ndescription = {body}\nsolution = {body}\n"
            f"[[errors.variants]]\nmessage = {body}\ndescription = {body}\n"
            f"[[errors.examples]]\ntitle = {body}\nlang = {json.dumps(text[:30])}\n"
            f"body = {body}\n"
        )
    return "\n".join(parts)


def hostile_catalog(secret: str):  # type: ignore[no-untyped-def]
    """The hostile catalog loaded (leniently: some payloads are findings for check)."""
    return loads(hostile_toml(secret))

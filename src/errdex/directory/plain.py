"""Catalog texts as plain text: the Markdown markers that catalogs use, removed.

Catalog texts may carry a little Markdown (``**strong**``, ``*emphasis*``,
`` `code` ``, ``[label](url)``), which the web pages render
(:mod:`errdex.directory.web.markup`). Search snippets and the static site's
search rows are plain text, so :func:`plain` drops the markers and keeps
the words: ``**容量限制**`` → ``容量限制``, ``[Rate Limits](https://…)`` →
``Rate Limits``. Text that merely contains a ``*`` or a backtick (``a * b``,
an unclosed `````) is left as it is.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(
    r"`(?P<code>[^`\n]{1,500})`"
    r"|\*\*(?P<strong>[^*\n]{1,500}?)\*\*"
    r"|__(?P<under>[^_\n]{1,500}?)__"
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*\n]{0,498}[^\s*])?)\*(?![\w*])"
    r"|\[(?P<label>[^\]\n]{1,300})\]\([^\s()]{1,2000}\)"
)


def _keep(m: re.Match[str]) -> str:
    code = m.group("code")
    if code is not None:
        return code  # a code span's text is literal
    inner = next(group for group in m.groups() if group is not None)
    return plain(inner)  # emphasis and link labels may hold code or emphasis (**`x`**)


def plain(text: str) -> str:
    """Return ``text`` with its Markdown emphasis, code and link markers removed."""
    if "*" not in text and "`" not in text and "_" not in text and "](" not in text:
        return text
    return _MARKUP.sub(_keep, text)

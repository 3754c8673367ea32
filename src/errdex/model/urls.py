"""Per-code documentation URLs: the catalog's (or entry's) template, filled in.

The same URL is the problem+json ``type`` the runtime sends, the link the doc
generators write, and the permalink the web directory serves, so it is
computed in one place.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from errdex.model.types import Entry

_URL_FIELD = re.compile(r"\{(catalog|space|module|code|name)\}")


def fill_docs_url(template: str, catalog_id: str, entry: Entry) -> str:
    """Fill ``{catalog}``, ``{space}``, ``{module}``, ``{code}``, ``{name}`` (percent-quoted)."""
    values = {
        "catalog": catalog_id,
        "space": entry.space,
        "module": entry.module or "",
        "code": str(entry.code),
        "name": entry.name or "",
    }
    return _URL_FIELD.sub(lambda m: quote(values[m.group(1)], safe=""), template)

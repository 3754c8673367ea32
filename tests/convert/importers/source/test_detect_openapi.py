"""OpenAPI detection: a top-level ``openapi``/``swagger`` key anywhere in the file, nothing less.

Before, only the first 4,000 characters were looked at (a spec after a long
licence header was read as Markdown) and any ``openapi:`` text counted.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from cli_process import errdex

from errdex.convert.importers.source import is_openapi, language_of

from .test_openapi import SPEC3

FIXTURES = Path(__file__).parent.parent / "fixtures" / "openapi"
HEADER = "".join(f"# licence line {i}: {'x' * 60}\n" for i in range(100))  # ~7,900 characters


def test_a_yaml_spec_after_a_long_comment_header_is_openapi():
    text = HEADER + SPEC3
    assert text.index("openapi:") > 4000
    assert language_of(Path("pets.yaml"), text) == "openapi"


def test_a_json_spec_whose_swagger_key_follows_a_long_info_block_is_openapi():
    # azurite's real Swagger 2 document, its root keys reordered: info (made long) first
    spec = json.loads((FIXTURES / "azurite_queue-storage.json").read_text(encoding="utf-8"))
    spec["info"]["description"] = "A queue service. " * 400
    reordered = {"info": spec.pop("info"), **spec}
    text = json.dumps(reordered, indent=2)
    assert text.index('"swagger"') > 4000
    assert language_of(Path("queue.json"), text) == "openapi"


def test_a_mention_or_a_nested_key_is_not_openapi():
    prose = "title: Our errors\nnotes: |\n  we publish an openapi: 3.0 file elsewhere\n"
    assert not is_openapi(prose, json_text=False)
    nested = json.dumps({"errors": [{"code": 1, "openapi": "3.0.0", "message": "m"}]})
    assert not is_openapi(nested, json_text=True)
    assert not is_openapi('{"openapi": ', json_text=True)  # broken JSON is not a spec


def test_the_cli_imports_the_late_spec_as_openapi(tmp_path):
    (tmp_path / "pets.yaml").write_text(HEADER + SPEC3, encoding="utf-8")
    done = errdex("import", "pets.yaml", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    codes = {e["code"] for e in tomllib.loads(done.stdout)["errors"]}
    assert {"PET_NOT_FOUND", "PET_GONE"} <= codes

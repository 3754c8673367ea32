"""A backlog rule's repeats are folded in the text and GitHub reports, never in JSON or SARIF.

Declaring a locale in a big catalog makes one W301 per entry; a person at a
terminal or on a pull request gets the first few of each locale and one line
with the rest's count and the fix, while the summary line, the exit code and
the machine formats still count and list every finding.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from cli_process import errdex

from errdex.check import CheckResult, check_catalog
from errdex.check.output import github, json_report, sarif, text
from errdex.check.output.fold import SHOWN, Folded, fold
from errdex.io import reads


def catalog_text(n: int, locales: str = '"en", "zh-CN", "fr"') -> str:
    head = f'[catalog]\nid = "big"\nlocales = [{locales}]\n'
    body = "".join(
        f'\n[[errors]]\ncode = {i}\nname = "e{i}"\nmessage = "Token {i} expired."\n'
        for i in range(1, n + 1)
    )
    return head + body


def result_of(source: str) -> CheckResult:
    catalog, problems = reads(source, name="big.toml")
    assert catalog is not None and not problems
    return CheckResult(check_catalog(catalog), 1, ())


def w301_blocks(report: str) -> list[str]:
    return re.findall(r"^big\.toml:\d+:\d+: warning\[W301 missing-translation\].*$", report, re.M)


def test_thirty_entries_two_locales_show_five_each_and_a_count() -> None:
    result = result_of(catalog_text(30))
    assert sum(d.rule.id == "W301" for d in result.diagnostics) == 60
    out = text(result)
    blocks = w301_blocks(out)
    assert len(blocks) == 2 * SHOWN
    assert sum("no zh-CN translation" in b for b in blocks) == SHOWN
    assert sum("no fr translation" in b for b in blocks) == SHOWN
    folds = re.findall(r"^big\.toml: warning\[W301 missing-translation\]: (.*)$", out, re.M)
    assert (
        folds
        == [
            f"25 more missing-translation findings in this file with the same fix are"
            f" not shown ({SHOWN} are; --format json lists every one)"
        ]
        * 2
    )
    # each folded line carries its locale's fix
    assert "  = help: add [errors.translations.zh-CN]" in out
    assert "  = help: add [errors.translations.fr]" in out
    assert out.rstrip().endswith(
        "checked 1 catalog: 0 errors, 60 warnings, 0 notes"
        " (50 repeated missing translations folded; --format json lists all)"
    )


def test_a_small_group_is_shown_whole() -> None:
    result = result_of(catalog_text(10, '"en", "fr"'))
    out = text(result)
    assert len(w301_blocks(out)) == 10
    assert "not shown" not in out and "folded" not in out


def test_machine_formats_list_every_finding() -> None:
    result = result_of(catalog_text(30))
    data = json.loads(json_report(result))
    found = data["diagnostics"] if isinstance(data, dict) else data
    assert sum(d["rule"] == "W301" for d in found) == 60
    runs = json.loads(sarif(result))["runs"]
    assert sum(r["ruleId"] == "W301" for r in runs[0]["results"]) == 60


def test_github_annotations_are_folded_too() -> None:
    out = github(result_of(catalog_text(30)))
    lines = out.splitlines()
    assert sum(line.startswith("::warning file=big.toml,line=") for line in lines) == 2 * SHOWN
    folded = [line for line in lines if line.startswith("::warning file=big.toml,title=W301")]
    assert len(folded) == 2 and all("25 more missing-translation findings" in x for x in folded)


def test_other_rules_and_other_files_are_never_folded() -> None:
    result = result_of(catalog_text(30))
    shown = fold(list(result.diagnostics))
    assert sum(isinstance(d, Folded) for d in shown) == 2
    others = [d for d in result.diagnostics if d.rule.id != "W301"]
    assert all(d in shown for d in others)


def test_through_the_real_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(catalog_text(40), encoding="utf-8")
    done = errdex("check", "--strict", str(path), cwd=tmp_path)
    assert done.returncode == 1  # --strict: the folded warnings still count
    assert "70 repeated missing translations folded" in done.stdout
    assert done.stdout.count("warning[W301 missing-translation]") == 2 * SHOWN + 2
    as_json = errdex("check", "--format", "json", str(path), cwd=tmp_path)
    assert as_json.stdout.count('"W301"') == 80

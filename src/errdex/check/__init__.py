"""The check layer: lint rules over a loaded catalog, and the reports of their findings.

    from errdex.check import check_catalog, run
    diagnostics = check_catalog(errdex.load("examples/zan"))
    result = run(["examples"])            # read + check every catalog found
    result.exit_code(strict=False)        # 0, 1 or 2, as ``errdex check`` exits

Rules live in :mod:`errdex.check.rules` (one module per concept) and register
themselves in :data:`errdex.io.RULES`; reports (text, JSON, GitHub workflow
commands, SARIF) in :mod:`errdex.check.output`. Imports model and catalog io only.
"""

from errdex.check.engine import CHECKS, CheckResult, Selection, check, check_catalog, run

__all__ = ["CHECKS", "CheckResult", "Selection", "check", "check_catalog", "run"]

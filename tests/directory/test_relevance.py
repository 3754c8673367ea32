"""Search relevance over a judged query set: nDCG@5 ≥ 0.9 over the five examples.

The queries and their graded entries are in ``judged_queries.toml`` (judged by
reading the entries, as a reader would). The same judged set is used for the
CLI and the server; they share one index and one ranking.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from errdex.directory import Registry

JUDGED = Path(__file__).with_name("judged_queries.toml")
K = 5


def judged() -> list[tuple[str, dict[str, int]]]:
    """``(query, {"catalog:code[@space]": grade})`` for every judged query."""
    data = tomllib.loads(JUDGED.read_text(encoding="utf-8"))
    return [(q["q"], dict(q["relevant"])) for q in data["query"]]


def hit_keys(catalog: str, code: object, space: str) -> tuple[str, str]:
    """The two ways a judged entry may be written: with and without its space."""
    return f"{catalog}:{code}@{space}", f"{catalog}:{code}"


def grade(grades: dict[str, int], catalog: str, code: object, space: str) -> int:
    with_space, plain = hit_keys(catalog, code, space)
    return grades.get(with_space, grades.get(plain, 0))


def ndcg(gains: list[int], ideal: list[int], k: int = K) -> float:
    """Normalised discounted cumulative gain at ``k`` with exponential gains."""

    def dcg(values: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(values[:k]))

    best = dcg(sorted(ideal, reverse=True))
    return dcg(gains) / best if best else 1.0


def query_ndcg(registry: Registry, query: str, grades: dict[str, int]) -> float:
    hits = registry.search(query, limit=K).hits
    gains = [grade(grades, h.catalog_id, h.entry.code, h.entry.space) for h in hits]
    return ndcg(gains, list(grades.values()))


def test_the_judged_set_is_big_enough_and_names_real_entries(examples: Registry) -> None:
    queries = judged()
    assert len(queries) >= 40
    assert sum(1 for q, _ in queries if not q.isascii()) >= 10
    known = set()
    for cid, entry in examples.entries():
        known.update(hit_keys(cid, entry.code, entry.space))
    for query, grades in queries:
        assert set(grades) <= known, (query, set(grades) - known)
        assert 3 in grades.values() or max(grades.values()) == 2, query


def test_ndcg_at_5_is_at_least_0_9(examples: Registry) -> None:
    scores = {q: query_ndcg(examples, q, grades) for q, grades in judged()}
    mean = sum(scores.values()) / len(scores)
    worst = sorted(scores.items(), key=lambda kv: kv[1])[:5]
    assert mean >= 0.9, f"nDCG@5 = {mean:.3f}; worst: {worst}"


@pytest.mark.parametrize(("gains", "expected"), [([3, 2], 1.0), ([2, 3], None), ([0, 0], 0.0)])
def test_ndcg_is_one_for_the_ideal_order_only(gains: list[int], expected: float | None) -> None:
    value = ndcg(gains, [3, 2])
    if expected is None:
        assert 0 < value < 1
    else:
        assert value == pytest.approx(expected)


def test_serve_and_the_cli_rank_the_judged_queries_alike(examples: Registry) -> None:
    """The server's /api/search (every judged query) and ``errdex search --json`` (every
    fifth) give the same top 5, with the same snippets, as the index: one ranking."""
    import orjson
    from click.testing import CliRunner
    from starlette.testclient import TestClient

    from errdex.cli.main import cli
    from errdex.directory.web import create_app

    client = TestClient(create_app(examples))
    examples_path = str(Path(__file__).resolve().parents[2] / "examples")
    for n, (query, _) in enumerate(judged()):
        expected = [
            (h.catalog_id, h.entry.code, h.snippet.text if h.snippet else None)
            for h in examples.search(query, limit=K).hits
        ]
        api = client.get("/api/search", params={"q": query, "limit": K}).json()
        served = [
            (h["catalog"], h["code"], h["snippet"]["text"] if h["snippet"] else None)
            for h in api["hits"]
        ]
        assert served == expected, query
        if n % 5:
            continue  # the CLI loads the registry per call: every fifth query is enough
        out = CliRunner().invoke(
            cli, ["search", query, "--limit", str(K), "--json", "--catalog-path", examples_path]
        )
        printed = [
            (h["catalog"], h["code"], h["snippet"]["text"] if h["snippet"] else None)
            for h in orjson.loads(out.stdout)["hits"]
        ]
        assert printed == expected, query

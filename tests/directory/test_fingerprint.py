"""The content hash a cached search index is keyed by: every file a load reads, nothing else."""

from __future__ import annotations

from pathlib import Path

from catalogs import EXAMPLES, HEAD
from errdex.directory.fingerprint import catalog_files, fingerprint
from errdex.io import find_catalogs, read


def test_a_new_file_in_a_catalog_folder_is_a_new_key(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    (folder / "locales").mkdir(parents=True)
    (folder / "errdex.toml").write_text(
        HEAD + '\n[[errors]]\ncode = 1\nmessage = "Out of stock."\n'
    )
    before = fingerprint([folder])
    (folder / "locales" / "zh-CN.toml").write_text("[errors.1]\nmessage = '缺货。'\n")
    assert fingerprint([folder]) != before
    (folder / "locales" / "notes.txt").write_text("not a catalog file")
    assert fingerprint([folder]) == fingerprint([folder])


def test_the_fingerprint_covers_every_file_a_load_reads() -> None:
    for found in find_catalogs(EXAMPLES):
        catalog, _ = read(found)
        assert catalog is not None
        read_files = {Path(s.path).resolve() for s in catalog.sources if s.path is not None}
        hashed = {p.resolve() for p in catalog_files(found) or []}
        assert read_files <= hashed, found


def test_catalog_files_of_a_file_a_folder_and_neither(tmp_path: Path) -> None:
    single = tmp_path / "one.toml"
    single.write_text('[catalog]\nid = "one"\n', encoding="utf-8")
    assert catalog_files(single) == [single]
    folder = tmp_path / "shop"
    (folder / "modules").mkdir(parents=True)
    (folder / "errdex.toml").write_text(HEAD, encoding="utf-8")
    (folder / "modules" / "b.toml").write_text("", encoding="utf-8")
    (folder / "modules" / "a.yaml").write_text("", encoding="utf-8")
    (folder / "modules" / ".hidden.toml").write_text("", encoding="utf-8")
    (folder / "modules" / "README.md").write_text("", encoding="utf-8")
    assert catalog_files(folder) == [
        folder / "errdex.toml",
        folder / "modules" / "a.yaml",
        folder / "modules" / "b.toml",
    ]
    assert catalog_files(tmp_path / "empty-dir-missing") is None
    (tmp_path / "plain").mkdir()
    assert catalog_files(tmp_path / "plain") is None  # a folder without errdex.*


def test_a_path_that_cannot_be_hashed_has_no_fingerprint(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "errdex.toml").write_text(HEAD, encoding="utf-8")
    (folder / "modules").write_text("a file where a folder belongs", encoding="utf-8")
    assert fingerprint([folder]) is None
    assert fingerprint([tmp_path / "missing.toml"]) is None


def test_the_same_files_give_the_same_key_and_the_path_is_part_of_it(tmp_path: Path) -> None:
    one = tmp_path / "a.toml"
    one.write_text('[catalog]\nid = "a"\n', encoding="utf-8")
    key = fingerprint([one])
    assert key is not None and len(key) == 64 and key == fingerprint([str(one)])
    other = tmp_path / "b.toml"
    other.write_text(one.read_text(encoding="utf-8"), encoding="utf-8")
    assert fingerprint([other]) != key

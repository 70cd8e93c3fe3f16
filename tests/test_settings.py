"""Issue 18: one settings file (alianza.toml next to the store, or --config) for clustering, score
weights and status weights, with the store's and runner's keys in the same file."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from alianza.aggregate.config import aggregate_config
from alianza.cli import cli
from alianza.config import CONFIG_ENV

from .conftest import ROOT


def dyad(db: Path, *args: str) -> dict[str, object]:
    out = CliRunner().invoke(
        cli, ["dyads", "VEN CVL", "VEN GOV", "--level", "sector", "--db", str(db), "--json", *args]
    )
    assert out.exit_code == 0, out.stderr
    return dict(json.loads(out.stdout.splitlines()[0]))


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CONFIG_ENV, "")  # whatever a run sets is undone after the test
    shutil.copytree(ROOT / "examples" / "es", tmp_path / "es")
    db = tmp_path / "s.duckdb"
    out = CliRunner().invoke(cli, ["ingest", str(tmp_path / "es"), "--db", str(db)])
    assert out.exit_code == 0, out.stderr
    return db


def test_settings_file_next_to_the_store_changes_scores(store: Path, tmp_path: Path) -> None:
    before = dyad(store)
    assert before["weight_sum"] < 0  # protesters against the government: conflict
    (tmp_path / "alianza.toml").write_text(
        "[aggregate]\ncluster_window_days = 5\n[aggregate.type_weights]\nPROTEST = 6.5\n"
        "[aggregate.status_weights]\nplanned = 1.0\n[store]\nmemory_limit = '1GB'\n[ingest]\njobs = 1\n",
        encoding="utf-8",
    )
    after = dyad(store)
    assert after["events"] == before["events"] and after["weight_sum"] > before["weight_sum"]
    cfg = aggregate_config(tmp_path / "alianza.toml")
    assert cfg.window_days == 5 and cfg.status_weights["planned"] == 1.0 and cfg.status_weights["occurred"] == 1.0
    assert os.environ[CONFIG_ENV] == ""  # the environment, when set, wins over the file's place


def test_config_option_and_bad_settings_fail_in_one_line(store: Path, tmp_path: Path) -> None:
    good = tmp_path / "mine.toml"
    good.write_text("[aggregate.type_weights]\nprotest = 6.5\n", encoding="utf-8")
    plain = dyad(store)["weight_sum"]
    assert dyad(store, "--config", str(good))["weight_sum"] > plain
    for text, needle in [
        ("[aggregate]\nwindow = 3\n", "'window': expected one of cluster_window_days"),
        ("[aggregate.type_weights]\nPARLEY = 2\n", "'PARLEY': expected one of AGREE"),
        ("[aggregate.status_weights]\noccurred = 'lots'\n", "expected a number in 0..10"),
        ("[aggregate\n", "cannot read the config file"),
    ]:
        bad = tmp_path / "bad.toml"
        bad.write_text(text, encoding="utf-8")
        out = CliRunner().invoke(cli, ["dyads", "--db", str(store), "--config", str(bad)])
        assert out.exit_code == 2 and needle in out.stderr and str(bad) in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
    out = CliRunner().invoke(cli, ["dyads", "--db", str(store), "--config", str(tmp_path / "none.toml")])
    assert out.exit_code == 2 and "no such file" in out.stderr


def test_threads_configured_tells_a_given_setting_from_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from alianza import config

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ALIANZA_THREADS", raising=False)
    monkeypatch.delenv("ALIANZA_CONFIG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(config, "_overrides", {})
    assert not config.threads_configured()
    monkeypatch.setenv("ALIANZA_THREADS", "1")
    assert config.threads_configured()

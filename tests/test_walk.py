"""Issue 15, part by part: the walk, the safe open, bounded reads and decompression, the HTML tree
guard, the deadline, and the store's settings. Real files, FIFOs, links and DuckDB files."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alianza import config
from alianza.ingest.htmlguard import MAX_ELEMENTS, MAX_TREE_DEPTH, HtmlTooBig, check_tree
from alianza.ingest.limits import Deadline, deadline, each_within, reason_counts
from alianza.ingest.rawdoc import MAX_DOC_CHARS, Origin, RawDoc
from alianza.ingest.readers import ReadOptions, _read_head, read_bytes, read_path, walk
from alianza.ingest.walk import open_regular, shown
from alianza.ingest.warc import MAX_RECORD_BYTES, read_warc
from alianza.pipeline import Resources
from alianza.runner.run import IngestOptions, ingest
from alianza.store.db import Store
from alianza.types import Rejection

from .fixtures_ingest import EN_BODY, ES_BODY, ES_BODY2, html_page, write_warc


def _reasons(items: Iterator[Path | Rejection]) -> tuple[list[str], dict[str, str]]:
    files, refused = [], {}
    for it in items:
        if isinstance(it, Rejection):
            refused[it.source] = it.reason
        else:
            files.append(str(it))
    return files, refused


def test_walk_reads_only_regular_files_and_names_the_rest(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / ".hidden.txt").write_text("h")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "link-a.txt")
    os.symlink("nothing", tmp_path / "dangling.txt")
    os.symlink("self", tmp_path / "self")
    os.symlink("..", tmp_path / "sub" / "up")
    files, refused = _reasons(walk([tmp_path, tmp_path / "absent.txt"]))
    assert files == [str(tmp_path / n) for n in ("a.txt", "link-a.txt", "sub/b.txt")]
    assert refused == {
        str(tmp_path / "pipe.txt"): "not_regular",
        str(tmp_path / "zero.txt"): "not_regular",
        str(tmp_path / "dangling.txt"): "broken_link",
        str(tmp_path / "self"): "link_loop",
        str(tmp_path / "sub" / "up"): "folder_link",
        str(tmp_path / "absent.txt"): "missing",
    }
    # following links, the loop is seen at once and nothing is walked twice
    files, refused = _reasons(walk([tmp_path], ReadOptions(follow_links=True)))
    assert refused[str(tmp_path / "sub" / "up")] == "link_loop"
    assert len(files) == len(set(files)) == 3


def test_walk_is_streamed(tmp_path: Path) -> None:
    """The first file comes before the rest of the tree is listed (a folder made afterwards is seen)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_text("x")
    (tmp_path / "b").mkdir()
    it = walk([tmp_path])
    assert next(it) == tmp_path / "a" / "1.txt"
    (tmp_path / "b" / "2.txt").write_text("y")
    assert list(it) == [tmp_path / "b" / "2.txt"]


def test_a_fifo_is_never_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    t = time.perf_counter()
    got = open_regular(fifo)
    assert isinstance(got, Rejection) and got.reason == "not_regular" and "FIFO" in got.detail
    assert list(read_path(fifo))[0].reason == "not_regular"  # type: ignore[union-attr]
    assert time.perf_counter() - t < 1.0


def test_a_file_that_changes_between_stat_and_read_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "grows.txt"
    p.write_text(ES_BODY * 400)  # over the 64 KB head, so the body is read after the stat
    opened = open_regular(p)
    assert not isinstance(opened, Rejection)
    fh, st = opened
    with open(p, "a", encoding="utf-8") as w:
        w.write("Una línea más.\n")
    with fh:
        got = _read_head(fh, st, ReadOptions())
    assert isinstance(got, Rejection) and got.reason == "changed" and str(st.st_size) in got.detail


def test_a_file_over_the_limit_is_refused_from_stat(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:
        fh.truncate(10**12)  # a sparse terabyte: reading it would take hours
    t = time.perf_counter()
    got = list(read_path(p))
    assert [r.reason for r in got] == ["too_large"]  # type: ignore[union-attr]
    assert time.perf_counter() - t < 1.0


def test_odd_names_are_shown_escaped() -> None:
    assert shown("/a/two\nlines.txt") == "/a/two\\nlines.txt"
    assert shown(os.fsdecode(b"/a/caf\xe9.txt")) == "/a/caf\\xe9.txt"
    assert shown("/a/año.txt") == "/a/año.txt"


@given(st.binary(min_size=1, max_size=40))
def test_any_name_shows_as_one_printable_line(raw: bytes) -> None:
    s = shown(os.fsdecode(raw))
    s.encode("utf-8")  # no lone surrogates
    assert not any(ord(c) < 32 or ord(c) == 127 for c in s)


def test_a_zip_member_over_the_limit_is_refused_without_reading_it() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b" " * 200_000)
        zf.writestr("ok.txt", ES_BODY)
    got = list(read_bytes(buf.getvalue(), Origin("z.zip", "z.zip"), ReadOptions(max_bytes=100_000)))
    assert [getattr(g, "reason", None) for g in got] == ["too_large", None]


def test_a_gzip_bomb_inside_a_warc_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    w = tmp_path / "bomb.warc.gz"
    body = 6 * MAX_RECORD_BYTES  # 120 MB of spaces, 120 KB once compressed
    write_warc(w, [("https://a.example/1", "<html><body>" + " " * body + "</body></html>")])
    write_warc(tmp_path / "ok.warc.gz", [("https://b.example/2", html_page("Bien", ES_BODY))])
    w.write_bytes(w.read_bytes() + (tmp_path / "ok.warc.gz").read_bytes())
    tracemalloc.start()
    with open(w, "rb") as fh:
        got = list(read_warc(fh, Origin(str(w), str(w))))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [getattr(g, "reason", "doc") for g in got] == ["too_large", "doc"]
    assert peak < 5 * MAX_RECORD_BYTES < body, peak  # warcio copies the capped body a few times


def test_html_tree_guard() -> None:
    page = html_page("Normal", ES_BODY)
    check_tree(page)
    check_tree("<html><body>" + "<p>párrafo sin cerrar " * 5000 + "</body></html>")  # wide-ish but fine
    with pytest.raises(HtmlTooBig) as deep:
        check_tree("<div>" * (MAX_TREE_DEPTH + 1))
    assert deep.value.reason == "too_deep"
    with pytest.raises(HtmlTooBig) as wide:
        check_tree("<span>x</span>" * (MAX_ELEMENTS + 1))
    assert wide.value.reason == "too_wide"
    wide_page = html_page("Ancha", EN_BODY).replace("<body>", "<body>" + "<b>x</b>" * (MAX_ELEMENTS + 1))
    got = list(read_bytes(wide_page.encode(), Origin("w.html", "w.html"), ReadOptions(), ".html"))
    assert [r.reason for r in got] == ["too_wide"]  # type: ignore[union-attr]


@given(st.text(alphabet="<>/ abdiv=\"'p!-", max_size=300))
def test_html_tree_guard_raises_nothing_else(html: str) -> None:
    with contextlib.suppress(HtmlTooBig):
        check_tree(html)


def _slow_reader() -> Iterator[RawDoc | Rejection]:
    yield RawDoc("slow.txt#1", "first")
    with contextlib.suppress(Exception):  # a library's broad handler must not swallow the deadline
        time.sleep(5)
    yield RawDoc("slow.txt#2", "never")


def test_the_deadline_ends_a_slow_reader_and_keeps_what_came_before() -> None:
    t = time.perf_counter()
    got = list(each_within(_slow_reader(), 0.3, "slow.txt"))
    assert time.perf_counter() - t < 2.0
    assert isinstance(got[0], RawDoc) and isinstance(got[1], Rejection) and len(got) == 2
    assert got[1].reason == "timeout" and got[1].source == "slow.txt"
    with pytest.raises(Deadline), deadline(0.1):
        time.sleep(2)
    with deadline(0):  # 0: no deadline
        time.sleep(0.05)


def test_the_deadline_is_not_armed_outside_the_main_thread() -> None:
    done: list[bool] = []

    def work() -> None:
        with deadline(0.01):
            time.sleep(0.05)
        done.append(True)

    th = threading.Thread(target=work)
    th.start()
    th.join()
    assert done == [True]


def test_refusals_are_counted_by_kind() -> None:
    rs = [Rejection("a", "read", "not_regular"), Rejection("b", "read", "not_regular"), Rejection("c", "read", "x_y")]
    assert reason_counts(rs) == "not a regular file 2, x y 1"


@pytest.fixture
def clean_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for var in ("ALIANZA_MEMORY_LIMIT", "ALIANZA_THREADS", "ALIANZA_FILE_TIMEOUT", "ALIANZA_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    saved = dict(config._overrides)
    config._overrides.clear()
    yield
    config._overrides.clear()
    config._overrides.update(saved)


def test_settings_precedence_option_env_file_default(
    clean_settings: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    s = config.settings()
    assert s.threads == config.default_threads() and s.file_timeout == config.DEFAULT_FILE_TIMEOUT
    assert s.memory_limit == config.default_memory_limit()
    (tmp_path / "alianza.toml").write_text('[store]\nmemory_limit = "700MB"\nthreads = 3\n[ingest]\nfile_timeout = 5\n')
    s = config.settings()
    assert (s.memory_limit, s.threads, s.file_timeout) == ("667MiB", 3, 5.0)
    monkeypatch.setenv("ALIANZA_MEMORY_LIMIT", "1GiB")
    assert config.settings().memory_limit == "1024MiB" and config.settings().threads == 3
    config.set_overrides(memory_limit="512MiB", threads=1)
    assert (config.settings().memory_limit, config.settings().threads) == ("512MiB", 1)
    monkeypatch.setenv("ALIANZA_THREADS", "many")
    config.set_overrides(threads=None)
    with pytest.raises(config.ConfigError, match="ALIANZA_THREADS"):
        config.settings()


def test_the_store_runs_under_the_settings(
    clean_settings: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ALIANZA_MEMORY_LIMIT", "300MB")
    monkeypatch.setenv("ALIANZA_THREADS", "1")
    with Store(tmp_path / "s.duckdb") as store:
        got = store.con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchall()[0]
    assert got[1] == 1 and got[0].startswith("286")  # 300 MB is 286 MiB
    monkeypatch.setenv("ALIANZA_MEMORY_LIMIT", "lots")
    with pytest.raises(config.ConfigError, match="ALIANZA_MEMORY_LIMIT"):
        Store(tmp_path / "s.duckdb")
    assert duckdb.__version__  # the real engine, not a stand-in


def test_gzip_stream_over_the_limit_is_refused() -> None:
    data = gzip.compress(b"a " * 300_000)
    got = list(read_bytes(data, Origin("x.txt.gz", "x.txt.gz"), ReadOptions(max_bytes=100_000), ".txt"))
    assert [r.reason for r in got] == ["too_large"]  # type: ignore[union-attr]


def test_no_file_holds_the_run_longer_than_the_deadline(tmp_path: Path, res: Resources) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-ok.txt").write_text(ES_BODY)
    res.nlp("es")  # loaded before the clock starts: a model load is no article's coding time
    (src / "long.txt").write_text(" ".join(f"{ES_BODY2} Informe número {i}." for i in range(300)))
    # 48,000 elements: under the tree guard, and seconds to extract
    (src / "wide.html").write_text(
        html_page("Ancha", EN_BODY).replace("<body>", "<body>" + "<div><b>x</b></div>" * 24_000)
    )
    t = time.perf_counter()
    rep = ingest([src], tmp_path / "t.duckdb", res, IngestOptions(file_timeout=0.5))
    took = time.perf_counter() - t
    got = {(r.source, r.stage, r.reason) for r in rep.rejections}
    assert got == {(str(src / "long.txt"), "code", "timeout"), (str(src / "wide.html"), "read", "timeout")}
    assert rep.articles == 1 and rep.errors == {}
    assert "over the time limit 2" in rep.summary() and took < 30


def test_an_archive_decompresses_to_a_bounded_total() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(4):
            zf.writestr(f"{i}.txt", f"{ES_BODY} Copia {i}. ".encode() * 150)  # ~40 KB each
    opts = ReadOptions(max_bytes=50_000, max_total_bytes=100_000)
    got = list(read_bytes(buf.getvalue(), Origin("z.zip", "z.zip"), opts))
    assert [getattr(g, "reason", "doc") for g in got] == ["doc", "doc", "too_large"]
    assert got[2].source == "z.zip!2.txt" and "the rest is skipped" in got[2].detail  # type: ignore[union-attr]


def test_one_document_too_long_to_be_news_is_refused_before_cleaning(tmp_path: Path) -> None:
    p = tmp_path / "log.txt"
    p.write_text("línea de registro\n" * (MAX_DOC_CHARS // 18 + 1), encoding="utf-8")
    assert [r.reason for r in read_path(p)] == ["too_large"]  # type: ignore[union-attr]


def test_a_folder_named_twice_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    os.symlink(tmp_path, tmp_path.parent / f"{tmp_path.name}-alias")
    try:
        got = list(walk([tmp_path, tmp_path, tmp_path.parent / f"{tmp_path.name}-alias"]))
    finally:
        (tmp_path.parent / f"{tmp_path.name}-alias").unlink()
    assert got == [tmp_path / "a.txt"]


def test_a_file_that_vanishes_after_the_walk_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ES_BODY)
    (tmp_path / "b.txt").write_text(EN_BODY)
    (tmp_path / "c.txt").write_text(EN_BODY)
    it = walk([tmp_path])
    first, second = next(it), next(it)
    (tmp_path / "b.txt").unlink()  # gone between the walk and the read
    (tmp_path / "c.txt").unlink()  # gone before the walk reached it
    assert isinstance(second, Path)
    assert [getattr(r, "reason", None) for r in read_path(second)] == ["vanished"]
    assert [getattr(r, "reason", None) for r in it] == ["vanished"]
    assert isinstance(next(iter(read_path(first))), RawDoc)  # type: ignore[arg-type]

"""Fuzzed and hostile imports: every bad input is one line naming file and line, exit 1, and the
project is unchanged; whatever is accepted can never crash ``stats`` or ``export`` later.

``NEWSMARK_SOAK=1`` (``make soak``) runs a few hundred fuzzed examples; ``make test`` a few dozen.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core.importer import MAX_ARTICLE_CHARS
from tui.core.store import Store

from .conftest import SEED

sys.path.insert(0, str(Path(__file__).parent / "golden"))
from seed import build_seed  # noqa: E402

SOAK = bool(os.environ.get("NEWSMARK_SOAK"))
FUZZ = settings(max_examples=400 if SOAK else 30, deadline=None, derandomize=not SOAK,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def crash_logs(tmp_path_factory, monkeypatch):
    """Crash logs of a failing example go to the test's temporary folder, not the user's."""
    monkeypatch.setenv("NEWSMARK_LOG_DIR", str(tmp_path_factory.mktemp("logs")))


def project_files(db: Path) -> dict[str, bytes]:
    return {str(p.relative_to(db.parent)): p.read_bytes() for p in sorted(db.parent.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture(scope="module")
def seed_exports(tmp_path_factory) -> Path:
    """The seed project exported as native jsonl, Prodigy and brat."""
    from tui.core.formats import export_project

    folder = tmp_path_factory.mktemp("exports")
    store = build_seed(folder / "seed" / "project.json")
    try:
        for fmt, name in (("jsonl", "seed.jsonl"), ("prodigy", "seed.prodigy.jsonl"), ("brat", "brat")):
            export_project(store, fmt, folder / name)
    finally:
        store.close()
    return folder


@pytest.fixture(scope="module")
def native_export(seed_exports) -> list[str]:
    """The lines of a native export of the seed project (header, then one annotated article)."""
    return (seed_exports / "seed.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A project holding the seed article, copied for each import that may fail."""
    db = tmp_path_factory.mktemp("template") / "project" / "project.json"
    assert main(["import", str(SEED), "--db", str(db)]) == 0
    return db


def fresh_project(template: Path) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="nm-fuzz-")) / "project"
    shutil.copytree(template.parent, folder)
    return folder / template.name


def import_checked(template: Path, source: Path, capsys) -> tuple[int, str]:
    """Import ``source`` into a copy of the template; assert the fault rules; (exit code, stderr)."""
    db = fresh_project(template)
    try:
        before = project_files(db)
        code = main(["import", str(source), "--db", str(db)])
        err = capsys.readouterr().err
        assert code in (0, 1), err  # never 2: no internal error
        assert "Traceback" not in err
        if code == 1:
            assert project_files(db) == before, err
            assert err.strip().splitlines()[-1].endswith("nothing was imported")
        else:  # what went in can be counted and exported
            assert main(["stats", "--db", str(db)]) == 0
            assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(db.parent / "x.jsonl")]) == 0
            assert main(["export", "--db", str(db), "--format", "acled", "--out", str(db.parent / "x.csv")]) == 0
            capsys.readouterr()
        return code, err
    finally:
        shutil.rmtree(db.parent.parent, ignore_errors=True)


def native_with(lines: list[str], line: int, change) -> str:
    records = [json.loads(x) for x in lines]
    change(records[line])
    return "\n".join(json.dumps(r) for r in records) + "\n"


def _set(path: tuple, value):
    def change(record):
        target = record
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


HOSTILE = {
    "deep nesting": (lambda lines: '{"text": ' + "[" * 200_000 + "]" * 200_000 + "}\n", ":1: JSON nested too deeply"),
    "version not a number": (lambda lines: native_with(lines, 0, _set(("version",), "x")),
                             ":1: format version 'x' is not a whole number"),
    "list-valued entity id": (lambda lines: native_with(lines, 1, _set(("entities", 0, "id"), [1, 2])),
                              ":2: entity 'id' must be a string"),
    "list-valued event id": (lambda lines: native_with(lines, 1, _set(("events", 0, "id"), ["E1"])),
                             ":2: event 'id' must be a string"),
    "list-valued article id": (lambda lines: native_with(lines, 1, _set(("article", "id"), ["x"])),
                               ":2: article id ['x'] does not match its text"),
    "title a number": (lambda lines: native_with(lines, 1, _set(("article", "title"), 5)),
                       ":2: article 'title' must be a string, got 5"),
    "body_start a string": (lambda lines: native_with(lines, 1, _set(("article", "body_start"), "x")),
                            ":2: article 'body_start' must be a whole number"),
    "meta a list": (lambda lines: native_with(lines, 1, _set(("article", "meta"), [])),
                    ":2: article 'meta' must be an object"),
    "field a list": (lambda lines: native_with(lines, 1, _set(("events", 0, "fields", "actor1"), ["a"])),
                     ":2: event field 'actor1' must be a string, a number or null"),
    "damaged first line": (lambda lines: lines[0][:25] + "\n" + "\n".join(lines[1:]) + "\n",
                           ":1: not valid JSON"),
    "whitespace-only prodigy task": (lambda lines: '{"text": " \\n\\t ", "spans": [], "_input_hash": 1}\n',
                                     ":1: 'text' must be a non-empty string"),
    "whitespace-only doccano task": (lambda lines: '{"text": "   ", "label": []}\n',
                                     ":1: 'text' must be a non-empty string"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_labelled_file_is_one_line_naming_file_and_line(case, native_export, template, tmp_path,
                                                                  capsys):
    make, message = HOSTILE[case]
    source = tmp_path / "in.jsonl"
    source.write_text(make(native_export), encoding="utf-8")
    code, err = import_checked(template, source, capsys)
    assert code == 1 and err.count("\n") == 1 and f"{source}{message}" in err, err


def test_a_brat_txt_that_is_a_folder_is_one_line(template, tmp_path, capsys):
    brat = tmp_path / "brat"
    (brat / "a.txt").mkdir(parents=True)
    (brat / "a.ann").write_text("T1\tPER 0 3\tabc\n")
    code, err = import_checked(template, brat, capsys)
    assert code == 1 and f"{brat / 'a.txt'}: is a folder, not a file; nothing was imported" in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_read(template, native_export, tmp_path, encoding,
                                                             capsys):
    bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
    text = tmp_path / "article.txt"
    text.write_bytes((bom + "Flood in Dhaka\n\nRivers rose on Monday.\n").encode(encoding))
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_bytes((bom + "\n".join(native_export) + "\n").encode(encoding))
    db = fresh_project(template)
    assert main(["import", str(text), str(labelled), "--db", str(db)]) == 0
    with Store(db) as store:
        titles = sorted(row["title"] for row in store.rows())
        assert "Flood in Dhaka" in titles
        assert sum(row["entities"] for row in store.rows()) == 9  # the seed's annotations came along


def test_an_over_long_article_is_refused_with_one_line(template, tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * (MAX_ARTICLE_CHARS // 5 + 10))
    code, err = import_checked(template, big, capsys)
    assert code == 1 and "over the limit of 1,000,000; split it into parts; nothing was imported" in err
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text(json.dumps({"text": "x" * (MAX_ARTICLE_CHARS + 1)}) + "\n")
    code, err = import_checked(template, jsonl, capsys)
    assert code == 1 and f"{jsonl}:1: the article has 1,000,001 characters" in err


# -- hypothesis: random damage to a real native export, and random bytes as articles ----------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**12) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _paths(value, prefix=()):
    """Every (path) inside a JSON value, so a random one can be replaced or removed."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, prefix + (key,))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, prefix + (i,))


@st.composite
def damaged_exports(draw, lines):
    records = [json.loads(x) for x in lines]
    for _ in range(draw(st.integers(1, 3))):
        line = draw(st.integers(0, len(records) - 1))
        paths = [p for p in _paths(records[line]) if p]
        shallow = [p for p in paths if len(p) <= 3]  # the fields readers trust: ids, title, version...
        path = draw(st.sampled_from(shallow if shallow and draw(st.booleans()) else paths))
        parent = records[line]
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values)
    text = "\n".join(json.dumps(r, ensure_ascii=draw(st.booleans())) for r in records) + "\n"
    if draw(st.integers(0, 5)) == 0:  # now and then, damage the bytes themselves
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", "\x00", "{", "\n\n", "\udcff"[:0] + "é"])) + text[cut + 1:]
    return text


@FUZZ
@given(data=st.data())
def test_fuzzed_native_imports_fail_cleanly_or_stay_usable(data, native_export, template, capsys):
    content = data.draw(damaged_exports(native_export))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fuzz.jsonl"
        source.write_text(content, encoding="utf-8", errors="surrogatepass")
        import_checked(template, source, capsys)


@FUZZ
@given(data=st.data())
def test_fuzzed_prodigy_imports_fail_cleanly_or_stay_usable(data, seed_exports, template, capsys):
    lines = (seed_exports / "seed.prodigy.jsonl").read_text(encoding="utf-8").splitlines()
    content = data.draw(damaged_exports(lines))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fuzz.jsonl"
        source.write_text(content, encoding="utf-8")
        import_checked(template, source, capsys)


ANN_PIECES = ["T", "E", "A", "#", "R", "\t", " ", ":", ";", "0", "7", "42", "999999", "-1", "PERSON",
              "Attack", "Attacker", "Target", "Note", "T1", "E1", "\n", "é", "x"]


@FUZZ
@given(data=st.data())
def test_fuzzed_brat_imports_fail_cleanly_or_stay_usable(data, seed_exports, template, capsys):
    brat = seed_exports / "brat"
    ann_path = next(brat.glob("*.ann"))
    lines = ann_path.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        n = data.draw(st.integers(0, len(lines) - 1))
        junk = "".join(data.draw(st.lists(st.sampled_from(ANN_PIECES), max_size=8)))
        cut = data.draw(st.integers(0, len(lines[n])))
        lines[n] = lines[n][:cut] + junk + lines[n][cut + data.draw(st.integers(0, 3)):]
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "brat"
        shutil.copytree(brat, copy)
        (copy / ann_path.name).write_text("\n".join(lines), encoding="utf-8")
        import_checked(template, copy, capsys)


@FUZZ
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                     st.text(max_size=100).map(lambda t: t.encode("utf-16"))),
       suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_fuzzed_plain_files_fail_cleanly_or_stay_usable(raw, suffix, template, capsys):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"fuzz{suffix}"
        source.write_bytes(raw)
        import_checked(template, source, capsys)


def test_a_lone_surrogate_in_jsonl_text_is_one_line_not_a_crash(tmp_path, capsys):
    """JSON may escape a lone surrogate ("\\ud800"), which no UTF-8 file can hold: one line, exit 1."""
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"text": "Troops clashed in Aden on Monday.", "title": "t"}) + "\n"
                      + json.dumps({"text": "Troops clashed in Aden \ud800 on Monday.", "title": "t"}) + "\n",
                      encoding="utf-8")
    db = tmp_path / "p.json"
    assert main(["import", str(source), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:2" in err and "lone surrogate" in err and err.count("\n") == 1, err
    assert not db.exists()  # all or nothing: the good line was not imported either

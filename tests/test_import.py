"""Import: titles, dates, de-duplication, and one clear line for every bad input."""

from __future__ import annotations

import json

from tui.cli import main
from tui.core.importer import read_sources
from tui.core.store import Store

from .conftest import SAMPLES, SEED


def test_sample_folder_reads_titles_dates_and_skips_the_readme():
    articles = list(read_sources([str(SAMPLES)]))
    assert len(articles) == 11
    seed = articles[0]
    assert seed.title.startswith("MESOP NEWS Syria Daily: US")
    assert seed.published == "2018-02-08"  # from the file name: the dateline "8Febr 2018" is rough
    assert seed.text[seed.body_start:].startswith("By Scott lucas")
    wardak = articles[1]
    assert wardak.title == "Car bomb ramming attack kills dozens at military base in Maidan Wardak, Afghanistan"
    assert wardak.url.startswith("https://en.wikinews.org/wiki/Car_bomb")
    assert wardak.license.startswith("CC BY 2.5")
    assert wardak.published == "2019-01-24"  # from the dateline "Thursday, January 24, 2019"
    assert wardak.text.startswith("Thursday, January 24, 2019")  # the header line is not article text


def test_importing_the_same_text_twice_stores_it_once(db_path, capsys):
    assert main(["import", str(SEED), "--db", str(db_path)]) == 0
    assert main(["import", str(SEED), str(SAMPLES), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "imported 10 article(s), 2 already stored" in out
    with Store(db_path) as store:
        assert len(store.article_ids()) == 11


def test_jsonl_with_text_id_title_and_meta(tmp_path, db_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Police arrested 3 people in Lagos.", "id": "x/1", "title": "Lagos",
                                "meta": {"feed": "wire"}}) + "\n")
    assert main(["import", str(path), "--db", str(db_path)]) == 0
    with Store(db_path) as store:
        article = store.load_article(store.article_ids()[0])
    assert (article.title, article.meta) == ("Lagos", {"feed": "wire", "external_id": "x/1"})


def test_a_jsonl_records_own_date_is_the_articles_date(tmp_path, db_path):
    lines = [{"text": "Police arrested 3 people in Lagos on Monday.", "meta": {"date": "2019-03-14T08:00:00Z"}},
             {"text": "Troops shelled a village on Tuesday.", "published": "2020-07-01"},
             {"text": "Monday, January 14, 2019\n\nA riot broke out.", "title": "Riot", "meta": {"date": "not a date"}}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert main(["import", str(path), "--db", str(db_path)]) == 0
    with Store(db_path) as store:
        dates = sorted(store.load_article(i).published for i in store.article_ids())
    # an unreadable date leaves the dateline's (and stays in meta as given)
    assert dates == ["2019-01-14", "2019-03-14", "2020-07-01"]


def _bad_inputs(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("first line\ncaf\xe9".encode("latin-1"))
    (tmp_path / "empty.md").write_text("  \n\n")
    (tmp_path / "broken.jsonl").write_text('{"text": "fine one"}\n{"text": "oops"\n{"title": "no text"}\n')
    return {
        "binary.txt": "binary file",
        "latin1.txt:2": "not valid UTF-8",
        "empty.md": "empty file",
        "broken.jsonl:2": "not valid JSON",
        "broken.jsonl:3": "no 'text' field",
    }


def test_each_bad_input_gets_one_line_and_nothing_is_imported(tmp_path, db_path, capsys):
    assert main(["import", str(SEED), "--db", str(db_path)]) == 0
    before = db_path.read_bytes()
    files = sorted(p.name for p in (tmp_path / "project_articles").iterdir())
    folder = tmp_path / "in"
    folder.mkdir()
    expected = _bad_inputs(folder)
    (folder / "good.txt").write_text("A good article\n\nWith a body.\n")
    capsys.readouterr()
    assert main(["import", str(folder), str(SEED), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == len(expected) + 1
    for where, message in expected.items():
        line = next(line for line in err if f"{folder / where}:" in line)
        assert message in line and "Traceback" not in line
    assert err[-1] == "newsmark: 5 problems; nothing was imported"
    # The good article and the good JSONL line are not imported either: the project is as it was.
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "project_articles").iterdir()) == files


def test_missing_source_is_one_line(db_path, capsys):
    assert main(["import", "no/such/file.txt", "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == "newsmark: no/such/file.txt: no such file or folder; nothing was imported"


def test_articles_keep_their_import_order_after_reopening(samples_db):
    """The index file sorts its keys as text; the list must still follow the import order."""
    with Store(samples_db) as store:
        titles = [row["source"].rsplit("/", 1)[-1][:2] for row in store.rows()]
    assert titles == [f"{n:02d}" for n in range(11)]

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from communique.calendar import parse_published
from communique.errors import InputError
from communique.inputs import check_text, guess_title, read_inputs
from communique.records import Article, InputFailure


def read(*paths: Path) -> list[Article | InputFailure]:
    return list(read_inputs([str(p) for p in paths]))


def test_text_file_title_is_the_first_line_before_a_blank(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text("Leaders meet\n\nThe leaders met on Monday to talk.\n", encoding="utf-8")
    [article] = read(p)
    assert isinstance(article, Article)
    assert article.title == "Leaders meet" and article.origin == str(p)
    assert len(article.id) == 16 and article.id != "story"  # a hash of the text: the file name is provenance
    assert article.text.startswith("Leaders meet\n")  # offsets count from the first character of the file


def test_short_first_line_is_a_title_even_without_blank() -> None:
    text = "Talks resume\n" + "The two delegations resumed their negotiations in Geneva after a long pause.\n" * 3
    assert guess_title(text) == "Talks resume"
    assert guess_title("One sentence only. Another one follows here.") is None


def test_jsonl_lines_become_articles_and_bad_lines_failures(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    p.write_bytes(b'{"id": "a", "text": "First article.", "published": "2025-01-02"}\n'
                  b'not json\n'
                  b'{"id": "c"}\n'
                  b'\n'
                  b'{"text": "Third article.", "published": "yesterday-ish"}\n'
                  b'{"id": "e", "text": "Fifth \xff article."}\n'
                  b'{"id": "f", "text": "Last article."}\n')
    items = read(p)
    assert [type(i).__name__ for i in items] == ["Article", "InputFailure", "InputFailure", "InputFailure",
                                                 "InputFailure", "Article"]
    assert items[0].published == date(2025, 1, 2)
    assert "batch.jsonl:2" in str(items[1]) and "not valid JSON" in str(items[1])
    assert "no \"text\"" in str(items[2])
    assert "published date" in str(items[3])
    assert "UTF-8" in str(items[4])


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Caf\xe9 talks resumed", "not valid UTF-8"),
])
def test_bad_files_give_one_line_errors_naming_the_input(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [failure] = read(p)
    assert isinstance(failure, InputFailure)
    assert message in failure.message and str(p) in str(failure) and "\n" not in str(failure)


def test_other_inputs_are_read_after_a_failure(tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_bytes(b"")
    good.write_text("Ministers met.", encoding="utf-8")
    items = read(bad, tmp_path / "missing.txt", tmp_path / "slides.pptx", good)
    assert [type(i).__name__ for i in items] == ["InputFailure", "InputFailure", "InputFailure", "Article"]
    assert "unsupported input type" in items[2].message


def test_huge_text_is_refused_with_the_limit() -> None:
    with pytest.raises(InputError, match="over the limit of 1,000,000"):
        check_text("word " * 4_000_000, "big.txt", 1_000_000)


def test_non_english_text_is_refused() -> None:
    with pytest.raises(InputError, match="English"):
        check_text("Die Regierung hat heute in Berlin über neue Maßnahmen beraten, sagte ein Sprecher "
                   "des Ministeriums nach der Sitzung im Kanzleramt am Mittwoch vor Journalisten.", "de.txt", 10**6)


def test_publication_dates_in_other_spellings() -> None:
    assert parse_published("2025-09-04T10:00:00Z", "x") == date(2025, 9, 4)
    assert parse_published("September 4, 2025", "x") == date(2025, 9, 4)
    assert parse_published(None, "x") is None
    with pytest.raises(InputError, match="x: published date"):
        parse_published("soon", "x")


def test_jsonl_fields_are_kept(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": 7, "text": "T.", "title": "Ti", "source": "S", "url": "http://example.org/a",
                             "language": "en"}) + "\n", encoding="utf-8")
    [a] = read(p)
    assert (a.id, a.title, a.source, a.url) == ("7", "Ti", "S", "http://example.org/a")


def test_a_jsonl_lead_is_the_text_s_first_paragraph(tmp_path: Path) -> None:
    p = tmp_path / "releases.jsonl"
    rows = [{"id": "r1", "title": "Call with the Chancellor", "lead": "The Prime Minister called the Chancellor.",
             "text": "They discussed energy."},
            {"id": "r2", "description": "Ministers met in Oslo.", "text": "Ministers met in Oslo. They agreed."},
            {"id": "r3", "lead": 7, "text": "A body."}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second, third = read(p)
    assert isinstance(first, Article) and first.text == "The Prime Minister called the Chancellor.\n\nThey discussed energy."
    assert first.title == "Call with the Chancellor"
    assert isinstance(second, Article) and second.text == "Ministers met in Oslo. They agreed."  # already its start
    assert isinstance(third, InputFailure) and "\"lead\" must be a string" in str(third)

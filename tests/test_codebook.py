"""The event codebooks: every code the coder can emit exists, agrees with PLOVER, and user files extend them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from communique.codebook import load_codebook
from communique.errors import ConfigError

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_plover_has_the_sixteen_types_in_four_quads() -> None:
    book = load_codebook()
    assert set(book.quads) == PLOVER_TYPES
    assert {book.quad(t) for t in PLOVER_TYPES} == {1, 2, 3, 4}
    assert book.quad("AGREE") == 1 and book.quad("AID") == 2 and book.quad("ACCUSE") == 3 and book.quad("ASSAULT") == 4


def test_every_code_a_pattern_or_frame_can_emit_is_in_the_cameo_table() -> None:
    book = load_codebook()
    emitted = {p.cameo for rows in book.patterns.values() for p in rows if p.cameo} | set(book.frame_codes.values())
    assert emitted <= set(book.cameo)
    assert all(book.plover(code) in PLOVER_TYPES for code in emitted)


def test_cameo_table_agrees_with_the_oeda_conversion_table(shared: Path) -> None:
    table = {}
    for line in (shared / "gold" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    assert load_codebook().cameo == table


def test_a_users_pattern_file_adds_triggers_and_wins(tmp_path: Path) -> None:
    (tmp_path / "event_patterns.csv").write_text(
        "lemma,pos,objects,particle,preps,cameo,frames\nsnub,VERB,,,,120,needs_object\nmeet,VERB,,,with,042,\n",
        encoding="utf-8")
    book = load_codebook(tmp_path)
    assert book.patterns["snub"][0].cameo == "120"
    assert book.patterns["meet"][0].cameo == "042"  # the user's row is tried before ours


def test_an_exclusion_list_means_any_object_but_those(tmp_path: Path) -> None:
    (tmp_path / "event_patterns.csv").write_text(
        "lemma,pos,objects,particle,preps,cameo,frames\nstrike,VERB,!deal|bargain,,,190,needs_object\n",
        encoding="utf-8")
    row = load_codebook(tmp_path).patterns["strike"][0]
    assert row.objects == frozenset() and row.excluded == {"deal", "bargain"}


def test_an_unknown_code_in_a_users_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "event_patterns.csv").write_text("lemma,pos,objects,particle,preps,cameo,frames\nsnub,VERB,,,,999,\n",
                                                 encoding="utf-8")
    with pytest.raises(ConfigError, match="999.*cameo.csv"):
        load_codebook(tmp_path)


def test_a_word_class_stands_for_its_words_and_a_users_file_grows_it(tmp_path: Path) -> None:
    (tmp_path / "word_classes.csv").write_text("class,words,note\nweapons,catapults|trebuchets,\n", encoding="utf-8")
    (tmp_path / "event_patterns.csv").write_text(
        "lemma,pos,objects,particle,preps,cameo,frames\nlend,VERB,@weapons|spears,,to,072,\n", encoding="utf-8")
    row = load_codebook(tmp_path).patterns["lend"][0]
    assert {"tanks", "howitzers", "catapults", "spears"} <= row.objects and "@weapons" not in row.objects


def test_an_unknown_word_class_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "event_patterns.csv").write_text(
        "lemma,pos,objects,particle,preps,cameo,frames\nlend,VERB,@spaceships,,to,072,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="@spaceships.*word_classes.csv"):
        load_codebook(tmp_path)


def test_a_users_operations_file_adds_named_operations_and_a_bad_date_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "operations.csv").write_text("name,source,target,since,until,note\n"
                                             "Operation Northern Gale,NOR,SWE,2031-01-05,2031-02-01,\n", encoding="utf-8")
    gale = next(o for o in load_codebook(tmp_path).operations if o.source == "NOR")
    assert gale.words == ("operation", "northern", "gale") and gale.covers("2031-01-20")
    assert not gale.covers("2031-03-01") and not gale.covers(None)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "operations.csv").write_text("name,source,target,since,until,note\nGale,NOR,SWE,January,,\n",
                                        encoding="utf-8")
    with pytest.raises(ConfigError, match="operations.csv.*start date"):
        load_codebook(bad)

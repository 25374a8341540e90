from __future__ import annotations

from datetime import date
from pathlib import Path

import pycountry
import pytest

from communique.errors import ConfigError
from communique.gazetteer import UNLISTED_STATES, load_gazetteer

SECTORS = {"GOV", "MIL", "IGO", "LEG", "OPP", "BUS", "MED", "CVL", "JUD", "NGO", "INS", "REB", "SPY", "COP"}


def test_every_un_member_and_observer_is_a_country() -> None:
    gaz = load_gazetteer()
    assert len(gaz.countries) >= 195
    for code in ("FRA", "UKR", "RUS", "VAT", "PSE", "TUV", "SSD"):
        assert code in gaz.countries
    for code in gaz.countries:
        assert pycountry.countries.get(alpha_3=code) is not None or code in UNLISTED_STATES or \
            pycountry.historic_countries.get(alpha_3=code) is not None


def test_countries_have_demonyms_and_capitals() -> None:
    gaz = load_gazetteer()
    assert "French" in gaz.countries["FRA"].demonyms
    assert {"Kyiv", "Kiev"} <= set(gaz.countries["UKR"].capitals)
    assert "Kremlin" in gaz.countries["RUS"].seats
    assert "White House" in gaz.countries["USA"].seats


def test_at_least_forty_organisations_with_known_sectors() -> None:
    gaz = load_gazetteer()
    assert len(gaz.organizations) >= 40
    assert {"NATO", "European Union", "United Nations", "OSCE", "G7", "G20", "African Union", "ASEAN",
            "Coalition of the Willing"} <= {o.name for o in gaz.organizations}
    assert {o.sector for o in gaz.organizations} <= SECTORS


def test_office_holders_roles_depend_on_the_date() -> None:
    trump = load_gazetteer().people["Donald Trump"]
    assert trump.term_at(date(2018, 6, 1)).country == "USA"
    assert trump.term_at(date(2025, 9, 4)).sector == "GOV"
    assert trump.term_at(date(2022, 6, 1)) is None


def test_office_holders_use_known_codes() -> None:
    gaz = load_gazetteer()
    orgs = {o.code for o in gaz.organizations}
    for person in gaz.people.values():
        assert person.nationality in gaz.countries
        for term in person.terms:
            assert term.country in gaz.countries or term.country in orgs
            assert term.sector in SECTORS
            assert term.end is None or term.end > term.start


def test_roles_map_to_known_sectors() -> None:
    assert set(load_gazetteer().roles.values()) <= SECTORS


def test_user_files_extend_the_gazetteer(tmp_path: Path) -> None:
    (tmp_path / "officeholders.csv").write_text(
        "name,aliases,short,nationality,country,sector,role,start,end\n"
        "Ana Exampleva,,Exampleva,MDA,MDA,GOV,Foreign Minister,2024-01-01,\n", encoding="utf-8")
    gaz = load_gazetteer(tmp_path)
    assert gaz.people["Ana Exampleva"].term_at(date(2025, 1, 1)).role == "Foreign Minister"
    assert "Donald Trump" in gaz.people


def test_bad_user_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "countries.csv").write_text("iso3,name,aliases,demonyms,capitals,seats\nQQQ,Nowhere,,,,\n")
    with pytest.raises(ConfigError, match="countries.csv:2.*QQQ"):
        load_gazetteer(tmp_path)


def test_a_region_kind_is_location_or_group_and_a_wrong_one_names_the_file(tmp_path: Path) -> None:
    gaz = load_gazetteer()
    kinds = {r.code: r.kind for r in gaz.regions}
    assert kinds["WST"] == "group" and kinds["EUR"] == "location"
    (tmp_path / "regions.csv").write_text("code,name,aliases,demonyms,kind\nXXR,Nowhere Land,,,planet\n")
    with pytest.raises(ConfigError, match="regions.csv:2.*planet"):
        load_gazetteer(tmp_path)


def test_a_government_site_names_its_state_and_any_other_site_none() -> None:
    gaz = load_gazetteer()
    assert gaz.publisher_country("https://www.president.gov.ua/en/news/x-1") == "UKR"
    assert gaz.publisher_country("http://en.kremlin.ru/events/president/news/1") == "RUS"
    assert gaz.publisher_country("https://news.example.com/kremlin.ru") is None
    assert gaz.publisher_country(None) is None


def test_national_bodies_belong_to_their_state() -> None:
    gaz = load_gazetteer()
    bodies = {o.name: (o.code, o.sector) for o in gaz.organizations}
    assert bodies["State Duma"] == ("RUS", "LEG")
    assert bodies["Verkhovna Rada"] == ("UKR", "LEG")
    assert bodies["Federal Security Service"] == ("RUS", "SPY")


def test_former_and_unlisted_states_are_countries_by_their_codes() -> None:
    gaz = load_gazetteer()
    assert gaz.countries["SUN"].name == "Soviet Union" and gaz.countries["YUG"].name == "Yugoslavia"
    assert gaz.countries["ABH"].name == "Abkhazia"

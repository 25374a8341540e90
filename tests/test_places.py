"""Places: towns from the offline GeoNames extract, shared names settled by the article's countries."""
from __future__ import annotations

from communique.places import find_place


def test_a_town_has_its_country_coordinates_and_geonames_id() -> None:
    town = find_place("Istanbul")
    assert town is not None and town.country == "TUR" and town.geonameid > 0
    assert 40 < town.latitude < 42 and 28 < town.longitude < 30


def test_a_shared_name_goes_to_the_most_populous_unless_the_article_names_another_country() -> None:
    assert find_place("Damascus").country == "SYR"  # type: ignore[union-attr]
    assert find_place("Damascus", ["USA"]).country == "USA"  # type: ignore[union-attr]


def test_a_latin_alternate_name_is_known_and_a_made_up_one_is_not() -> None:
    assert find_place("Kiev").country == "UKR"  # type: ignore[union-attr]
    assert find_place("Zzyzxville") is None


def test_georgia_is_the_country_unless_the_text_puts_it_in_the_united_states() -> None:
    from communique import extract

    state = extract("Protesters marched in Atlanta, Georgia on Monday.", published="2024-05-06")
    country = extract("Talks with Georgia on trade resumed in Tbilisi.", published="2024-05-06")
    assert [(a.kind, a.country) for a in state.actors if a.name == "Georgia"] == [("location", "USA")]
    assert [(a.kind, a.country) for a in country.actors if a.name == "Georgia"] == [("country", "GEO")]


def test_a_us_state_is_a_region_of_the_united_states_with_a_point() -> None:
    from communique import extract

    r = extract("Vladimir Putin and Donald Trump met in Alaska on Friday.", published="2025-08-16")
    alaska = next(a for a in r.actors if a.name == "Alaska")
    assert (alaska.kind, alaska.country) == ("location", "USA") and alaska.geo and alaska.geo.feature == "region"
    met = next(e for e in r.events if e.type == "CONSULT")
    assert met.location == alaska.id and met.location_precision == "region"


def test_a_small_town_abroad_is_not_taken_for_a_place_the_article_does_not_name() -> None:
    from communique import extract

    r = extract("Militants ambushed a convoy in Borno state on Monday.", published="2024-05-06")
    assert all(a.country != "DEU" for a in r.actors)  # there is a small Borno in Germany; this is not it
    r = extract("A colonel was killed by a roadside bomb in Kandahar.", published="2024-05-06")
    assert [a.country for a in r.actors if a.name == "Kandahar"] == ["AFG"]  # a city of 100,000 or more


def test_saint_may_be_written_st_with_or_without_a_full_stop() -> None:
    full = find_place("Saint Petersburg")
    assert full is not None and full.country == "RUS"
    assert find_place("St Petersburg") == find_place("St. Petersburg") == full
    assert find_place("Stavropol") is not None and find_place("Stavropol").country == "RUS"  # "St" only as a word


def test_the_index_is_loaded_whole_and_spellings_of_a_name_meet() -> None:
    from communique.places import load_places

    assert load_places() > 50_000
    assert find_place("St. Petersburg") == find_place("Saint Petersburg") == find_place("St Petersburg")
    assert find_place("Kandahār") == find_place("Kandahar") is not None


def test_a_region_or_river_named_after_a_town_lies_in_the_towns_country() -> None:
    from communique import extract

    record = extract("Floods hit the Tartu Region on Monday and the Narva River rose.", published="2025-03-06")
    places = {a.name.removeprefix("the "): a.country for a in record.actors if a.kind == "location"}
    assert places.get("Tartu Region") == "EST" and places.get("Narva River") == "EST"

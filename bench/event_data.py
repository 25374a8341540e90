"""How countable a store's events are: the share with a place, with coordinates, with a day-precision date, with
a source country and a target country, and how many happenings were told by two stories or more.

    python bench/event_data.py STORE [STORE ...]

Give a store made by an older release beside one made now (the same articles ingested by each) to compare them;
the database is only read (an older one is not migrated). Figures for `../shared/corpus/ua_ru` are in RESULTS.md.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from communique.store import database_url


def figures(url: str) -> dict[str, float | int]:
    """The figures of one store, read with plain SQL so that any schema version answers."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            geo = "latitude" in {c["name"] for c in inspect(conn).get_columns("actors")}

            def one(sql: str) -> int:
                return int(conn.execute(text(sql)).scalar_one() or 0)

            total = one("SELECT count(*) FROM events")
            with_country = ("SELECT count(DISTINCT ea.event_id) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
                            " WHERE ea.role = '{role}' AND a.country IS NOT NULL")
            out: dict[str, float | int] = {
                "articles": one("SELECT count(*) FROM documents"),
                "events": total,
                "place": one("SELECT count(*) FROM events WHERE location_id IS NOT NULL"),
                "coordinates": one("SELECT count(*) FROM events e JOIN actors a ON a.id = e.location_id "
                                   "WHERE a.latitude IS NOT NULL") if geo else 0,
                "day_date": one("SELECT count(*) FROM events WHERE length(date) = 10"),
                "source_country": one(with_country.format(role="source")),
                "target_country": one(with_country.format(role="target")),
                "multi_story_clusters": one("SELECT count(*) FROM event_clusters WHERE mentions >= 2"),
            }
    finally:
        engine.dispose()
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    shares = ("place", "coordinates", "day_date", "source_country", "target_country")
    print(f"{'store':<40} {'articles':>8} {'events':>7} " + " ".join(f"{s:>14}" for s in shares)
          + f" {'clusters>=2':>11}")
    for url in argv:
        f = figures(url)
        n = max(int(f["events"]), 1)
        print(f"{Path(url).name:<40} {f['articles']:>8} {f['events']:>7} "
              + " ".join(f"{f[s] / n:>14.1%}" for s in shares) + f" {f['multi_story_clusters']:>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

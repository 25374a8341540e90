"""Synthetic news articles written by templates in our own words, different enough not to be near-duplicates."""
from __future__ import annotations

import random

COUNTRIES = ["France", "Germany", "Italy", "Spain", "Poland", "Sweden", "Norway", "Finland", "Greece", "Portugal",
             "Austria", "Ireland", "Japan", "Canada", "Brazil", "Kenya", "Ghana", "Chile", "Peru", "Egypt"]
CITIES = ["Geneva", "Vienna", "Oslo", "Lisbon", "Madrid", "Rome", "Warsaw", "Athens", "Dublin", "Nairobi"]
SENTENCES = [
    "{a} and {b} signed a trade agreement in {city} on Monday after {n} rounds of negotiations.",
    "The foreign minister of {a} accused {b} of blocking grain shipments along the river for {n} days.",
    "{a} threatened to impose sanctions on {b} unless its navy left the disputed waters before winter.",
    "Officials from {b} said the talks in {city} had covered fishing quotas, port fees and {n} smaller disputes.",
    "{a} will send aid to {b} after floods destroyed {n} bridges in the northern provinces.",
    "Police in {city} arrested {n} protesters who had blocked the road to the parliament of {a}.",
    "{b} rejected the proposal from {a}, saying it ignored the rights of {n} families living near the border.",
    "A spokesman for the government of {a} said the ministers would meet again in {city} next month.",
    "Thousands of farmers marched through {city} on Friday to protest against new water rules in {b}.",
    "{a} praised {b} for releasing {n} detained journalists before the regional summit.",
    "The defence ministry of {b} said it had deployed {n} extra ships near the coast of {a}.",
    "Diplomats familiar with the matter said {a} had offered {b} a loan of {n} million euros.",
]


def synthetic_articles(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        chosen = rng.sample(SENTENCES, 4)
        body = " ".join(s.format(a=a, b=b, city=rng.choice(CITIES), n=rng.randint(2, 90)) for s in chosen)
        day = 1 + i % 28
        out.append({"id": f"synthetic-{i:04d}", "title": f"{a} and {b}: report {i}", "published": f"2025-04-{day:02d}",
                    "text": f"{a} and {b}: report {i}\n\n{body}"})
    return out

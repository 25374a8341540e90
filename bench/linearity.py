"""Extraction time against text length: `python bench/linearity.py [--small 200000 --large 1000000]`.

One synthetic article of news-like paragraphs (written for this script: readouts, quotations, reported speech,
meetings, strikes) repeated until it reaches each length; prints the time of each `extract()` and the ratio
large / small, which is about large/small chars (5×) when extraction is linear in the text length.
"""
from __future__ import annotations

import argparse
import time
from datetime import date

from common import machine

PARAGRAPHS = (
    ("Emmanuel Macron held talks with Volodymyr Zelensky in Paris on Tuesday. The French President said that "
    "Europe would keep supporting Ukraine. “We will not abandon our partners,” Macron told reporters after "
    "the meeting."),
    ("Russian Foreign Minister Sergei Lavrov accused NATO of escalating the conflict. He said Moscow was ready "
    "for dialogue but would respond to any threat. The Kremlin did not comment on the report."),
    ("Olaf Scholz telephoned Recep Tayyip Erdogan on Friday. The two leaders discussed grain exports across "
    "the Black Sea, a German government spokesman said. “Both sides agreed to stay in close contact,” the "
    "spokesman added."),
    ("Ukrainian forces shelled positions near Donetsk overnight, the Russian Defence Ministry said. Kyiv denied "
    "the claim and said its troops had repelled an attack. The United Nations called for restraint."),
    ("Vladimir Putin met Xi Jinping in Beijing. The President of Russia stressed the importance of trade "
    "between the two countries. “Our cooperation is not directed against anyone,” Putin said, according to "
    "the Kremlin. Chinese officials said the talks were constructive."),
    ("Joe Biden warned Iran against attacking Israel. The American leader told the press that Washington "
    "would defend its ally. Tehran rejected the warning and said it would not be intimidated."),
)


def article(size: int) -> str:
    """The paragraphs repeated, blank line between them, cut at a paragraph boundary near `size` chars."""
    parts: list[str] = []
    length = 0
    while length < size:
        text = PARAGRAPHS[len(parts) % len(PARAGRAPHS)]
        parts.append(text)
        length += len(text) + 2
    return "\n\n".join(parts)


def timed(text: str) -> float:
    from communique.extraction import extract
    from communique.settings import Settings

    settings = Settings(max_chars=max(len(text), 1_000_000))
    start = time.perf_counter()
    extract(text, published=date(2025, 3, 4), settings=settings)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200_000, help="characters of the short text")
    parser.add_argument("--large", type=int, default=1_000_000, help="characters of the long text")
    args = parser.parse_args()
    print(machine())
    timed(article(5_000))  # load the pipeline and warm up
    small, large = timed(article(args.small)), timed(article(args.large))
    print(f"{args.small:,} chars: {small:.1f} s; {args.large:,} chars: {large:.1f} s; "
          f"ratio {large / small:.2f} (chars ratio {args.large / args.small:.1f})")


if __name__ == "__main__":
    main()

"""``newsmap atlas``: the places and events of a whole feed (the JSON Lines of
``newsmap batch --events``) on one offline map."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path
from typing import Any

from geo.errors import InputError

__all__ = ["add_atlas_parser", "atlas"]


def add_atlas_parser(sub: argparse._SubParsersAction[Any]) -> None:
    command = sub.add_parser(
        "atlas",
        help="map the places and events of a whole feed (the output of newsmap batch "
        "--events) as one offline HTML file",
    )
    command.add_argument("input", type=Path, help="JSON Lines written by newsmap batch")
    command.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    command.add_argument("--articles", type=Path, help="the batch's input, for the publication "
                         "dates of results written without one")  # fmt: skip


def atlas(args: argparse.Namespace) -> int:
    from geo.atlas import published_by_id, read_feed
    from geo.cli_io import check_output, load_index, write_output
    from geo.extras import Extra, requires
    from geo.inputs import read_file

    with requires(Extra.MAP, "newsmap atlas"):
        from geo.atlas_map import atlas_html, note_of
    out: Path = args.output
    check_output(out)
    data = read_file(args.input, max_bytes=None).removeprefix(codecs.BOM_UTF8)
    published = {}
    if args.articles is not None:
        published = published_by_id(read_file(args.articles, max_bytes=None).split(b"\n"))
    feed = read_feed(data.split(b"\n"), published)
    if not feed.articles:
        note = note_of(feed)
        raise InputError(f"{args.input} holds no usable record" + (f" ({note})" if note else ""))
    gazetteer = load_index(args)
    write_output(out, atlas_html(feed, gazetteer))
    note = note_of(feed)
    print(f"{out}: {len(feed.articles)} articles, {len(feed.places)} places"
          + (f"; {note}" if note else ""), file=sys.stderr)  # fmt: skip
    return 0

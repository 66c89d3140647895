"""The atlas page: a feed's places on one offline map (``newsmap atlas``).

Markers are sized by the number of articles that name the place and clustered where they
overlap by Leaflet.markercluster, inlined from ``xstatic-leaflet-markercluster`` like Leaflet
itself. A control holds two sliders over the publication dates (the articles published from
one day to another), and folded, scrolling lists of check boxes of the event types and of the
countries, so that a feed of many types and countries keeps the control within the window;
each marker's popup lists the articles shown, with their quotes or mention texts and events.

As on the story map (:mod:`geo.controls`), text from the feed reaches the page only as data:
popup rows are HTML escaped here with :func:`geo.report.safe.html`, everything goes in as
:func:`~geo.report.safe.script_json`, and the control writes labels with ``textContent``.
"""

from __future__ import annotations

import folium
from folium.template import Template

from geo.assets import inline_head, markercluster_head
from geo.atlas import NO_EVENT, AtlasPlace, Feed, PlaceInArticle
from geo.controls import InertMacro, RawText
from geo.framing import MAX_ZOOM
from geo.gazetteer import Gazetteer
from geo.render import country_outlines, figure_of
from geo.report.safe import html, identifier, script_json

__all__ = ["atlas_html", "build_atlas", "note_of"]

_FIT_MAX_ZOOM = 6  # a feed about one city still shows its region
_MAX_ROWS = 60  # articles listed in one popup; the rest are counted


def note_of(feed: Feed) -> str:
    """What the page and the command say about records left out."""
    parts = []
    if feed.skipped:
        parts.append(f"{feed.skipped} record{'s' if feed.skipped != 1 else ''} with an error "
                     "skipped")  # fmt: skip
    if feed.unreadable:
        parts.append(f"{feed.unreadable} unreadable line{'s' if feed.unreadable != 1 else ''} "
                     "skipped")  # fmt: skip
    return "; ".join(parts)


def build_atlas(feed: Feed, gazetteer: Gazetteer, *, height: str = "100%") -> folium.Map:
    """The feed's map, with Leaflet, jQuery and markercluster inlined."""
    fmap = folium.Map(location=(20, 0), zoom_start=2, tiles=None, control_scale=True,
                      height=height, world_copy_jump=True)  # fmt: skip
    fmap.default_js = []
    fmap.default_css = []
    head = inline_head() + markercluster_head() + f"<style>{_CSS}</style>"
    figure_of(fmap).header.add_child(RawText(head), name="newsmap_assets")
    fmap.add_child(country_outlines(fmap.get_name(), gazetteer))
    fmap.add_child(AtlasLayer(fmap.get_name(), feed))
    return fmap


def atlas_html(feed: Feed, gazetteer: Gazetteer) -> str:
    """The atlas as one HTML page that loads nothing."""
    return str(figure_of(build_atlas(feed, gazetteer)).render())


def _row(feed: Feed, seen: PlaceInArticle) -> str:
    article = feed.articles[seen.article]
    when = f" · {article.published.isoformat()}" if article.published else ""
    mentions = f"{seen.mentions} mention{'s' if seen.mentions != 1 else ''}"
    lines = [f"<b>{html(article.id)}</b>{html(when)} · {mentions}"]
    if seen.quotes:
        lines += [f"<p class='newsmap-quote'>“{html(q)}”</p>" for q in seen.quotes]
    else:
        lines.append(f"<p class='newsmap-quote'>as {html(', '.join(seen.texts))}</p>")
    lines += [f"<div>{html(t)}{(' · ' + html(label)) if label else ''}</div>"
              for t, label in seen.events]  # fmt: skip
    return f"<li>{''.join(lines)}</li>"


def _place(feed: Feed, place: AtlasPlace) -> dict[str, object]:
    where = ", ".join(x for x in (place.kind, place.country_code) if x)
    head = f"<b>{html(place.name)}</b>" + (f" <small>{html(where)}</small>" if where else "")
    return {
        "lat": round(place.lat, 5),
        "lon": round(place.lon, 5),
        "name": place.name,
        "country": place.country_code,
        "head": head,
        # article index, mentions, event types, the row's HTML
        "rows": [[a.article, a.mentions, list(a.types), _row(feed, a)] for a in place.articles],
    }


class AtlasLayer(InertMacro):
    """The clustered markers and the control that filters them, from data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this.map }};
            var data = {{ this.data_json }};
            map.setMaxZoom({{ this.max_zoom }});  // markercluster needs a highest zoom
            var cluster = L.markerClusterGroup({maxClusterRadius: 45,
                                                showCoverageOnHover: false});
            function dot(n) {
                var d = Math.round(10 + 5 * Math.sqrt(n));
                return L.divIcon({className: "newsmap-atlas-dot", iconSize: [d, d]});
            }
            var markers = data.places.map(function (p) {
                var m = L.marker([p.lat, p.lon], {icon: dot(1), title: p.name});
                m.bindPopup("", {maxWidth: 380, maxHeight: 320});
                return m;
            });
            var first = 0, last = data.dates.length - 1, types = {}, countries = {};
            data.types.forEach(function (t) { types[t] = true; });
            data.countries.forEach(function (c) { countries[c] = true; });
            var status;
            function rowsOf(p) {
                if (!countries[p.country]) { return []; }
                return p.rows.filter(function (r) {
                    var published = data.published[r[0]];
                    if (published !== "" && last >= 0 &&
                        (published < data.dates[first] || published > data.dates[last])) {
                        return false;
                    }
                    return r[2].some(function (t) { return types[t]; });
                });
            }
            function update() {
                var shown = [], articles = {};
                markers.forEach(function (m, i) {
                    var p = data.places[i], rows = rowsOf(p);
                    if (!rows.length) { return; }
                    var mentions = 0;
                    rows.forEach(function (r) { mentions += r[1]; articles[r[0]] = true; });
                    var more = rows.length > data.maxRows ?
                        "<li>… and " + (rows.length - data.maxRows) + " more</li>" : "";
                    m.setIcon(dot(rows.length));
                    m.setPopupContent(p.head + "<br>" + rows.length + " article(s) · " +
                        mentions + " mention(s)<ul class='newsmap-quotes'>" +
                        rows.slice(0, data.maxRows).map(function (r) { return r[3]; }).join("") +
                        more + "</ul>");
                    shown.push(m);
                });
                cluster.clearLayers();
                cluster.addLayers(shown);
                status.textContent = shown.length + " places · " +
                    Object.keys(articles).length + " articles";
            }
            function line(div, text) {
                var el = L.DomUtil.create("div", "newsmap-atlas-line", div);
                el.textContent = text;
                return el;
            }
            // a folded list of check boxes, scrolling when long, with "all" and "none"
            function checklist(div, name, title, values, labelOf, state) {
                var fold = L.DomUtil.create("details", "newsmap-atlas-fold " + name, div);
                var summary = L.DomUtil.create("summary", "", fold);
                var bar = L.DomUtil.create("div", "newsmap-atlas-all", fold);
                var list = L.DomUtil.create("div", "newsmap-atlas-list", fold);
                var checks = values.map(function (v) {
                    var item = L.DomUtil.create("label", "", list);
                    var check = L.DomUtil.create("input", "", item);
                    check.type = "checkbox"; check.checked = true; check.value = v;
                    item.appendChild(document.createTextNode(labelOf(v)));
                    check.addEventListener("change", function () {
                        state[v] = check.checked; say(); update();
                    });
                    return check;
                });
                function say() {
                    var on = values.filter(function (v) { return state[v]; }).length;
                    summary.textContent = title + " (" + on + " of " + values.length + ")";
                }
                [["all", true], ["none", false]].forEach(function (choice) {
                    var button = L.DomUtil.create("button", "", bar);
                    button.type = "button"; button.textContent = choice[0];
                    button.addEventListener("click", function () {
                        checks.forEach(function (c) { c.checked = choice[1]; });
                        values.forEach(function (v) { state[v] = choice[1]; });
                        say(); update();
                    });
                });
                say();
            }
            var control = L.control({position: "topright"});
            control.onAdd = function () {
                var div = L.DomUtil.create("div", "newsmap-atlas-control leaflet-bar");
                var title = L.DomUtil.create("b", "", div);
                title.textContent = data.title;
                if (data.note) { line(div, data.note).className = "newsmap-atlas-note"; }
                status = line(div, "");
                status.className = "newsmap-atlas-status";
                if (data.dates.length) {
                    var label = line(div, "");
                    var slider = function (end, value) {
                        var s = L.DomUtil.create("input", "newsmap-atlas-slider " + end, div);
                        s.type = "range"; s.min = 0; s.max = data.dates.length - 1;
                        s.value = value; s.title = end === "newsmap-atlas-from" ?
                            "published from" : "published up to";
                        return s;
                    };
                    var from = slider("newsmap-atlas-from", first);
                    var to = slider("newsmap-atlas-to", last);
                    var say = function () {
                        label.textContent = "published " + data.dates[first] + " to " +
                            data.dates[last] +
                            (data.undated ? " (and " + data.undated + " undated)" : "");
                    };
                    // the two ends never cross: moving one past the other pushes it along
                    from.addEventListener("input", function () {
                        first = parseInt(from.value, 10);
                        if (first > last) { last = first; to.value = last; }
                        say(); update();
                    });
                    to.addEventListener("input", function () {
                        last = parseInt(to.value, 10);
                        if (last < first) { first = last; from.value = first; }
                        say(); update();
                    });
                    say();
                }
                checklist(div, "newsmap-atlas-types", "Events", data.types, function (t) {
                    return t === "" ? "named, no event" : t;
                }, types);
                checklist(div, "newsmap-atlas-countries", "Countries", data.countries,
                    function (c) { return c === "" ? "no country" : c; }, countries);
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            control.addTo(map);
            cluster.addTo(map);
            update();
            if (markers.length) {
                map.fitBounds(L.latLngBounds(markers.map(function (m) {
                    return m.getLatLng();
                })).pad(0.2), {maxZoom: {{ this.fit_max_zoom }}});
            }
            window.newsmapAtlas = {map: map, cluster: cluster, markers: markers};
        })();
        {% endmacro %}
        """
    )

    def __init__(self, map_name: str, feed: Feed) -> None:
        super().__init__()
        self._name = "NewsmapAtlas"
        self.map = identifier(map_name)
        self.fit_max_zoom = int(_FIT_MAX_ZOOM)
        self.max_zoom = int(MAX_ZOOM)
        types = sorted({t for p in feed.places for a in p.articles for t in a.types})
        count = len(feed.articles)
        self.data_json = script_json(
            {
                "title": f"{count} article{'s' if count != 1 else ''}, "
                f"{len(feed.places)} place{'s' if len(feed.places) != 1 else ''}",
                "note": note_of(feed),
                "places": [_place(feed, p) for p in feed.places],
                "published": [
                    a.published.isoformat() if a.published else "" for a in feed.articles
                ],
                "undated": sum(1 for a in feed.articles if a.published is None),
                "dates": [d.isoformat() for d in feed.dates],
                "types": [t for t in types if t != NO_EVENT] + [NO_EVENT] * (NO_EVENT in types),
                "countries": sorted(
                    {p.country_code for p in feed.places}, key=lambda c: (not c, c)
                ),
                "maxRows": _MAX_ROWS,
            }
        )


_CSS = """
.newsmap-atlas-dot{background:#1f77b4cc;border:1.5px solid #fff;border-radius:50%;
  box-shadow:0 0 2px #0008}
.newsmap-atlas-control{background:#fff;color:#1b1b1b;padding:8px 10px;font:12px/1.5 sans-serif;
  max-width:270px;max-height:calc(100vh - 40px);overflow-y:auto;box-sizing:border-box}
.newsmap-atlas-fold{margin:4px 0}
.newsmap-atlas-fold summary{font-weight:bold;cursor:pointer}
.newsmap-atlas-list{max-height:10.5em;overflow-y:auto;border:1px solid #ddd;padding:2px 4px}
.newsmap-atlas-all button{font:inherit;margin:2px 4px 2px 0;padding:0 6px}
.newsmap-atlas-control label{display:block;white-space:nowrap}
.newsmap-atlas-slider{width:200px;display:block}
.newsmap-atlas-note{color:#8a4b00}
.newsmap-quotes{padding-left:16px;margin:4px 0}
.newsmap-quotes li,.newsmap-quote{margin:2px 0;font-size:12px}
"""

"""How the map opens and reads: the story's frame with a "fit the story" button, an overview
inset, place and leg labels placed without overlaps, scroll-wheel zoom only after a click, a
fixed light scheme and a print layout. Written here; no plugin, no network.

The inset is shown only where it adds context: it must draw some outline (a local story inside
one country is shown on that country's outline, or the part of it the story is in) and the
map's own frame must cover less than half of it (else it would repeat the map, smaller).

What is the same for every story (the scheme, the zoom limits, the wheel and print rules) is
the base map's :class:`MapSetup`; what is the story's (its frame, the fit button, the inset,
the labels) is :class:`StoryView`, in the story's view group, and leaves the map with it
(see :data:`geo.controls.ON_STORY`), so that the app draws the next story on the same map.

Text from outside (place names) reaches the page as :func:`geo.report.safe.script_json` data
and is set as ``textContent``, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from folium.template import Template

from geo.controls import CSS as CONTROLS_CSS
from geo.controls import ON_STORY, InertMacro
from geo.report.safe import identifier, script_json

__all__ = ["Label", "LabelKind", "MapSetup", "StoryView"]


class LabelKind:
    """The classes a label is drawn with (constants, never text from outside)."""

    PLACE = "newsmap-place-label"
    COUNTRY = "newsmap-place-label newsmap-country-label"
    LEG = "newsmap-length"


@dataclass(frozen=True, slots=True)
class Label:
    """A name or a leg's length at a point. Labels are placed in the order given (the most
    important first); one that would overlap a label already placed is hidden at that zoom."""

    lat: float
    lon: float
    text: str  # plain text: set as textContent
    css: str  # one of :class:`LabelKind`'s, plus a size class
    offset_px: float  # half the marker's size: the label sits beside it, not on it
    centred: bool = False  # a leg's label sits on its line, not beside a marker


class MapSetup(InertMacro):
    """What every story's map shares, on the base map: the fixed light scheme and the style of
    the story's elements, the zoom limits, scroll-wheel zoom only after a click, and printing
    (the page narrows to the paper, so the map is sized again and its story re-framed)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<meta name="color-scheme" content="light">
        <style>"""
        + "{{ this.css }}"
        + """</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this.map }};
            map.setMinZoom(1);
            map.setMaxZoom({{ this.max_zoom }});
            map.options.zoomSnap = 0.25;  // a frame fits the story, not the next whole zoom

            // scroll-wheel zoom only after a click on the map, until the pointer leaves it
            map.scrollWheelZoom.disable();
            map.on("click", function () { map.scrollWheelZoom.enable(); });
            map.getContainer().addEventListener("mouseleave", function () {
                map.scrollWheelZoom.disable();
            });

            function reprint() {
                map.invalidateSize();
                var story = map._newsmapStory;
                if (story) { story.fit(); story.layout(); }
            }
            window.addEventListener("beforeprint", reprint);
            window.addEventListener("afterprint", reprint);
            if (window.matchMedia) {
                var print = window.matchMedia("print");
                if (print.addEventListener) { print.addEventListener("change", reprint); }
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, map_name: str, *, max_zoom: int) -> None:
        super().__init__()
        self._name = "NewsmapMapSetup"
        self.map = identifier(map_name)
        self.max_zoom = int(max_zoom)
        self.css = _CSS + CONTROLS_CSS


class StoryView(InertMacro):
    """Opens the map on the story, and everything that makes it read well: the "fit the story"
    button, the overview inset, the labels. Added to the story's view group (last of the
    story's groups): its removal ends the story."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            """
        + ON_STORY
        + """
            var group = {{ this._parent.get_name() }};
            var story = {{ this.story_json }};
            var overview = {{ this.overview_json }};
            var labels = {{ this.labels_json }};
            var obstacles = {{ this.obstacles_json }};
            var maxZoom = {{ this.fit_max_zoom }};
            onStory(group, function (map) {  // (its body is not indented, to keep lines short)
            var ended = false, cleanups = [];
            function fitStory() {
                // the story beside the open legend, not under it, when the map has room
                var legend = map.getContainer().querySelector(".newsmap-legend[open]");
                var wide = legend && map.getSize().x > 3 * legend.offsetWidth;
                var right = wide ? legend.offsetWidth + 20 : 30;
                map.fitBounds(story, {paddingTopLeft: [30, 30], paddingBottomRight: [right, 30],
                                      maxZoom: maxZoom});
            }
            var handle = {map: map, bounds: story, fit: fitStory};
            window.newsmapStory = handle;
            map._newsmapStory = {fit: fitStory, layout: function () { layout(); }};
            fitStory();

            var fit = L.control({position: "topleft"});
            fit.onAdd = function () {
                var div = L.DomUtil.create("div", "leaflet-bar newsmap-fit");
                var a = L.DomUtil.create("a", "", div);
                a.href = "#"; a.setAttribute("role", "button");
                a.title = "Fit the story"; a.setAttribute("aria-label", "Fit the story");
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.on(a, "click", function (e) {
                    L.DomEvent.preventDefault(e);
                    fitStory();
                });
                return div;
            };
            fit.addTo(map);
            cleanups.push(function () { fit.remove(); });

            {% if this.states %}
            var states = (map._newsmapLayers || {}).states;  // a US story: its states' lines
            if (states) {
                states.show();
                cleanups.push(function () { states.hide(); });
            }
            {% endif %}

            {% if this.inset %}
            function outerRings(data) {  // each polygon's outer ring, as [lng, lat] pairs
                var rings = [];
                ((data && data.features) || []).forEach(function (f) {
                    var g = f.geometry;
                    var polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
                    polygons.forEach(function (p) { rings.push(p[0]); });
                });
                return rings;
            }
            function outlined(rings, bounds) {  // does some outline's edge show in bounds?
                return rings.some(function (ring) {
                    return ring.some(function (c) { return bounds.contains([c[1], c[0]]); });
                });
            }
            function inside(ring, at) {  // ray casting
                var x = at.lng, y = at.lat, hit = false;
                for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                    var a = ring[i], b = ring[j];
                    if ((a[1] > y) !== (b[1] > y)
                        && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) { hit = !hit; }
                }
                return hit;
            }
            function ringBounds(ring) {
                return L.latLngBounds(ring.map(function (c) { return [c[1], c[0]]; }));
            }
            function share(small, bounds) {  // how much of the inset the frame covers
                var size = small.getSize();
                var a = small.latLngToContainerPoint(bounds.getNorthWest());
                var b = small.latLngToContainerPoint(bounds.getSouthEast());
                var w = Math.min(b.x, size.x) - Math.max(a.x, 0);
                var h = Math.min(b.y, size.y) - Math.max(a.y, 0);
                return w > 0 && h > 0 ? (w * h) / (size.x * size.y) : 0;
            }
            var inset = L.control({position: "bottomleft"});
            inset.onAdd = function () {
                var div = L.DomUtil.create("div", "newsmap-inset");
                div.title = "Where the story is";
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            inset.addTo(map);
            var small = L.map(inset.getContainer(), {attributionControl: false,
                zoomControl: false, dragging: false, scrollWheelZoom: false,
                doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false,
                worldCopyJump: false, zoomSnap: 0.25, zoomAnimation: false});
            function dropInset() {
                if (small) { small.remove(); inset.remove(); small = null; }
            }
            cleanups.push(dropInset);
            function insetFrom(data) {  // once the outlines are there (they may be fetched)
                if (data) {
                    L.geoJSON(data, {interactive: false, style: function () {
                        return {fillColor: "#f4f4f1", color: "#a9b1b8", weight: 0.4,
                                fillOpacity: 1};
                    }}).addTo(small);
                }
                // the inset only where it adds context: it must draw an outline (a local story
                // inside one country gets that country, or the part of it the story is in) and
                // the map's frame must be clearly smaller than the inset
                var rings = outerRings(data);
                var wanted = L.latLngBounds(overview);
                small.fitBounds(wanted, {padding: [4, 4], maxZoom: 4});
                if (!outlined(rings, small.getBounds())) {
                    var centre = L.latLngBounds(story).getCenter();
                    rings.forEach(function (ring) {
                        if (inside(ring, centre)) { wanted.extend(ringBounds(ring)); }
                    });
                    small.fitBounds(wanted, {padding: [4, 4], maxZoom: 4});
                }
                if (outlined(rings, small.getBounds()) && share(small, map.getBounds()) < 0.5) {
                    var frame = L.rectangle(map.getBounds(), {color: "#c0392b", weight: 1.5,
                        fillOpacity: 0.08, interactive: false}).addTo(small);
                    var follow = function () { frame.setBounds(map.getBounds()); };
                    map.on("moveend", follow);
                    cleanups.push(function () { map.off("moveend", follow); });
                    small.on("click", function (e) { map.panTo(e.latlng); });
                } else {
                    dropInset();
                }
            }
            var countries = (map._newsmapLayers || {}).outlines;
            if (countries && countries.data()) {
                insetFrom(countries.data());
            } else if (countries) {
                var again = function (d) {
                    if (!ended) { insetFrom(d); layout(); }
                };
                countries.ready().then(again, function () { again(null); });
            } else {
                insetFrom(null);
            }
            {% endif %}

            // labels: the most important first; a label that overlaps one already placed
            // (or a place marker) is hidden at this zoom
            var pane = map.getPane("newsmap-labels");
            if (!pane) {
                pane = map.createPane("newsmap-labels");
                pane.style.zIndex = 450;
                pane.style.pointerEvents = "none";
            }
            var items = labels.map(function (l) {
                var el = L.DomUtil.create("div", l[3], pane);
                el.textContent = l[2];
                return {latlng: L.latLng(l[0], l[1]), el: el, offset: l[4], centred: l[5],
                        w: 0, h: 0};
            });
            cleanups.push(function () {
                items.forEach(function (it) { L.DomUtil.remove(it.el); });
            });
            function overlaps(a, b) {
                return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            }
            function controls() {  // the legend, the inset...: no label goes under them
                var box = map.getContainer().getBoundingClientRect();
                var found = map.getContainer().querySelectorAll(".leaflet-control");
                return Array.prototype.map.call(found, function (el) {
                    var r = el.getBoundingClientRect();
                    var a = map.containerPointToLayerPoint([r.left - box.left, r.top - box.top]);
                    return [a.x, a.y, a.x + r.width, a.y + r.height];
                });
            }
            function layout() {
                if (ended) { return; }
                var placed = obstacles.map(function (o) {
                    var p = map.latLngToLayerPoint(o);
                    return [p.x - o[2], p.y - o[2], p.x + o[2], p.y + o[2]];
                }).concat(controls());
                items.forEach(function (it) {
                    it.el.style.visibility = "hidden";
                    it.el.style.display = "block";
                    if (!it.w) { it.w = it.el.offsetWidth; it.h = it.el.offsetHeight; }
                    var p = map.latLngToLayerPoint(it.latlng), w = it.w, h = it.h, o = it.offset;
                    var spots = it.centred
                        ? [[p.x - w / 2, p.y - h / 2], [p.x - w / 2, p.y - h - 6],
                           [p.x - w / 2, p.y + 6]]
                        : [[p.x + o + 2, p.y - h / 2], [p.x - o - 2 - w, p.y - h / 2],
                           [p.x - w / 2, p.y - o - h], [p.x - w / 2, p.y + o]];
                    for (var i = 0; i < spots.length; i++) {
                        var box = [spots[i][0], spots[i][1], spots[i][0] + w, spots[i][1] + h];
                        var free = true;
                        for (var k = 0; k < placed.length; k++) {
                            if (it.centred && k < obstacles.length) { continue; }
                            if (overlaps(box, placed[k])) { free = false; break; }
                        }
                        if (free) {
                            placed.push(box);
                            L.DomUtil.setPosition(it.el, L.point(box[0], box[1]));
                            it.el.style.visibility = "visible";
                            return;
                        }
                    }
                    it.el.style.display = "none";
                });
            }
            map.on("zoomend viewreset moveend", layout);
            map.getContainer().addEventListener("toggle", layout, true);  // the legend opens
            cleanups.push(function () {
                map.off("zoomend viewreset moveend", layout);
                map.getContainer().removeEventListener("toggle", layout, true);
            });
            layout();
            setTimeout(layout, 0);  // again once the controls added after the story are there

            // the story ends when its view leaves the map; a group kept off the map at first
            // (see geo.controls.Hidden) leaves when it starts
            group.once("remove", function () { map.fire("newsmapstoryend"); });
            map.fire("newsmapstorystart");
            return function () {
                ended = true;
                cleanups.forEach(function (undo) { undo(); });
                if (window.newsmapStory === handle) { window.newsmapStory = undefined; }
                map._newsmapStory = null;
            };
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        story: list[list[float]],
        overview: list[list[float]],
        labels: Sequence[Label],
        obstacles: Sequence[tuple[float, float, float]],
        *,
        fit_max_zoom: int,
        inset: bool = True,
        states: bool = False,
    ) -> None:
        """``story`` and ``overview`` are ``[[south, west], [north, east]]``; ``obstacles``
        are the place markers, ``(lat, lon, radius_px)``, that no label may cover. The inset
        reads the base map's country outlines; ``states`` shows its US states' lines while
        the story is drawn."""
        super().__init__()
        self._name = "NewsmapStoryView"
        self.story_json = script_json(story)
        self.overview_json = script_json(overview)
        self.labels_json = script_json(
            [
                [round(b.lat, 5), round(b.lon, 5), b.text, b.css, round(b.offset_px, 1), b.centred]
                for b in labels
            ]
        )
        self.obstacles_json = script_json(
            [[round(a, 5), round(o, 5), round(r + 1, 1)] for a, o, r in obstacles]
        )
        self.fit_max_zoom = int(fit_max_zoom)
        self.inset = bool(inset)
        self.states = bool(states)


# A fixed light scheme: every colour is set, so a browser in dark mode changes nothing; text
# is dark on white or on a white halo (contrast above 12:1).
_CSS = """
:root{color-scheme:light}
.folium-map{background:#dde7ee;color:#1b1b1b}
.leaflet-container{background:#dde7ee;font:12px/1.4 system-ui,sans-serif;color:#1b1b1b}
.leaflet-popup-content-wrapper,.leaflet-popup-tip,.leaflet-tooltip,.leaflet-control-layers,
.leaflet-bar a{background:#fff;color:#1b1b1b}
.newsmap-place-label,.newsmap-length{position:absolute;left:0;top:0;white-space:nowrap;
  color:#1b1b1b;font:600 12px/1.2 system-ui,sans-serif;pointer-events:none;
  text-shadow:-1px -1px 0 #fff,1px -1px 0 #fff,-1px 1px 0 #fff,1px 1px 0 #fff,0 0 3px #fff}
.newsmap-place-label.rank-0{font-size:15px;font-weight:700}
.newsmap-place-label.rank-1{font-size:13px}
.newsmap-place-label.rank-2{font-size:11px;font-weight:500}
.newsmap-country-label{color:#4a4f55;text-transform:uppercase;letter-spacing:.06em}
.newsmap-length{font-size:11px;background:#fff;border:1px solid #9aa3ab;border-radius:3px;
  padding:0 4px;text-shadow:none}
.newsmap-fit a{cursor:pointer}
.newsmap-fit a::before{content:"";display:inline-block;width:11px;height:11px;margin-top:7px;
  border:2px solid #1b1b1b;border-radius:2px}
.newsmap-inset{width:160px;height:110px;border:1px solid #9aa3ab;background:#dde7ee;
  box-shadow:0 1px 4px #0004;cursor:pointer}
@media print{.newsmap-inset,.newsmap-fit{display:none}}
"""

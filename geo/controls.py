"""The map's own elements, written here: a timeline that steps or plays through the events, a
legend, the country outlines, and the popups and tooltips of every marker and line. No plugin
and no network.

Text from outside reaches the page only as data: each element's template inserts checked
identifiers and :func:`geo.report.safe.script_json` values, and :class:`InertMacro` puts what
the template made into the page as it is. (branca's ``MacroElement`` wraps its output in a
plain ``Element``, which compiles it once more as a Jinja template; an article holding
``{{ ... }}`` would then run code on the machine that draws the map.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.template import Template

from geo.report.safe import colour, html, identifier, script_json

__all__ = [
    "CSS",
    "ON_STORY",
    "Binding",
    "Bindings",
    "Hidden",
    "InertMacro",
    "Legend",
    "RawText",
    "Timeline",
]


class RawText(Element):
    """Text put into the page as it is. A plain branca ``Element`` would compile it as a
    template; this one never does."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class InertMacro(MacroElement):
    """A ``MacroElement`` whose rendered ``header``, ``html`` and ``script`` macros go into the
    figure as :class:`RawText`, never compiled a second time."""

    def __init__(self) -> None:  # typed, so that modules beyond the map's may subclass it
        super().__init__()

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("render the map through its figure")
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = getattr(module, part, None)
            if macro is not None:
                target = getattr(figure, part)
                target.add_child(RawText(str(macro(self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
        return ""  # what it makes is in the figure


# How a story's element lives on its map (in the JavaScript of each such element): drawn
# when its layer group is first added to a map, removed with every trace of it (controls,
# panes' contents, map and window listeners) when the story ends: its view's group, which the
# reader cannot switch off, fires "newsmapstoryend" on the map when it is removed. So the app
# draws another story on the same map without reloading the page.
ON_STORY = """
function onStory(group, setup) {
    var state = 0;  // 0: waiting for its map, 1: drawn, 2: ended
    group.on("add", function () {
        if (state !== 0) { return; }
        state = 1;
        var map = group._map, teardown = setup(map);
        map.once("newsmapstoryend", function () { state = 2; teardown(); });
    });
}
"""


@dataclass(frozen=True, slots=True)
class Binding:
    """The popup and tooltip of one layer (a marker or a line), as HTML that the renderer
    built from constants and :func:`geo.report.safe.html`."""

    layer: str  # the folium variable name of the layer
    popup_html: str = ""
    tooltip_html: str = ""
    sticky: bool = False  # the tooltip follows the pointer
    max_width: int = 380


class Bindings(InertMacro):
    """Binds every popup and tooltip of the map, in one script, from data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var layers = [{{ this.layers }}];
            var items = {{ this.items_json }};
            items.forEach(function (item, i) {
                if (item[0]) { layers[i].bindPopup(item[0], {maxWidth: item[3], maxHeight: 320}); }
                if (item[1]) { layers[i].bindTooltip(item[1], {sticky: item[2]}); }
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, bindings: Sequence[Binding]) -> None:
        super().__init__()
        self._name = "NewsmapBindings"
        self.layers = ",".join(identifier(b.layer) for b in bindings)
        self.items_json = script_json(
            [[b.popup_html, b.tooltip_html, b.sticky, b.max_width] for b in bindings]
        )


class Hidden(InertMacro):
    """Keeps its layer group off the map when the story opens: the app's map adds every group
    of a story (a group the reader may switch on is still drawn), so a group not shown at
    first leaves again when the story starts. A group the reader switches on later stays."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var group = {{ this._parent.get_name() }};
            group.once("add", function () {
                var map = group._map;
                map.once("newsmapstorystart", function () { map.removeLayer(group); });
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "NewsmapHidden"


class Timeline(InertMacro):
    """A control that steps or plays through the events in time order: events up to the
    current step are drawn. Written here; no plugin, no network."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            """
        + ON_STORY
        + """
            var group = {{ this._parent.get_name() }};
            var layers = [{{ this.layers }}];
            var labels = {{ this.labels_json }};
            var control = L.control({position: "bottomleft"});
            var slider, label, button, timer = null;
            // several steps may share a layer (the events at one place): it is drawn from
            // its first step on
            var first = [];
            layers.forEach(function (layer, i) {
                if (first.every(function (f) { return f[0] !== layer; })) {
                    first.push([layer, i]);
                }
            });
            function show(k) {
                first.forEach(function (f) {
                    if (f[1] <= k) { group.addLayer(f[0]); } else { group.removeLayer(f[0]); }
                });
                slider.value = k;
                label.textContent = (k + 1) + "/" + labels.length + "  " + labels[k];
            }
            function stop() {
                if (timer) { clearInterval(timer); timer = null; button.textContent = "▶"; }
            }
            control.onAdd = function () {
                var div = L.DomUtil.create("div", "newsmap-timeline leaflet-bar");
                button = L.DomUtil.create("button", "newsmap-play", div);
                button.type = "button";
                button.textContent = "▶";
                button.title = "Play the events in order";
                slider = L.DomUtil.create("input", "newsmap-slider", div);
                slider.type = "range"; slider.min = 0; slider.max = labels.length - 1;
                label = L.DomUtil.create("span", "newsmap-step", div);
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                slider.addEventListener("input", function () {
                    stop();
                    show(parseInt(slider.value, 10));
                });
                button.addEventListener("click", function () {
                    if (timer) { stop(); return; }
                    var k = parseInt(slider.value, 10);
                    if (k >= labels.length - 1) { k = -1; }
                    button.textContent = "❚❚";
                    timer = setInterval(function () {
                        k += 1;
                        if (k >= labels.length) { stop(); return; }
                        show(k);
                    }, 1200);
                });
                return div;
            };
            onStory(group, function (map) {
                control.addTo(map);
                show(labels.length - 1);
                return function () { stop(); control.remove(); };
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, steps: Sequence[tuple[str, str]]) -> None:
        """``steps`` are ``(label, layer)`` pairs in time order: the label is plain text, the
        layer the folium variable name of the event's marker. Added to the events' layer
        group, which it steps through; its control lasts as long as the story."""
        super().__init__()
        self._name = "NewsmapTimeline"
        self.layers = ",".join(identifier(layer) for _, layer in steps)
        self.labels_json = script_json([label for label, _ in steps])


class Legend(InertMacro):
    """What the colours and line styles mean, and the data credits."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            """
        + ON_STORY
        + """
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("details", {{ this.css_class_json }});
                div.open = {{ this.open_json }};
                div.innerHTML = {{ this.body_json }};
                return div;
            };
            onStory({{ this._parent.get_name() }}, function (map) {
                legend.addTo(map);
                return function () { legend.remove(); };
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        kinds: list[tuple[str, str]],
        verdicts: list[tuple[str, str]],
        *,
        journeys: Sequence[tuple[str, str]] = (),
        compact: bool = False,
    ) -> None:
        """``kinds``, ``verdicts`` and ``journeys`` are ``(colour, label)`` swatches, the
        labels plain text. Added to the story's view group; its style is the base map's
        (:data:`CSS`)."""
        super().__init__()
        self._name = "NewsmapLegend"
        self.css_class_json = script_json("newsmap-legend compact" if compact else "newsmap-legend")
        self.open_json = script_json(not compact)
        swatch = "<div><i style='background:{}'></i>{}</div>"
        kind_swatches = "".join(swatch.format(colour(c), html(t)) for c, t in kinds)
        verdict_swatches = "".join(swatch.format(colour(c), html(t)) for c, t in verdicts)
        line = "<div><span class='line' style='border-top-color:{}'></span>{}</div>"
        journey_swatches = "".join(line.format(colour(c), html(t)) for c, t in journeys)
        routes = (
            f"<b>Routes</b>{journey_swatches}"
            "<div><span class='line solid grey'></span>geodesic (flights)</div>"
            "<div><span class='line dashed grey'></span>schematic (* straight-line km)</div>"
        )
        body = (
            "<summary>Legend</summary>"
            f"<b>Places</b>{kind_swatches}<div><i class='ring'></i>government / organisation</div>"
            "<div><i class='event'></i>event (ring around its place)</div>"
            + (routes if journeys else "")
            + (f"<b>Claims</b>{verdict_swatches}" if verdicts else "")
            + "<small>GeoNames (CC BY 4.0) · Natural Earth · U.S. Census</small>"
        )
        self.body_json = script_json(body)


# the legend's and the timeline's style, in the base map's header (see geo.mapview.MapSetup)
CSS = """
.newsmap-legend{background:#fff;color:#1b1b1b;
  padding:8px 10px;font:12px/1.5 sans-serif;border-radius:4px;box-shadow:0 1px 4px #0004;
  max-width:210px}
.newsmap-legend b{display:block;margin-top:4px}
.newsmap-legend i{display:inline-block;width:11px;height:11px;border-radius:50%;
  margin-right:6px;vertical-align:middle}
.newsmap-legend i.ring{border:3px solid #f1c40f;width:7px;height:7px}
.newsmap-legend .line{display:inline-block;width:26px;margin-right:6px;vertical-align:middle;
  border-top:3px solid #1f77b4}
.newsmap-legend .line.dashed{border-top-style:dashed}
.newsmap-legend .line.grey{border-top-color:#5f6b75}
.newsmap-legend i.event{border:2px solid #111;width:9px;height:9px;background:none}
.newsmap-legend small{display:block;margin-top:4px;color:#555}
.newsmap-timeline{background:#fff;color:#1b1b1b;padding:6px 8px;font:12px sans-serif;display:flex;
  align-items:center;gap:6px;max-width:60vw}
.newsmap-timeline input{width:180px}
.newsmap-step{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.newsmap-quotes{padding-left:16px;margin:4px 0}
.newsmap-quotes li,.newsmap-quote{margin:2px 0;font-size:12px}
mark{background:#ffe58a}
"""

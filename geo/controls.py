"""The map's own controls, written here: a timeline that steps or plays through the events,
and a legend. No plugin and no network."""

from __future__ import annotations

import json
from typing import Any

from branca.element import MacroElement
from folium.template import Template

__all__ = ["Legend", "Timeline"]


class Timeline(MacroElement):
    """A control that steps or plays through the events in time order: events up to the
    current step are drawn. Written here; no plugin, no network."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var group = {{ this.group }};
            var steps = {{ this.steps_json }};
            var layers = steps.map(function (s) { return window[s.layer]; });
            var control = L.control({position: "bottomleft"});
            var slider, label, button, timer = null;
            function show(k) {
                layers.forEach(function (layer, i) {
                    if (i <= k) { group.addLayer(layer); } else { group.removeLayer(layer); }
                });
                slider.value = k;
                label.textContent = (k + 1) + "/" + steps.length + "  " + steps[k].label;
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
                slider.type = "range"; slider.min = 0; slider.max = steps.length - 1;
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
                    if (k >= steps.length - 1) { k = -1; }
                    button.textContent = "❚❚";
                    timer = setInterval(function () {
                        k += 1;
                        if (k >= steps.length) { stop(); return; }
                        show(k);
                    }, 1200);
                });
                return div;
            };
            control.addTo(map);
            show(steps.length - 1);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, group: str, steps: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "NewsmapTimeline"
        self.group = group
        # JSON inside a script: "</" must not end the element
        self.steps_json = json.dumps(steps, ensure_ascii=False).replace("</", "<\\/")


class Legend(MacroElement):
    """What the colours and line styles mean, and the data credits."""

    def __init__(
        self,
        kinds: list[tuple[str, str]],
        verdicts: list[tuple[str, str]],
        *,
        compact: bool = False,
    ) -> None:
        """``kinds`` and ``verdicts`` are ``(colour, label)`` swatches."""
        super().__init__()
        self._name = "NewsmapLegend"
        self.css_class = "newsmap-legend compact" if compact else "newsmap-legend"
        swatch = "<div><i style='background:{}'></i>{}</div>"
        kind_swatches = "".join(swatch.format(c, label) for c, label in kinds)
        verdict_swatches = "".join(swatch.format(c, label) for c, label in verdicts)
        body = (
            "<summary>Legend</summary>"
            f"<b>Places</b>{kind_swatches}<div><i class='ring'></i>government / organisation</div>"
            "<b>Routes</b><div><span class='line solid'></span>geodesic (flights)</div>"
            "<div><span class='line dashed'></span>schematic (* straight-line km)</div>"
            f"<b>Claims</b>{verdict_swatches}"
            "<small>GeoNames (CC BY 4.0) · Natural Earth · U.S. Census</small>"
        )
        self.body_json = json.dumps(body).replace("</", "<\\/")
        self._template = Template(
            """
            {% macro header(this, kwargs) %}<style>"""
            + _CSS
            + """</style>{% endmacro %}
            {% macro script(this, kwargs) %}
            (function () {
                var legend = L.control({position: "bottomright"});
                legend.onAdd = function () {
                    var div = L.DomUtil.create("details", "{{ this.css_class }}");
                    div.open = {{ "false" if "compact" in this.css_class else "true" }};
                    div.innerHTML = {{ this.body_json }};
                    return div;
                };
                legend.addTo({{ this._parent.get_name() }});
            })();
            {% endmacro %}
            """
        )


_CSS = """
.newsmap-legend{background:#fff;
  padding:8px 10px;font:12px/1.5 sans-serif;border-radius:4px;box-shadow:0 1px 4px #0004;
  max-width:210px}
.newsmap-legend b{display:block;margin-top:4px}
.newsmap-legend i{display:inline-block;width:11px;height:11px;border-radius:50%;
  margin-right:6px;vertical-align:middle}
.newsmap-legend i.ring{border:3px solid #f1c40f;width:7px;height:7px}
.newsmap-legend .line{display:inline-block;width:26px;margin-right:6px;vertical-align:middle;
  border-top:3px solid #1f77b4}
.newsmap-legend .line.dashed{border-top-style:dashed}
.newsmap-legend small{display:block;margin-top:4px;color:#555}
.newsmap-timeline{background:#fff;padding:6px 8px;font:12px sans-serif;display:flex;
  align-items:center;gap:6px;max-width:60vw}
.newsmap-timeline input{width:180px}
.newsmap-step{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.newsmap-length{font:11px sans-serif;background:#ffffffd0;border-radius:3px;text-align:center}
.newsmap-quotes{padding-left:16px;margin:4px 0}
.newsmap-quotes li,.newsmap-quote{margin:2px 0;font-size:12px}
mark{background:#ffe58a}
"""

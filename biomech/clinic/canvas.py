"""An image the learner clicks on: a small anywidget that shows a picture, reports each
click in the picture's own pixels, and draws the points placed so far.

The picture (a ``data:`` URL) is shown from memory in the page; nothing is uploaded
anywhere. A click in the frame around the picture is reported too, with its position
outside the picture, so the Python side can say so instead of ignoring it. Only public
APIs of anywidget, ipywidgets and traitlets are used.
"""

from __future__ import annotations

import logging

import anywidget
import traitlets

log = logging.getLogger(__name__)

ESM = r"""
const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#d35400", "#8e44ad", "#16a085"];

function render({model, el}) {
  const frame = document.createElement("div");
  frame.className = "bm-clickimage";
  frame.tabIndex = 0;
  frame.setAttribute("role", "application");
  frame.style.cssText = "display:inline-block; position:relative; padding:18px; background:#f7f7f7;" +
    "border:1px dashed #b0b7bf; cursor:crosshair; line-height:0;";
  const img = document.createElement("img");
  img.style.cssText = "display:block; max-width:100%; user-select:none;";
  img.draggable = false;
  const overlay = document.createElementNS(SVG, "svg");
  overlay.style.cssText = "position:absolute; pointer-events:none; overflow:visible;";
  frame.append(img, overlay);
  el.appendChild(frame);

  const size = () => ({w: img.naturalWidth || model.get("image_width") || 1,
                       h: img.naturalHeight || model.get("image_height") || 1});
  const place = () => {
    overlay.style.left = img.offsetLeft + "px";
    overlay.style.top = img.offsetTop + "px";
    overlay.setAttribute("width", img.clientWidth);
    overlay.setAttribute("height", img.clientHeight);
    const {w, h} = size();
    overlay.setAttribute("viewBox", `0 0 ${w} ${h}`);
    overlay.replaceChildren();
    const points = model.get("points") || [], labels = model.get("point_labels") || [];
    const k = w / Math.max(img.clientWidth, 1);
    if (points.length > 1) {
      const line = document.createElementNS(SVG, "polyline");
      line.setAttribute("points", points.map(p => p.join(",")).join(" "));
      line.setAttribute("fill", "none");
      line.setAttribute("stroke", "#c0392b");
      line.setAttribute("stroke-width", 2 * k);
      overlay.appendChild(line);
    }
    points.forEach((p, i) => {
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", p[0]); dot.setAttribute("cy", p[1]); dot.setAttribute("r", 6 * k);
      dot.setAttribute("fill", "none"); dot.setAttribute("stroke", COLOURS[i % 3]);
      dot.setAttribute("stroke-width", 2.5 * k);
      dot.setAttribute("class", "bm-point");
      const text = document.createElementNS(SVG, "text");
      text.setAttribute("x", p[0] + 9 * k); text.setAttribute("y", p[1] - 6 * k);
      text.setAttribute("font-size", 13 * k); text.setAttribute("font-family", "sans-serif");
      text.setAttribute("fill", COLOURS[i % 3]);
      text.textContent = labels[i] || String(i + 1);
      overlay.append(dot, text);
    });
  };
  const load = () => {
    img.src = model.get("src") || "";
    img.alt = model.get("alt") || "";
    img.style.width = model.get("display_width") ? model.get("display_width") + "px" : "";
  };
  img.addEventListener("load", () => {
    model.set("shown_size", [img.naturalWidth, img.naturalHeight]);
    model.save_changes();
    place();
  });
  frame.addEventListener("click", event => {
    const box = img.getBoundingClientRect();
    const {w, h} = size();
    const u = (event.clientX - box.left) * w / Math.max(box.width, 1);
    const v = (event.clientY - box.top) * h / Math.max(box.height, 1);
    model.send({kind: "click", u, v, width: w, height: h});
  });
  model.on("change:points", place);
  model.on("change:point_labels", place);
  model.on("change:src", load);
  model.on("change:display_width", load);
  load();
  return () => {
    model.off("change:points", place);
    model.off("change:point_labels", place);
    model.off("change:src", load);
    model.off("change:display_width", load);
  };
}
export default {render};
"""


class ClickImage(anywidget.AnyWidget):
    """A picture that reports clicks: ``ClickImage(src=data_url, image_width=w, image_height=h)``.

    ``on_click(callback)`` registers ``callback(u, v, width, height)`` [px of the picture,
    u right, v down]; ``points`` ([[u, v], ...]) are drawn with ``point_labels``.
    """

    _esm = ESM
    src = traitlets.Unicode("").tag(sync=True)
    alt = traitlets.Unicode("").tag(sync=True)
    image_width = traitlets.Int(0).tag(sync=True)
    image_height = traitlets.Int(0).tag(sync=True)
    display_width = traitlets.Int(0).tag(sync=True)
    points = traitlets.List([]).tag(sync=True)
    point_labels = traitlets.List([]).tag(sync=True)
    #: The picture's size as the browser reports it (after any photo rotation), [w, h].
    shown_size = traitlets.List([]).tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._click_callbacks = []
        self.on_msg(self._on_message)

    def on_click(self, callback):
        """Call ``callback(u, v, width, height)`` on every click (inside the picture or not)."""
        self._click_callbacks.append(callback)

    def _on_message(self, _widget, content, _buffers):
        if not isinstance(content, dict) or content.get("kind") != "click":
            return
        for callback in self._click_callbacks:
            callback(content.get("u"), content.get("v"), content.get("width"), content.get("height"))

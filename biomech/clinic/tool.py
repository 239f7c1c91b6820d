"""The 2-D FPPA measurement tool: click the ASIS, the knee centre and the ankle centre on a
frame (the clinic's rendered squat, or the learner's own photo) and read the angle.

``MeasureTool.click(u, v)`` is what a click in the browser calls, so tests and scripts
can measure without a browser. A bad upload or a click outside the picture gets a
readable message; the points and the picture already there are kept.
"""

from __future__ import annotations

import logging

import ipywidgets as widgets

from .canvas import ClickImage
from .feedback import note
from .measurement import check_inside, data_url, fppa_from_points, image_info
from .rendering import MARKER_LABELS, MARKERS

log = logging.getLogger(__name__)

POINT_NAMES = tuple(MARKER_LABELS[m] for m in MARKERS)  # ASIS, knee centre, ankle centre
INSTRUCTIONS = (
    "Click the three points in order: the <b>ASIS</b> (front of the pelvis), the <b>knee centre</b>, "
    "the <b>ankle centre</b>. The tool gives the angle between the hip-to-knee and knee-to-ankle lines "
    "(0° = straight, + = valgus, the knee inside the line)."
)


class MeasureTool(widgets.VBox):
    """The clicking tool. ``frame``: a :class:`~biomech.clinic.rendering.Frame` to show
    (the right leg, camera in front); ``allow_upload``: add a button for the learner's own
    photo (then the leg and a mirrored image can be chosen)."""

    def __init__(self, frame=None, *, allow_upload=False):
        self.fppa_deg = None
        self._callbacks = []
        self.image = ClickImage(point_labels=list(POINT_NAMES), alt="frame to measure")
        self.image.on_click(self._browser_click)
        self.readout = widgets.HTML("")
        self.message = widgets.HTML("")
        self.undo_button = widgets.Button(description="Undo last point", icon="undo")
        self.clear_button = widgets.Button(description="Clear points", icon="times")
        self.undo_button.on_click(lambda _: self._safely(self.undo))
        self.clear_button.on_click(lambda _: self._safely(self.clear))
        self.side = widgets.ToggleButtons(
            options=[("right leg", "right"), ("left leg", "left")], value="right", description="Measured:"
        )
        self.mirrored = widgets.Checkbox(value=False, description="mirror image (a selfie)", indent=False)
        self.side.observe(lambda _: self._safely(self._update), "value")
        self.mirrored.observe(lambda _: self._safely(self._update), "value")
        self.upload = widgets.FileUpload(accept="image/*", multiple=False, description="Use my own photo")
        self.upload.observe(self._uploaded, "value")
        controls = [widgets.HBox([self.undo_button, self.clear_button])]
        if allow_upload:
            controls = [
                widgets.HTML("Your photo is shown only in this page; it is not sent anywhere."),
                self.upload,
                self.side,
                self.mirrored,
                *controls,
            ]
        super().__init__([widgets.HTML(INSTRUCTIONS), self.image, self.readout, self.message, *controls])
        self.add_class("bm-measure-tool")
        if frame is not None:
            self.show_frame(frame)
        self._update()

    # --- pictures ---------------------------------------------------------------
    def show_frame(self, frame):
        """Show a rendered frame (right leg, camera in front); clears the points."""
        self._set_image(frame.src, frame.width, frame.height)
        self.side.value, self.mirrored.value = "right", False

    def load_image(self, data):
        """Show an image file's bytes (PNG, JPEG, GIF, WebP). A file that is not an image
        leaves the current picture and points as they were and says why; returns True
        when the new picture is shown."""
        try:
            mime, width, height = image_info(data)
        except ValueError as exc:
            self.message.value = note("error", str(exc))
            return False
        self._set_image(data_url(data, mime), width, height)
        self.message.value = note("info", f"Photo loaded ({width} x {height} px). Click the three points.")
        return True

    def _set_image(self, src, width, height):
        self.image.image_width, self.image.image_height = int(width), int(height)
        self.image.shown_size = []
        self.image.src = src
        self.clear()

    def _uploaded(self, change):
        files = change["new"]
        if not files:
            return
        try:
            item = files[0]
            self.load_image(bytes(item["content"]))
        except Exception as exc:  # a widget never shows a traceback
            log.exception("upload failed")
            self.message.value = note("error", f"that file could not be read ({exc}); nothing was changed")

    # --- points -----------------------------------------------------------------
    @property
    def points(self):
        return [tuple(p) for p in self.image.points]

    def _size(self):
        shown = self.image.shown_size
        if len(shown) == 2 and shown[0] > 0 and shown[1] > 0:
            return shown  # the browser's size after any rotation of a phone photo
        return self.image.image_width, self.image.image_height

    def click(self, u, v):
        """Place the next point at ``(u, v)`` [px of the picture]; returns True when placed."""
        if not self.image.src:
            self.message.value = note("error", "there is no picture yet: upload a photo first")
            return False
        width, height = self._size()
        try:
            u, v = check_inside(u, v, width, height)
        except ValueError as exc:
            self.message.value = note("error", str(exc))
            return False
        if len(self.image.points) >= 3:
            self.message.value = note("error", "all three points are placed: use Undo or Clear to move one")
            return False
        self.image.points = [*self.image.points, [u, v]]
        self.message.value = ""
        self._update()
        return True

    def _browser_click(self, u, v, width, height):
        self._safely(self.click, u, v)

    def undo(self):
        self.image.points = self.image.points[:-1]
        self.message.value = ""
        self._update()

    def clear(self):
        self.image.points = []
        self._update()

    def on_measure(self, callback):
        """Call ``callback(fppa_deg or None)`` whenever the measured angle changes."""
        self._callbacks.append(callback)

    def _update(self):
        points = self.points
        if len(points) < 3:
            self.fppa_deg = None
            nxt = POINT_NAMES[len(points)]
            self.readout.value = f"<span class='bm-fppa'>Next point: <b>{nxt}</b> ({len(points)} of 3 placed).</span>"
        else:
            try:
                self.fppa_deg = fppa_from_points(*points, side=self.side.value, mirrored=self.mirrored.value)
            except ValueError as exc:
                self.fppa_deg = None
                self.message.value = note("error", str(exc))
            if self.fppa_deg is not None:
                word = "valgus (knee inside the line)" if self.fppa_deg > 0 else "varus (knee outside the line)"
                self.readout.value = (
                    f"<span class='bm-fppa' data-fppa='{self.fppa_deg:.2f}'>Projection angle: "
                    f"<b>{self.fppa_deg:+.1f}°</b>, {word}.</span>"
                )
        for callback in self._callbacks:
            callback(self.fppa_deg)

    def _safely(self, action, *args):
        try:
            return action(*args)
        except Exception as exc:  # a widget never shows a traceback
            log.exception("measure tool action failed")
            self.message.value = note("error", f"that did not work ({exc}); your points are kept")
            return None

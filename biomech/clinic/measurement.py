"""The 2-D measurement of the frontal-plane projection angle (FPPA) on an image.

Published 2-D protocols [Munro2012; Herrington2014] mark three points on a frontal
video frame: the anterior superior iliac spine (ASIS), the centre of the knee and the
centre of the ankle (between the malleoli). The FPPA is the angle between the line from
the ASIS to the knee and the line from the knee to the ankle: 0 for a straight line, and
here + = valgus (the knee inside the ASIS-ankle line), as every alignment measure of
biomech (:mod:`biomech.conventions`). It is the same angle as
:func:`biomech.measures.frontal_angle_deg` of the model's ASIS, knee and ankle centres.

Image coordinates are pixels with ``u`` to the right and ``v`` down, as in every image
file. A camera in front of the person shows the person's right on the viewer's left; a
mirrored selfie shows it on the right. Nothing here reads pixels: the image is only
checked for its type and size, so a photo never leaves the computer.
"""

from __future__ import annotations

import base64
import math
import struct


def fppa_from_points(asis, knee, ankle, *, side="right", mirrored=False):
    """FPPA [deg, + = valgus] from three image points ``(u, v)`` [px].

    ``side`` is the measured leg ("right" or "left"); ``mirrored`` is True for a mirror
    image (a selfie), where the person's right appears on the viewer's right.

    For a camera in front of the person, the world's lateral axis runs to the viewer's
    left, so the signed angle between the ASIS->knee and knee->ankle vectors, taken in
    image axes (u right, v down), equals the frontal angle of the model; the measured
    side and a mirror change its sign.
    """
    if side not in ("right", "left"):
        raise ValueError(f"side = {side!r}; choose 'right' or 'left'")
    points = [_point(p, name) for p, name in ((asis, "ASIS"), (knee, "knee centre"), (ankle, "ankle centre"))]
    (ua, va), (uk, vk), (un, vn) = points
    du1, dv1, du2, dv2 = uk - ua, vk - va, un - uk, vn - vk
    if math.hypot(du1, dv1) == 0.0 or math.hypot(du2, dv2) == 0.0:
        raise ValueError("two of the three points are the same: click the ASIS, the knee and the ankle apart")
    angle = math.degrees(math.atan2(du1 * dv2 - dv1 * du2, du1 * du2 + dv1 * dv2))
    sign = (1.0 if side == "right" else -1.0) * (-1.0 if mirrored else 1.0)
    return sign * angle


def _point(p, name):
    try:
        u, v = (float(c) for c in p)
    except (TypeError, ValueError):
        raise ValueError(f"the {name} point must be two numbers (u, v) in pixels; got {p!r}") from None
    if not (math.isfinite(u) and math.isfinite(v)):
        raise ValueError(f"the {name} point {p!r} is not a finite position")
    return u, v


def check_inside(u, v, width, height):
    """Raise ``ValueError`` with a readable message unless ``(u, v)`` lies on a
    ``width`` x ``height`` image."""
    try:
        u, v = float(u), float(v)
    except (TypeError, ValueError):
        raise ValueError(f"the click ({u!r}, {v!r}) is not a position on the image") from None
    if not (math.isfinite(u) and math.isfinite(v)):
        raise ValueError("the click was not a position on the image")
    if not (0.0 <= u <= width and 0.0 <= v <= height):
        raise ValueError(
            f"that click was outside the image (at {u:.0f}, {v:.0f} px; the image is {width:.0f} x "
            f"{height:.0f} px): click on the picture itself. Your earlier points are kept."
        )
    return u, v


# --- image files: type and size from the header only --------------------------------

#: Largest upload accepted [bytes] (a phone photo is 2-8 MB).
MAX_IMAGE_BYTES = 20 * 1024 * 1024
NOT_AN_IMAGE = (
    "that file is not a picture this tool can read: use a PNG, JPEG, GIF or WebP photo "
    "(nothing was changed, and the file stays on this computer)"
)


def image_info(data):
    """``(mime type, width px, height px)`` of PNG, JPEG, GIF or WebP bytes; raises
    ``ValueError`` with a readable message for anything else."""
    if not isinstance(data, (bytes, bytearray, memoryview)) or len(data) < 16:
        raise ValueError(NOT_AN_IMAGE)
    data = bytes(data)
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(f"that picture is {len(data) / 1e6:.0f} MB; use one under {MAX_IMAGE_BYTES / 1e6:.0f} MB")
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return _sized("image/png", width, height)
        if data[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", data[6:10])
            return _sized("image/gif", width, height)
        if data.startswith(b"\xff\xd8\xff"):
            return _sized("image/jpeg", *_jpeg_size(data))
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _sized("image/webp", *_webp_size(data))
    except (struct.error, IndexError, ValueError):
        pass
    raise ValueError(NOT_AN_IMAGE)


def _sized(mime, width, height):
    if width <= 0 or height <= 0:
        raise ValueError(NOT_AN_IMAGE)
    return mime, int(width), int(height)


def _jpeg_size(data):
    """Width and height from the first start-of-frame segment of a JPEG."""
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            raise ValueError("not a JPEG segment")
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    raise ValueError("no frame header")


def _webp_size(data):
    chunk = data[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    raise ValueError("unknown WebP chunk")


def data_url(data, mime):
    """The image as a ``data:`` URL (shown by the browser from memory, never uploaded)."""
    return f"data:{mime};base64,{base64.b64encode(bytes(data)).decode('ascii')}"

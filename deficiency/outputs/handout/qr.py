"""The QR code of a scenario's link: a full QR code (phones can't read Micro QR), in memory."""

from __future__ import annotations

import io

import segno

QR_ERROR = "m"  # 15% damage tolerated: survives a fold or a smudge on paper
QR_SCALE = 8  # pixels per module: a crisp image without interpolation blur
QR_BORDER = 4  # the quiet zone the QR specification requires


def qr_code(link: str) -> segno.QRCode:
    """The QR code of ``link`` (a full QR code, never a Micro QR, which phones can't read)."""
    return segno.make(link, error=QR_ERROR, micro=False)


def qr_png(link: str) -> bytes:
    """The QR code of ``link`` as PNG bytes, made in memory."""
    out = io.BytesIO()
    qr_code(link).save(out, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return out.getvalue()

"""The fonts the handout embeds, looked up at render time in known system paths.

The built-in PDF fonts are Latin-1 only, so a Unicode TrueType/OpenType font is needed for
"$", accents and Japanese. When none is installed, :func:`find_fonts` raises
:class:`HandoutFontError`, whose ``message`` is a translatable id the app can show. Debian
packages: ``fonts-dejavu-core`` (English, Spanish) and ``fonts-noto-cjk`` (Japanese; it
also covers English and Spanish).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTLibError

from deficiency.outputs.handout.messages import MSG_NO_FONT


@dataclass(frozen=True)
class FontFile:
    """One face in a font file; ``index`` picks the face of a collection (.ttc)."""

    path: Path
    index: int = 0
    #: For a collection: the family to pick (its index is looked up, ``index`` if absent).
    family: str | None = None


_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_LIBERATION = Path("/usr/share/fonts/truetype/liberation")
_NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
_NOTO_JP = "Noto Sans CJK JP"

#: Per script, (regular, bold) pairs tried in order; the first whose regular face exists
#: wins (a missing bold face falls back to the regular one). Debian packages in comments.
FONT_CANDIDATES: dict[str, tuple[tuple[FontFile, FontFile], ...]] = {
    "latin": (
        # fonts-dejavu-core
        (FontFile(_DEJAVU / "DejaVuSans.ttf"), FontFile(_DEJAVU / "DejaVuSans-Bold.ttf")),
        # fonts-liberation / fonts-liberation2
        (
            FontFile(_LIBERATION / "LiberationSans-Regular.ttf"),
            FontFile(_LIBERATION / "LiberationSans-Bold.ttf"),
        ),
        (
            FontFile(Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")),
            FontFile(Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf")),
        ),
        # fonts-noto-cjk covers Latin too
        (
            FontFile(_NOTO_CJK / "NotoSansCJK-Regular.ttc", 0, _NOTO_JP),
            FontFile(_NOTO_CJK / "NotoSansCJK-Bold.ttc", 0, _NOTO_JP),
        ),
    ),
    "cjk": (
        # fonts-noto-cjk (Japanese face of the collection)
        (
            FontFile(_NOTO_CJK / "NotoSansCJK-Regular.ttc", 0, _NOTO_JP),
            FontFile(_NOTO_CJK / "NotoSansCJK-Bold.ttc", 0, _NOTO_JP),
        ),
        # fonts-ipaexfont-gothic, fonts-ipafont-gothic (no bold face)
        (
            FontFile(Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")),
            FontFile(Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")),
        ),
        (
            FontFile(Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")),
            FontFile(Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")),
        ),
    ),
}
SCRIPTS: dict[str, str] = {"en": "latin", "es": "latin", "ja": "cjk"}
#: The Debian package that provides the first candidate of each script.
FONT_PACKAGES: dict[str, str] = {"latin": "fonts-dejavu-core", "cjk": "fonts-noto-cjk"}


class HandoutFontError(RuntimeError):
    """No font able to print this language is installed.

    ``message`` is a translatable id for the reader (``_(error.message)``); the exception
    text names the paths searched and the Debian package to install, for the operator.
    """

    message = MSG_NO_FONT

    def __init__(self, lang: str, searched: Sequence[Path], package: str):
        self.lang = lang
        self.searched = tuple(searched)
        self.package = package
        paths = ", ".join(str(p) for p in self.searched)
        super().__init__(
            f"no font for the {lang!r} handout; install the Debian package {package!r} "
            f"(searched: {paths})"
        )


@functools.cache
def _face_index(path: Path, family: str, default: int) -> int:
    """The index of ``family`` in a font collection (``default`` when it can't be told)."""
    try:
        collection = TTCollection(str(path), lazy=True)
        try:
            for number, face in enumerate(collection.fonts):
                if face["name"].getDebugName(1) == family:
                    return number
        finally:
            collection.close()
    except (OSError, KeyError, ValueError, TTLibError):  # unreadable: trust the index
        return default
    return default


def _resolve(face: FontFile) -> FontFile:
    if face.family is None or face.path.suffix.lower() not in (".ttc", ".otc"):
        return face
    return FontFile(face.path, _face_index(face.path, face.family, face.index))


def find_fonts(lang: str) -> tuple[FontFile, FontFile]:
    """The (regular, bold) faces the handout uses for ``lang``; raises HandoutFontError."""
    script = SCRIPTS.get(lang, "latin")
    searched: list[Path] = []
    for regular, bold in FONT_CANDIDATES[script]:
        searched.append(regular.path)
        if regular.path.is_file():
            return _resolve(regular), _resolve(bold if bold.path.is_file() else regular)
    raise HandoutFontError(lang, searched, FONT_PACKAGES[script])

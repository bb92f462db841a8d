"""PNG and SVG of plotly figures rendered on the server with kaleido 1.x and the system Chromium.

Kaleido 1.x drives a Chromium-based browser through choreographer. It looks for one in this order: a
browser it downloaded itself, the `BROWSER_PATH` environment variable, then `chromium`/`chrome` on PATH.
We never download one: the browser is Debian's `/usr/bin/chromium` (or `TWINREG_CHROMIUM`, or
`BROWSER_PATH`), passed explicitly as kaleido's `path` option so nothing depends on the environment of
the process. Kaleido renders with the plotly.js bundled in the plotly package, so no internet is needed.

When kaleido or a browser is missing, `export_available()` is False and the pages fall back to the
chart's own client-side download (the camera button of the plotly modebar).
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import plotly.graph_objects as go

DEFAULT_WIDTH = 1600
DEFAULT_HEIGHT = 900
PNG_SCALE = 2  # sharp on a projector and in a document
BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


class ExportUnavailable(RuntimeError):
    """Server-side export cannot run here; the message says what to install."""


def browser_path() -> str | None:
    """The Chromium-based browser kaleido should drive, or None when there is none."""
    for variable in ("TWINREG_CHROMIUM", "BROWSER_PATH"):
        value = os.environ.get(variable)
        if value and Path(value).is_file() and os.access(value, os.X_OK):
            return value
    for candidate in BROWSER_CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@functools.cache
def _kaleido_version_ok() -> bool:
    try:
        from importlib.metadata import version

        import kaleido  # noqa: F401
    except ImportError:
        return False
    try:
        return int(version("kaleido").split(".")[0]) >= 1
    except Exception:  # an odd version string: treat as unusable
        return False


def export_available() -> bool:
    """True when kaleido ≥ 1 is installed and a Chromium-based browser is found (cheap; starts nothing)."""
    return _kaleido_version_ok() and browser_path() is not None


def unavailable_reason() -> str:
    if not _kaleido_version_ok():
        return "kaleido 1.x is not installed (pip install -r requirements.txt)."
    if browser_path() is None:
        return "No Chromium-based browser found: install Debian's 'chromium' package or set TWINREG_CHROMIUM."
    return ""


def _render(fig: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
    if not export_available():
        raise ExportUnavailable(unavailable_reason())
    import kaleido

    try:
        return kaleido.calc_fig_sync(
            fig.to_dict(),
            opts={"format": fmt, "width": width, "height": height, "scale": scale},
            kopts={"path": browser_path()},
        )
    except Exception as exc:  # the browser failed to start or to render: report it plainly
        raise ExportUnavailable(f"The chart could not be rendered with {browser_path()}: {exc}") from exc


def figure_png(fig: go.Figure, width: int | None = None, height: int | None = None,
               scale: float = PNG_SCALE) -> bytes:
    """PNG bytes of `fig` (size from the figure's layout, else 1600×900 at scale 2)."""
    return _render(fig, "png", width or fig.layout.width or DEFAULT_WIDTH, height or fig.layout.height or
                   DEFAULT_HEIGHT, scale)


def figure_svg(fig: go.Figure, width: int | None = None, height: int | None = None) -> bytes:
    """SVG bytes of `fig` (a vector image: editable and sharp at any size)."""
    return _render(fig, "svg", width or fig.layout.width or DEFAULT_WIDTH, height or fig.layout.height or
                   DEFAULT_HEIGHT, 1)

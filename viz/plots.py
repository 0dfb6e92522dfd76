"""Comparison figures with matplotlib (Agg backend, no display needed), Chinese labels in a CJK font.

Each function returns a ``matplotlib.figure.Figure`` (or ``None`` when there
is nothing to draw), so a notebook shows it and the report embeds it as PNG.
"""

from __future__ import annotations

import base64
import io
import logging
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

# Families that cover simplified Chinese, best first; any font with the glyphs will do after these.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Droid Sans Fallback",
    "AR PL UMing CN", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
)
_PROBE = "派出所机制调解"


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed font that renders Chinese, or None (with a warning)."""
    from matplotlib import font_manager as fm

    installed = {f.name: f.fname for f in fm.fontManager.ttflist}
    for fam in CJK_FAMILIES:
        if fam in installed:
            return fam
    from matplotlib.ft2font import FT2Font

    for name, path in sorted(installed.items()):
        try:
            cmap = FT2Font(path).get_charmap()
        except Exception:  # noqa: BLE001 - an unreadable font file is just not a candidate
            continue
        if all(ord(c) in cmap for c in _PROBE):
            return name
    warnings.warn("no CJK font found (install fonts-noto-cjk): Chinese labels will show as boxes", stacklevel=2)
    return None


def _setup() -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fam = cjk_font()
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = ([fam] if fam else []) + ["DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False


def heatmap(data: "pd.DataFrame", title: str, *, cmap: str = "Blues", fmt: str = "{:.0f}",
            col_labels: dict[str, str] | None = None, vmin: float | None = None,
            vmax: float | None = None, colorbar_label: str = "") -> "Figure | None":
    """A labelled heat map of a numeric DataFrame (rows x columns), values written in the cells."""
    if data.empty or data.shape[0] == 0 or data.shape[1] == 0:
        return None
    _setup()
    import numpy as np
    from matplotlib.figure import Figure

    values = data.to_numpy(dtype=float)
    cols = [col_labels.get(str(c), str(c)) if col_labels else str(c) for c in data.columns]
    rows = [str(r) for r in data.index]
    w = min(max(4.5, 0.62 * len(cols) + 0.11 * max(map(len, rows)) * 1.6 + 2.2), 28)
    h = min(max(2.6, 0.42 * len(rows) + 0.09 * max(map(len, cols)) * 1.6 + 1.4), 40)
    fig = Figure(figsize=(w, h), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    masked = np.ma.masked_invalid(values)
    top = vmax if vmax is not None else (np.nanmax(values) if np.isfinite(values).any() else 1.0)
    im = ax.imshow(masked, cmap=cmap, vmin=vmin if vmin is not None else 0, vmax=top or 1.0, aspect="auto")
    ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xticks(np.arange(len(cols) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(rows) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    if values.size <= 900:
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                v = values[i, j]
                if np.isnan(v):
                    continue
                r, g, b, _ = im.cmap(im.norm(v))
                dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5  # the cell's luminance picks the text colour
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8,
                        color="white" if dark else ("#999" if v == 0 else "#222"))
    ax.set_title(title, fontsize=11, loc="left")
    cb = fig.colorbar(im, ax=ax, shrink=0.8, pad=0.02)
    if colorbar_label:
        cb.set_label(colorbar_label)
    return fig


def category_heatmap(matrix: "pd.DataFrame", scheme: str, title: str) -> "Figure | None":
    """Station x category counts with the categories' Chinese names (``kg.compare`` matrices)."""
    from kg.compare import category_labels

    if matrix.empty or matrix.shape[1] == 0 or not matrix.to_numpy().any():
        return None
    return heatmap(matrix, title, cmap="Blues", col_labels=category_labels(scheme), colorbar_label="count")


def similarity_heatmap(sim: "pd.DataFrame", title: str = "Station similarity") -> "Figure | None":
    """The station x station similarity matrix (0..1) of ``kg.compare.similarity``."""
    import numpy as np

    if sim.shape[0] < 2:
        return None
    values = sim.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, np.nan)  # the diagonal (1) would flatten the colour scale
    off = sim.__class__(values, index=sim.index, columns=sim.columns)
    return heatmap(off, title, cmap="viridis", fmt="{:.2f}", vmin=0.0, colorbar_label="similarity (diagonal left out)")


def to_png(fig: "Figure") -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def to_data_uri(png: bytes) -> str:
    """PNG bytes as a ``data:`` URI, so the HTML report needs no other file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")

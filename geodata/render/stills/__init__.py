"""Publication stills: one map per file, drawn with matplotlib, no browser needed.

:func:`render_still` returns the file's bytes; :func:`render_to_file` picks the format from
the suffix. The modules: :mod:`~.compose` (the page: header, map, legend, footer),
:mod:`~.view` (projection and extent), :mod:`~.layers` (land, rings, tracks, points, scale
bar), :mod:`~.labels` (labels that do not collide), :mod:`~.text` (title, date line, credit).
"""

from geodata.render.stills.compose import FORMATS, PRESETS, STYLES, render_still, render_to_file

__all__ = ["FORMATS", "PRESETS", "STYLES", "render_still", "render_to_file"]

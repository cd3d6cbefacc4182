"""HTML reports made from result files: a class's results on one page, and one run's review.

    python main.py report RESULTS... [--out FILE] [--lang en|nb]      (see command.py)
    export_run_html(content, result, path, lang)                      (the training review's export)

The pages are self-contained (inline CSS and SVG, no scripts, no network) and every word on them
comes from the content's `report.*` strings, so they follow the game's languages.
"""

from .command import write_report
from .runpage import export_run_html

__all__ = ["export_run_html", "write_report"]

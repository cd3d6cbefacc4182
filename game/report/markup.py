"""The pieces every report page is made of: words in the chosen language, numbers, tables, the page.

The page is one self-contained file: inline CSS, inline SVG, no scripts, no fonts or images from
anywhere else, so it opens from a USB stick with no network. Colours keep a contrast of at least
4.5:1 against white, numbers are always written out (never told by colour alone), and it prints.
"""

from __future__ import annotations

import html
from typing import Any, Iterable

from ..core.content import Content, Text


class Words:
    """Interface words and content texts in one language; `ui` takes a key from content strings."""

    def __init__(self, content: Content, lang: str):
        self.content = content
        self.lang = lang
        self._ids = 0

    def ui(self, key: str, **values: Any) -> str:
        return self.content.ui(key, self.lang, **values)

    def tr(self, text: Text | str | None) -> str:
        if isinstance(text, str):
            return text
        return self.content.text(text, self.lang)

    def num(self, value: float, digits: int = 1, trim: bool = True) -> str:
        """A number with the language's decimal mark (20.5 or 20,5); `trim` drops a trailing .0."""
        text = f"{value:.{digits}f}" if digits else str(int(round(value)))
        if trim and digits and "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", self.ui("report.decimal_mark")).replace("-", "\u2212")

    def pct(self, value: float, digits: int = 1) -> str:
        return self.ui("report.percent", n=self.num(value, digits))

    def new_id(self, stem: str) -> str:
        """An id unique within the page, for aria-labelledby and in-page links."""
        self._ids += 1
        return f"{stem}-{self._ids}"


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _cls(cls: str) -> str:
    return f' class="{cls}"' if cls else ""


def table(caption: str, head: list[str], rows: Iterable[list[str]], numeric: Iterable[int] = (),
          raw: bool = False, cls: str = "") -> str:
    """A table with a caption; cells are escaped unless `raw` (then they are HTML already)."""
    numeric = set(numeric)
    num = ' class="num"'
    out = [f"<table{_cls(cls)}><caption>{esc(caption)}</caption><thead><tr>"]
    for i, h in enumerate(head):
        out.append(f'<th scope="col"{num if i in numeric else ""}>{esc(h)}</th>')
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for i, cell in enumerate(row):
            body = cell if raw else esc(cell)
            if i == 0:
                out.append(f'<th scope="row">{body}</th>')
            else:
                out.append(f'<td{num if i in numeric else ""}>{body}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"


def para(text: str, cls: str = "") -> str:
    return f"<p{_cls(cls)}>{esc(text)}</p>"


def paras(text: str, cls: str = "") -> str:
    """Text with blank lines between paragraphs, as content writes it."""
    return "".join(para(p.strip(), cls) for p in text.split("\n\n") if p.strip())


def section(heading_id: str, heading: str, body: str, level: int = 2) -> str:
    return (f'<section aria-labelledby="{heading_id}"><h{level} id="{heading_id}">{esc(heading)}'
            f"</h{level}>{body}</section>")


CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 58rem; padding: 1rem 1.25rem 3rem; color: #1a1a1a; background: #ffffff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 1.05rem; line-height: 1.55; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .5rem; padding-top: .6rem; border-top: 3px solid #1f5f8b; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
p, li { max-width: 46rem; }
a { color: #174a6e; }
header p { margin: .2rem 0; }
nav ul { padding-left: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: .2rem 0; }
nav h2 { font-size: 1.05rem; margin: .6rem 0 0; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #767676; padding: .3rem .7rem .3rem 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
tbody th { font-weight: normal; }
tbody th { min-width: 9rem; }
table.sequence td:last-child { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace;
  letter-spacing: .05em; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.sequence td:last-child { min-width: 16rem; }
figure { margin: 1rem 0 .4rem; }
figcaption { font-size: .95rem; color: #3d3d3d; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font-family: inherit; }
.note { border-left: 5px solid #1f5f8b; background: #eef4f8; padding: .6rem .9rem; margin: .8rem 0; }
.warn { border-left-color: #8a4b00; background: #fdf3e6; }
.muted { color: #4a4a4a; }
.fact { margin: 1rem 0; }
.sources { font-size: .95rem; color: #3d3d3d; }
.answer { min-height: 5rem; border: 1px solid #767676; margin: .4rem 0 1rem; padding: .4rem; }
ol.questions li { margin: .4rem 0; }
footer { margin-top: 3rem; font-size: .9rem; color: #4a4a4a; border-top: 1px solid #767676; padding-top: .6rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  figure, table, .note, .fact { break-inside: avoid; }
  svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def page(lang: str, title: str, body: str) -> str:
    """The whole document."""
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")

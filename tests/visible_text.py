"""The text a reader meets on a built page: what the browser shows, what a screen reader
announces (SVG titles, aria-labels, alt and title attributes) and what a link preview shows
(the page title and description). Scripts and styles are left out."""
from __future__ import annotations

import re

from lxml import html as lxml_html

# Elements whose content starts a new line; inline content in between is joined as the
# browser joins it, whitespace and line breaks collapsed into one space.
BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
          "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
          "ul", "br", "label", "select", "option", "button", "output", "svg"}
SKIPPED = {"script", "style", "noscript", "template", "head"}
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


def _local_name(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _lines(element, out: list[str], in_svg: bool = False) -> None:
    tag = _local_name(element)
    if tag in SKIPPED:
        return
    # Inside an SVG every element stands apart on the drawing (a map's link holds a label).
    block = tag in BLOCKS or in_svg
    if block:
        out.append("\n")
    out.append(element.text or "")
    for child in element:
        _lines(child, out, in_svg or tag == "svg")
        out.append(child.tail or "")
    if block:
        out.append("\n")


def visible_lines(page_html: str) -> list[str]:
    """The lines of text a reader meets on the page, whitespace collapsed as a browser does."""
    document = lxml_html.document_fromstring(page_html)
    parts: list[str] = []
    body = document.find("body")
    if body is not None:
        _lines(body, parts)
    lines = [re.sub(r"[ \t\r\f\v\n]+", " ", line).strip() for line in "".join(parts).split("\n")]
    title = document.findtext(".//title") or ""
    description = document.xpath("string(//meta[@name='description']/@content)")
    attributes = [value for name in ATTRIBUTES for value in document.xpath(f"//body//@{name}")]
    return [line for line in [*lines, title, description, *attributes] if line]

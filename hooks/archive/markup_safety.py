"""An account is Markdown written by editors, and raw HTML passes through Markdown as it is.
HTML that can run code in a reader's browser is refused; harmless HTML (a <span>, a <br>,
a <details>) keeps working. The check reads the HTML that Markdown makes of the account,
with the extensions of mkdocs.yml, so a Markdown link to javascript: or an {onclick=...}
attribute list is caught as surely as a <script> tag, and code samples are not."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown import Markdown

from .messages import Message

_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition"]
_CODE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                  "link", "style", "form", "svg", "math", "template", "noscript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                   "cite", "srcset", "ping", "lowsrc", "dynsrc", "codebase", "manifest"}
_CODE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore whitespace and control characters inside a URL's scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        # (what, text to look for in the source, a second choice when it is written otherwise)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _CODE_ELEMENTS:
            self.found.append((f"<{tag}>", f"<{tag}", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"{name}=", name, name))
            elif name == "srcdoc":
                self.found.append(("srcdoc=", name, name))
            elif name in _URL_ATTRIBUTES and value:
                scheme = _IGNORED_IN_SCHEME.sub("", value).lower()
                for code_scheme in _CODE_SCHEMES:
                    if scheme.startswith(code_scheme) or (name == "srcset" and code_scheme in scheme):
                        self.found.append((f'{name}="{code_scheme}"', code_scheme[-5:], f"{name}="))

    handle_startendtag = handle_starttag


_markdown = Markdown(extensions=_EXTENSIONS)

# Code needs raw HTML (<), an attribute list ({), an encoded character (&) or a script or
# data URL in a Markdown link; an account with none of these is not converted at all, which
# saves most of the check's time on large archives.
_MAY_HOLD_CODE = ("<", "{", "&", "script", "data:")


def unsafe_markup(body: str) -> list[tuple[int, Message]]:
    """(line within `body`, message) for each kind of code-running HTML found, first place only."""
    lowered = body.lower()
    if not any(mark in lowered for mark in _MAY_HOLD_CODE):
        return []
    finder = _Finder()
    finder.feed(_markdown.reset().convert(body))
    finder.close()
    problems, reported = [], set()
    for what, needle, second_choice in finder.found:
        if what in reported:
            continue
        reported.add(what)
        match = (re.search(re.escape(needle), body, re.IGNORECASE)
                 or re.search(re.escape(second_choice), body, re.IGNORECASE))
        line = body.count("\n", 0, match.start()) + 1 if match else 1
        problems.append((line, Message("markup.unsafe", what=what)))
    return problems

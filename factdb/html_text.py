"""Text of an HTML fragment with a real parser (html.parser): pure, no network.

Used for markup left in text and JSON inputs.  Script, style, template and
comment contents are never read (``<script>var killed = 12000;</script>``
is code, not a claim); block elements become line breaks; entities are
decoded once.  Whole web pages go through :mod:`factdb.pages` instead.
"""

from __future__ import annotations

from html.parser import HTMLParser

# elements whose content is never article text
_SKIPPED = {"script", "style", "template", "noscript", "svg", "head", "iframe", "object"}
_BLOCKS = {"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "ul", "ol", "table",
           "section", "article", "header", "footer", "blockquote", "figure", "figcaption", "hr", "pre", "dd", "dt"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip.append(tag)
        elif tag in _BLOCKS and not self._skip:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS and not self._skip:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:  # an unclosed element inside: close up to the match
                del self._skip[self._skip.index(tag):]
            return
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    # comments, processing instructions and declarations are dropped by not handling them


def html_to_text(markup: str) -> str:
    """Visible text of ``markup``; whitespace inside a line is left as it was."""
    p = _TextParser()
    p.feed(markup)
    p.close()
    text = "".join(p.parts)
    lines = [line.strip() for line in text.split("\n")]
    # collapse runs of empty lines produced by nested blocks, keep paragraph breaks
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")

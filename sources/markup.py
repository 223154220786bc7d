"""HTML pasted as article text becomes plain text before cleaning (nh3, the Ammonia sanitiser).

Newsroom tools sometimes send a page's HTML instead of its text; stored as it came, `</p>`
ended up inside quotes and offsets pointed into markup. Text that holds real HTML tags is
turned into text: block ends become paragraph breaks, every tag goes (with the content of
script and style), entities are decoded. Plain text, including a stray `a < b`, is untouched.
The raw input is kept as it came in `Article.raw_text`.
"""

import html
import re

import nh3

_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|blockquote|figure|figcaption"
    r"|section|article|header|footer|main|table|tr|td|th|script|style|img|html|body|head)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_BLOCK_END = re.compile(
    r"</(?:p|div|h[1-6]|li|blockquote|figure|figcaption|section|article|header|footer|tr)\s*>"
    r"|<br\s*/?>",
    re.IGNORECASE,
)
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def looks_like_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


def html_to_text(text: str) -> str:
    """The text a browser would show for `text`, paragraphs kept; plain text unchanged."""
    if not looks_like_html(text):
        return text
    broken = _BLOCK_END.sub(lambda match: match.group(0) + "\n\n", text)
    stripped = nh3.clean(broken, tags=set(), clean_content_tags={"script", "style"})
    return _BLANK_RUNS.sub("\n\n", html.unescape(stripped)).strip()

"""The one place where text from the database or an upload is made inert before it is drawn.

Streamlit renders Markdown (GitHub flavour: links, images, bare `http://` and `www.` addresses, e-mail addresses,
emphasis, lists, headings, tables, LaTeX `$…$`, `:colour[…]` and `:material/…:` directives) in titles, headers,
captions, `st.markdown`/`st.write` of a string, alerts, toasts, metric labels, help tooltips, expander, tab and
dialog titles. Plotly renders a subset of HTML (`<a href>`, `<b>`, `<br>`, `<span style>`, …) in titles, axis and
tick labels, legend names, annotations, `text` and hover text. The meeting's web slides are HTML.

- `markdown_text(value)` for anything a Markdown-rendering element shows: every Markdown control character is
  backslash-escaped (CommonMark shows an escaped punctuation character as itself, so the reader sees the text
  unchanged and no backslash). Escapes do not stop GitHub's autolinks, which are found in the text after parsing
  (`http\\://a\\.b` still becomes a link): a WORD JOINER (U+2060, invisible, zero width) goes after `http`,
  `https`, `ftp` and `www` before `:` or `.`, and after every `@`, so that no address or e-mail is recognised.
- `html_text(value)` for HTML contexts (plotly labels, hovers and text; the meeting's slides; pydeck tooltips
  that are not interpolated by Streamlit): `&`, `<`, `>` and quotes as character references.

Never pass the result of one to the other, and never escape text that an element shows literally (dataframe cells,
selectbox options, `st.text`, `st.code`): there the backslashes or entities would show.
"""

from __future__ import annotations

import html
import math
import re

# ASCII punctuation CommonMark lets a backslash escape, minus those that never start Markdown (",' and ; % , / ? ).
# ':' breaks Streamlit's :colour[…] / :material/…: / :emoji: directives, '.' ordered-list markers, '&' entity
# references, '$' LaTeX, '=' setext headings (autolinks need the word joiner below).
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~$:@&=^")


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if pd.isna(value) is True:
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


WORD_JOINER = "\u2060"
_AUTOLINK_START = re.compile(r"(?i)(https?|ftp|www)(?=[:.])|@")


def markdown_text(value: object) -> str:
    """`value` as text that every Markdown element of Streamlit shows literally (None / NaN → "")."""
    text = _AUTOLINK_START.sub(lambda m: m.group() + WORD_JOINER, _text(value))
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in text)


def html_text(value: object) -> str:
    """`value` as HTML text: shown literally by a browser and by plotly's label markup (None / NaN → "")."""
    # Quotes as numeric references: plotly decodes numeric ones but not `&quot;`. Line breaks too: a blank line in
    # st.markdown(…, unsafe_allow_html=True) would end the HTML block and let Markdown parse the rest.
    escaped = html.escape(_text(value), quote=False)
    for ch, ref in (('"', "&#34;"), ("'", "&#39;"), ("\r", "&#13;"), ("\n", "&#10;")):
        escaped = escaped.replace(ch, ref)
    return escaped

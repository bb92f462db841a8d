"""The one place where text from the database or an upload is made inert before it is drawn.

Streamlit renders Markdown (GitHub flavour: links, images, bare `http://` and `www.` addresses, e-mail addresses,
emphasis, lists, headings, tables, LaTeX `$…$`, `:colour[…]` and `:material/…:` directives) in titles, headers,
captions, `st.markdown`/`st.write` of a string, alerts, toasts, metric labels, help tooltips, expander, tab and
dialog titles. Plotly renders a subset of HTML (`<a href>`, `<b>`, `<br>`, `<span style>`, …) in titles, axis and
tick labels, legend names, annotations, `text` and hover text. The meeting's web slides are HTML.

- `markdown_text(value)` for anything a Markdown-rendering element shows: every Markdown control character is
  backslash-escaped (CommonMark shows an escaped punctuation character as itself, so the reader sees the text
  unchanged and no backslash), which also breaks autolinks (`http\\:`, `www\\.`, `a\\@b`).
- `html_text(value)` for HTML contexts (plotly labels, hovers and text; the meeting's slides; pydeck tooltips
  that are not interpolated by Streamlit): `&`, `<`, `>` and quotes as character references.

Never pass the result of one to the other, and never escape text that an element shows literally (dataframe cells,
selectbox options, `st.text`, `st.code`): there the backslashes or entities would show.
"""

from __future__ import annotations

import html
import math

# ASCII punctuation CommonMark lets a backslash escape, minus those that never start Markdown (",' and ; % , / ? ).
# ':' breaks autolinks and Streamlit's :colour[…] / :material/…: / :emoji: directives, '.' breaks `www.` and
# ordered-list markers, '@' e-mail autolinks, '&' entity references, '$' LaTeX, '=' setext headings.
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


def markdown_text(value: object) -> str:
    """`value` as text that every Markdown element of Streamlit shows literally (None / NaN → "")."""
    text = _text(value)
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in text)


def html_text(value: object) -> str:
    """`value` as HTML text: shown literally by a browser and by plotly's label markup (None / NaN → "")."""
    # Quotes as numeric references: plotly decodes numeric ones but not `&quot;`. Line breaks too: a blank line in
    # st.markdown(…, unsafe_allow_html=True) would end the HTML block and let Markdown parse the rest.
    escaped = html.escape(_text(value), quote=False)
    for ch, ref in (('"', "&#34;"), ("'", "&#39;"), ("\r", "&#13;"), ("\n", "&#10;")):
        escaped = escaped.replace(ch, ref)
    return escaped

"""The accessibility statement's facts, and the one list of known exceptions.

Finnish and Estonian public bodies must publish an accessibility statement for a web service (EU Directive
2016/2102; in Finland the Act on the Provision of Digital Services 306/2019, in Estonia the Public Information Act).
The statement page (`pages/accessibility.py`) shows what is here; the automated check
(`tests/test_browser_accessibility.py`) allows exactly the axe-core violations listed in `KNOWN_EXCEPTIONS`, so the
statement and the test cannot disagree about what is known not to comply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .i18n import N_, t

# The date of the last check by hand (keyboard, screen reader, zoom) together with the automated check. Updated by
# hand when the check is repeated: when the automated test last ran in CI cannot be known by the running app.
LAST_CHECKED = dt.date(2026, 12, 7)

STANDARD = "WCAG 2.1 AA"


@dataclass(frozen=True)
class KnownException:
    """A failure that comes from Streamlit itself, not from this app's markup, and cannot be fixed here."""

    rule: str  # the axe-core rule id
    selector: str  # a part of the CSS selector axe reports: only nodes matching it are excused
    what: str  # English message: what does not comply, for the statement
    upstream: str  # where it is reported (or, when no report was found, that none was)


KNOWN_EXCEPTIONS: tuple[KnownException, ...] = (
    KnownException(
        rule="svg-img-alt",
        selector="metric_chart_",
        what=N_("The small trend lines inside the figure cards of the Indicators page have no text alternative of "
                "their own. The same values are in the card's text, in the chart below the cards and in its data "
                "table."),
        upstream="Streamlit st.metric(chart_data=…) draws its sparkline with Vega-Lite and an unlabelled "
                 "graphics-symbol group (streamlit/streamlit#8495 added the sparkline; no issue about its "
                 "accessibility was found in the tracker)",
    ),
)


@dataclass(frozen=True)
class Supervisor:
    """The authority a visitor can turn to when the answer to their feedback does not satisfy them."""

    country: str
    name: str  # English message
    web: str


SUPERVISORS = (
    Supervisor("FI", N_("Finland: Digital Accessibility Supervision, Finnish Transport and Communications Agency "
                        "Traficom"), "https://www.saavutettavuusvaatimukset.fi"),
    Supervisor("EE", N_("Estonia: Consumer Protection and Technical Regulatory Authority (TTJA)"),
               "https://www.ttja.ee"),
)

def feedback_contact(settings: dict) -> str | None:
    """Where feedback on accessibility goes: `[accessibility] contact` in the settings (secrets.toml, an e-mail
    address or a web address of the organisation that runs the service); None when it is not set."""
    section = settings.get("accessibility") if isinstance(settings, dict) else None
    contact = section.get("contact") if isinstance(section, dict) else None
    return str(contact).strip() if contact is not None and str(contact).strip() else None


def exception_texts(lang: str) -> list[str]:
    return [t(exception.what, lang) for exception in KNOWN_EXCEPTIONS]

"""The gettext catalogues are complete for every interface language and agree with the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from twinreg_data import labels
from twinreg_data.i18n import LANGUAGES, LOCALE_DIR, NP_, format_number, format_pct, t, tn
from twinreg_data.schema import BOTTLENECK_STATUSES, DOMAINS, SIDES

REPO = Path(__file__).resolve().parents[1]
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
# The keywords of babel.cfg / the Makefile's `pybabel extract`.
KEYWORDS = {"t": None, "t_numbers": None, "tn": (1, 2), "N_": None, "N_plural": (1, 2), "NP_": ((1, "c"), 2),
            "StatFileError": None, "Expected": None, "Decision": (3,)}


def _catalogue(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=lang if lang != "en" else "en_GB")


def _ids(messages) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in messages if m.id}


@pytest.fixture(scope="module")
def used_in_code() -> set[tuple[str | None, str]]:
    """Every message the code marks, extracted now as `make messages` does."""
    used = set()
    for folder in ("pages", "twinreg_data"):
        for _file, _line, message, _comments, context in extract_from_dir(
                REPO / folder, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
            used.add((context, message if isinstance(message, str) else message[0]))
    for _line, message, _comments, context in _extract_file(REPO / "app.py"):
        used.add((context, message if isinstance(message, str) else message[0]))
    assert len(used) > 500, "few messages found: the extraction keywords are wrong"
    return used


def _extract_file(path: Path):
    from babel.messages.extract import extract

    with path.open("rb") as file:
        yield from extract("python", file, keywords=KEYWORDS, comment_tags=())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_holds_every_message_the_code_uses(lang, used_in_code):
    """`make messages` was run after the last change of a message: no message is missing from a catalogue."""
    assert sorted(used_in_code - _ids(_catalogue(lang)), key=str) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    catalogue = _catalogue(lang)
    untranslated = [m.id for m in catalogue if m.id and not (all(m.string) if m.pluralizable else m.string)]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_agree_with_the_english(lang):
    """A translation uses exactly the placeholders of its English message (a plural form those of the plural)."""
    wrong = []
    for m in _catalogue(lang):
        if not m.id:
            continue
        english = m.id[-1] if m.pluralizable else m.id
        expected = set(PLACEHOLDER.findall(english))
        for form in (m.string if m.pluralizable else (m.string,)):
            if set(PLACEHOLDER.findall(form)) != expected:
                wrong.append((m.id, form))
    assert wrong == []


def test_no_catalogue_keeps_obsolete_messages(used_in_code):
    """Messages the code no longer uses are dropped by `make messages` (pybabel update --ignore-obsolete)."""
    for lang in LANGUAGES:
        assert sorted(_ids(_catalogue(lang)) - used_in_code, key=str) == [], lang


def test_labels_cover_every_code():
    assert set(labels.DOMAIN_LABELS) >= set(DOMAINS)
    assert set(labels.STATUS_LABELS) >= set(BOTTLENECK_STATUSES)
    assert set(labels.SIDE_LABELS) >= set(SIDES)


def test_translation_of_a_message_and_a_context():
    assert t("Open bottlenecks", "fi") == "Avoimet pullonkaulat"
    assert t("Open bottlenecks", "sv") == "Öppna flaskhalsar"
    # One English word, two translations by context.
    assert t(NP_("meeting.col", "From"), "fi") != t(NP_("mobility.col", "From"), "fi")
    # A message no catalogue knows shows itself, never an exception.
    assert t("No such message", "et") == "No such message"
    assert t("Stalled (no event for {days} days)", "et", days=3).count("3") == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms(lang):
    one = tn("{n} day", "{n} days", 1, lang)
    many = tn("{n} day", "{n} days", 1234, lang)
    assert one != many.replace(format_number(1234, lang), "1")
    assert format_number(1234, lang) in many


def test_locale_formatting():
    assert format_number(1234.5, "fi", 1) == "1\u00a0234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(1234.5, "et", 1) == "1\u00a0234,5"
    assert format_number(1234.5, "sv", 1) == "1\u00a0234,5"
    assert format_pct(0.123, "fi") == "12,3\u00a0%"
    assert format_pct(0.123, "sv") == "12,3\u00a0%"
    assert format_pct(-0.05, "en") == "-5.0%"


def test_every_rule_and_refusal_has_a_label():
    """Each problem the importer reports and each way a file is refused has a translated message."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "twinreg_data").rglob("*.py")
                       if p.name != "template.py")  # its dropdowns' "error_title" is no rule
    reported = set(re.findall(r'"([a-z_]+)",\s*problems\b', source))  # _report_mask(…, rule, problems)
    reported |= set(re.findall(r'(?<!{)"(?:error|warning)",\s*"([a-z_]+)"', source))  # Problem.of(…, severity, rule)
    assert len(reported) > 25, "no rules found: the pattern is wrong"
    assert sorted(reported - set(labels.RULE_LABELS)) == []
    refused = re.findall(r'(?:RefusedFile|ParseFailure)\(\s*"([a-z0-9_]+)"(?:,\s*"([a-z0-9_]+)")?', source)
    # A statistics reader's refusal carries its own message ("statistics" is its reason, not a label).
    text_keys = {key or reason for reason, key in refused if reason != "statistics"} | {"out_of_memory"}
    assert len(text_keys) > 25, "no refusals found: the pattern is wrong"
    assert sorted(text_keys ^ set(labels.REFUSAL_LABELS)) == []

"""Every visible string has English, Finnish and Estonian text, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from twinreg_data.i18n import CATALOG, LANGUAGES, format_number, format_pct, t
from twinreg_data.ingest.validation import RULE_NAMES
from twinreg_data.schema import BOTTLENECK_STATUSES, DOMAINS

REPO = Path(__file__).resolve().parents[1]
KEY_USE = re.compile(r"""\bt\(\s*(?:f?)["']([a-z_]+\.[a-z0-9_.]+)["']""")


def test_every_key_has_every_language():
    missing = [(key, lang) for key, texts in CATALOG.items() for lang in LANGUAGES if not texts.get(lang, "").strip()]
    assert missing == []


def test_placeholders_agree_across_languages():
    for key, texts in CATALOG.items():
        fields = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in texts.items()}
        assert len({frozenset(f) for f in fields.values()}) == 1, key


def test_keys_used_in_code_exist():
    sources = [REPO / "app.py", *REPO.glob("pages/*.py"), *REPO.glob("twinreg_data/**/*.py")]
    used = {m.group(1) for path in sources for m in KEY_USE.finditer(path.read_text(encoding="utf-8"))}
    assert used, "no translation keys found: the pattern is wrong"
    assert sorted(used - set(CATALOG)) == []


def test_domain_and_status_labels_exist():
    for domain in DOMAINS:
        assert f"domain.{domain}" in CATALOG
    for status in BOTTLENECK_STATUSES:
        assert f"status.{status}" in CATALOG


def test_locale_formatting():
    assert format_number(1234.5, "fi", 1) == "1\u00a0234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(1234.5, "et", 1) == "1\u00a0234,5"
    assert format_pct(0.123, "fi") == "12,3\u00a0%"
    assert format_pct(-0.05, "en") == "-5.0%"
    assert t("no.such.key", "fi") == "no.such.key"


def _code(*patterns: str) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for pattern in patterns for path in REPO.glob(pattern)
                     if "catalog" not in path.parts)


def test_expected_texts_used_in_code_exist():
    """The importer's expected-texts (validation report, annotated workbook) are catalog keys in three languages."""
    from twinreg_data.ingest.validation import _FREQUENCY_KEYS, COUNT_UNITS

    used = set(re.findall(r"""["'](expected\.[a-z0-9_]+\.[a-z0-9_]+)["']""", _code("twinreg_data/**/*.py")))
    used |= set(_FREQUENCY_KEYS.values()) | {"expected.period_frequency.other"}
    used |= {f"validation.unit.{unit}" for unit in COUNT_UNITS}
    assert len(used) > 40, "no expected-text keys found: the pattern is wrong"
    assert sorted(used - set(CATALOG)) == []
    for key in used:
        assert all(CATALOG[key].get(lang, "").strip() for lang in LANGUAGES), key


def test_every_rule_has_a_name_and_an_expected_text():
    """Every rule the importer can report has a translated name (rule.*) and templates (expected.<rule>.*)."""
    source = _code("twinreg_data/ingest/validation.py", "twinreg_data/ingest/apply.py")
    reported = set(re.findall(r'"([a-z_]+)",\s*problems\b', source))  # _report_mask(…, rule, problems)
    reported |= set(re.findall(r'"(?:error|warning)",\s*"([a-z_]+)"', source))  # Problem.of(…, severity, rule)
    assert len(reported) > 25, "no rules found: the pattern is wrong"
    named = {key.split(".", 1)[1] for key in CATALOG if key.startswith("rule.")}
    with_text = {key.split(".")[1] for key in CATALOG if key.startswith("expected.")}
    # Rules named by an English message (gettext style) have no catalog keys, and their texts are messages too.
    assert sorted(set(RULE_NAMES) & named) == []
    reported -= set(RULE_NAMES)
    assert sorted(reported - named) == []
    assert sorted(named - with_text) == []  # every named rule has what-was-expected texts
    assert sorted(with_text - named) == []  # and every template belongs to a named rule


def test_every_refusal_has_a_text_in_every_language():
    """Each way a file can be refused (filecheck, the parser process, the importer) has a catalog text."""
    source = _code("twinreg_data/ingest/filecheck.py", "twinreg_data/ingest/readers/*.py",
                   "twinreg_data/ingest/apply.py")
    calls = re.findall(r'(?:RefusedFile|ParseFailure)\(\s*"([a-z0-9_]+)"(?:,\s*("[a-z0-9_]+"|[\w.]+\b(?!\s*=)))?',
                       source)
    # A second argument that is a name, not a key literal, holds an English message (gettext style): worded by
    # i18n.t, it needs no catalog key.
    text_keys = {key.strip('"') or reason for reason, key in calls if not key or key.startswith('"')}
    text_keys.add("out_of_memory")  # the parser process's MemoryError result
    assert len(text_keys) > 25, "no refusals found: the pattern is wrong"
    defined = {key.split(".", 1)[1] for key in CATALOG if key.startswith("refusal.")}
    assert sorted(text_keys - defined) == []
    assert sorted(defined - text_keys) == []  # no text left over from a refusal that is gone


def test_every_blocked_import_or_rollback_has_a_text_in_every_language():
    used = set(re.findall(r'ImportBlocked\(\s*"([a-z0-9_]+)"', _code("twinreg_data/ingest/apply.py")))
    assert len(used) >= 5, "no ImportBlocked texts found: the pattern is wrong"
    defined = {key.split(".", 1)[1] for key in CATALOG if key.startswith("blocked.")}
    assert sorted(used ^ defined) == []

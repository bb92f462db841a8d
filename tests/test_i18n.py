"""Every visible string has English, Finnish and Estonian text, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from twinreg_data.i18n import CATALOG, LANGUAGES, format_number, format_pct, t
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

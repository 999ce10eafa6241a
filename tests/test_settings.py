"""Every `INDICATORS_*` setting is read in `pipelines/settings.py` and documented in the README,
so the code and the documentation of what a run can be told cannot drift apart."""

import re
from pathlib import Path

import pytest

from pipelines import settings

ROOT = Path(__file__).resolve().parents[1]
ENV_READ = re.compile(r"os\.environ(?:\.get)?[\[(]\s*[\"']INDICATORS_|getenv\(\s*[\"']INDICATORS_")


def test_no_indicators_setting_is_read_outside_the_settings_module():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "pipelines").rglob("*.py"))
        if path.name != "settings.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ENV_READ.search(line)
    ]
    assert offenders == [], "read these through pipelines.settings: " + ", ".join(offenders)


def test_every_setting_is_named_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in settings.SETTINGS if s.name not in readme]
    assert missing == []


def test_an_empty_value_means_the_default(monkeypatch):
    monkeypatch.setenv("INDICATORS_RAW_DIR", "")
    assert settings.RAW_DIR.read() == "raw"
    monkeypatch.setenv("INDICATORS_RAW_DIR", "/data/articles")
    assert settings.RAW_DIR.read() == "/data/articles"


def test_a_required_setting_names_itself_when_missing(monkeypatch):
    monkeypatch.delenv("INDICATORS_CELERY_BROKER", raising=False)
    with pytest.raises(RuntimeError, match="INDICATORS_CELERY_BROKER is not set"):
        settings.required(settings.CELERY_BROKER)

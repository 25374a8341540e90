from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_environment_then_overrides() -> None:
    s = Settings.from_env({"COMMUNIQUE_MAX_CHARS": "500", "COMMUNIQUE_MODEL": "env_model"}, model="flag_model")
    assert s.max_chars == 500 and s.model == "flag_model"


def test_bad_values_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="whole number"):
        Settings.from_env({"COMMUNIQUE_BATCH_SIZE": "many"})


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, help_text in Settings.documented().items():
        assert help_text
        env = Settings.__dataclass_fields__[name].metadata["env"]
        assert env in readme, f"{env} is not in README.md"


def test_readme_names_the_two_commands_and_they_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test", "eval"):
        assert f"make {target}" in readme and f"\n{target}:" in makefile

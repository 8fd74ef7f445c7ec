"""The wheel: built, installed apart, and what it carries (grammars, samples, metadata) works.

CI goes further (.ci/run): it builds the sdist and the wheel from it, checks them with twine,
and installs the wheel with its dependencies in a clean virtual environment to run the command
line. Here the wheel is built without isolation and installed without dependencies, which is
quick enough for every test run.
"""

from __future__ import annotations

import email
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import resolutions
from tests.conftest import EXAMPLES, ROOT, SEEDS

pytest.importorskip("hatchling")
tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(folder.glob("resolutions-*.whl"))


def test_wheel_holds_grammars_and_samples_and_parses(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    assert (target / "resolutions" / "grammars" / "bodies" / "un" / "un.lark").is_file()
    assert (target / "resolutions" / "grammars" / "bodies" / "un" / "body.toml").is_file()
    assert (target / "resolutions" / "grammars" / "lexicon" / "operative.txt").is_file()
    script = (
        "import resolutions, resolutions.grammar as g;"
        f"assert str(g.grammar_dir()).startswith({str(target)!r}), g.grammar_dir();"
        f"assert all(str(p).startswith({str(target)!r}) for p in resolutions.examples()), resolutions.examples();"
        "print(len(resolutions.examples()));"
        f"print(resolutions.parse_file({str(EXAMPLES / '002_5927ce86d9264869.txt')!r}).title)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={"PYTHONPATH": str(target)}, check=True
    )
    count, title = done.stdout.splitlines()
    assert int(count) == len(SEEDS)
    assert title.startswith("Joint Ministerial Statement")


def test_the_version_is_written_in_one_place_and_the_wheel_carries_it(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(name))
    assert metadata["Version"] == resolutions.__version__
    assert wheel.name.startswith(f"resolutions-{resolutions.__version__}-")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and project["dynamic"] == ["version"]


def test_every_seed_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    shipped = {source for source, target in included.items() if target.startswith("resolutions/examples/")}
    assert shipped == {f"examples/{path.name}" for path in SEEDS}


def test_the_changelog_keeps_a_changelog_and_names_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", text, flags=re.MULTILINE)
    assert versions and versions[0] in ("Unreleased", resolutions.__version__)
    if versions[0] == "Unreleased":
        assert resolutions.__version__ in text.split("\n## ")[1]  # says what it will be released as
    kinds = set(re.findall(r"^### (.+)$", text, flags=re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}

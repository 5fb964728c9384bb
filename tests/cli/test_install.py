"""A regular (non-editable) install finds its layouts and fonts from any folder."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]


def test_wheel_ships_layouts_and_fonts_and_builds_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        # No build isolation: the build backend (hatchling, a test extra) comes from this
        # environment, so building the wheel needs no network.
        [*PIP_WHEEL, "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("exporter-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "exporter/_data/layouts/gongwen/layout.toml" in names
    assert "exporter/_data/fonts/NotoSerifSC-Regular.ttf" in names
    assert "exporter/_data/fonts/OFL-NotoSC.txt" in names

    # A fresh environment that borrows this environment's dependencies (a .pth line naming its
    # site-packages, listed after the child's own) but not the source tree: the editable
    # install's own .pth is not processed from there, so `exporter` can only come from the wheel.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=False, with_pip=True)
    py = env_dir / "bin" / "python"
    child_site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(child_site) / "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import exporter, json, sys; from exporter.resources import fonts_dir, layouts_dir;"
        "r = exporter.build([sys.argv[1]], output='out', formats=('json',));"
        "print(json.dumps([exporter.__file__, str(fonts_dir()), str(layouts_dir()), r.exit_code]))"
    )
    out = subprocess.run(
        [str(py), "-c", code, str(ROOT / "input")],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module, fonts, layouts, exit_code = json.loads(out.strip().splitlines()[-1])
    assert str(env_dir) in module and str(ROOT) not in module
    assert fonts.startswith(str(env_dir)) and layouts.startswith(str(env_dir))
    assert exit_code == 0
    assert json.loads((elsewhere / "out" / "compendium.json").read_text("utf-8"))["cases"]

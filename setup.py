"""Build step of the package: the kit's files outside ``widgets/`` go into the wheel as ``widgets/_root``.

The repository keeps them at the top (the layout is fixed: ``start.ipynb``, ``voila.json``,
``workshops/``, ``lessons/``, ``datasets/``, ``share/jupyter/voila/templates/kit``); an installed kit
finds the copy through ``widgets.settings.kit_root()``. Everything else is in ``pyproject.toml``.
Editable installs copy nothing: there the checkout itself is the kit's root.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TARGET = Path("widgets") / "_root"  # widgets.settings.INSTALLED_FILES
# What Voila serves and what the notebooks and the launcher read, relative to the repository root.
KIT_FILES = (
    "start.ipynb",
    "voila.json",
    "workshops/*.ipynb",
    "lessons/*.ipynb",
    "lessons/exercises/*.toml",
    "datasets/*.csv",
    "share/jupyter/voila/templates/kit/**/*",
)


def kit_files(root: Path = HERE) -> list:
    """The files (relative paths) the wheel carries in ``widgets/_root``."""
    found = {path for pattern in KIT_FILES for path in root.glob(pattern) if path.is_file()}
    return sorted(path.relative_to(root) for path in found if ".ipynb_checkpoints" not in path.parts)


class BuildWithKitFiles(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        found = kit_files()
        if Path("start.ipynb") not in found:  # an sdist without the kit's files would build a kit that cannot start
            raise SystemExit(f"setup.py: the kit's files are missing in {HERE} (see MANIFEST.in)")
        for relative in found:
            target = Path(self.build_lib) / TARGET / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / relative, target)

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        return outputs + [str(Path(self.build_lib) / TARGET / relative) for relative in kit_files()]


setup(cmdclass={"build_py": BuildWithKitFiles})

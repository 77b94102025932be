"""npm for the tests that need a package from the npm registry (axe-core, configurable-http-proxy)."""

import subprocess


def npm(args: list, what: str, cwd=None) -> None:
    """Run ``npm <args>``; a missing npm or a failed install is said in one line, with npm's own words."""
    try:
        subprocess.run(["npm", *args], cwd=cwd, check=True, capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        raise RuntimeError(f"npm is missing: install Node.js (20 or later) to install {what}") from None
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"npm could not install {what}:\n{error.stderr}") from None

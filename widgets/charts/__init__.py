"""Bokeh charts for the facilitator's dashboard (never imported by participant pages).

Charts take plain data and return Bokeh objects; ``widget`` wraps one for
ipywidgets (jupyter_bokeh) so changing a data source updates the page live.
"""

import os
from importlib.metadata import version
from pathlib import Path

from ..activities import ACTIVITIES

# The charts draw plots with legends, labels and hover tools: BokehJS's core
# holds all of them. Its widgets, tables, WebGL and MathJax parts are 2.7 MB
# more that no chart here uses.
COMPONENTS = ("bokeh",)
# Voila runs a script output of this type. Bokeh's ``output_notebook`` also adds
# a second copy for JupyterLab's bokeh renderer, which doubled every page.
SCRIPT_MIME = "application/javascript"

_loaded = False


def bokehjs_script() -> str:
    """BokehJS (core only) from the installed package, as the script that loads it into a page.

    Bokeh is imported in the functions here: this package is light until a chart is made.
    """
    from bokeh.core.templates import AUTOLOAD_NB_JS
    from bokeh.embed.bundle import bundle_for_objs_and_resources
    from bokeh.resources import Resources

    bundle = bundle_for_objs_and_resources(None, Resources(mode="inline", components=list(COMPONENTS)))
    return AUTOLOAD_NB_JS.render(bundle=bundle, elementid=None, force=True, timeout=5000, register_mime=False)


def _cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "publieke-waardekit" / f"bokehjs-{version('bokeh')}-{'-'.join(COMPONENTS)}.js"


def cached_bokehjs_script() -> str:
    """``bokehjs_script()`` kept on disk per Bokeh version: importing Bokeh to build it costs a page ~1 s."""
    try:
        path = _cache_file()
        return path.read_text(encoding="utf-8")
    except (OSError, RuntimeError):  # not built yet, or no home folder
        pass
    script = bokehjs_script()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(script, encoding="utf-8")
        os.replace(partial, path)  # another kernel reading at the same time sees all or nothing
    except (OSError, NameError):
        pass  # a read-only or missing home: build it each time
    return script


def load_bokehjs() -> None:
    """Put BokehJS into the page from the installed package (no CDN): once per kernel.

    Must run while a notebook cell executes (its output carries the script): a
    chart created later in a button callback relies on it being there already.
    """
    global _loaded
    from IPython import get_ipython  # in a kernel only: the report's charts import this package in the server

    if not _loaded and get_ipython() is not None:
        from IPython.display import publish_display_data

        publish_display_data({SCRIPT_MIME: cached_bokehjs_script()})
        _loaded = True


def preload() -> None:
    """Import Bokeh, jupyter_bokeh and the dashboard's charts now (about 1.5 s, +27 MB).

    For a preheated dashboard kernel, called before it waits for its request: opening a session
    then no longer pays for the import while the facilitator waits.
    """
    import jupyter_bokeh.widgets  # noqa: F401

    for activity in ACTIVITIES:
        activity.module("charts")  # the folder's charts, where it has them


def widget(figure):
    """``figure`` as an ipywidget that follows its data sources (jupyter_bokeh, imported with the first chart)."""
    from jupyter_bokeh.widgets import BokehModel

    load_bokehjs()
    return BokehModel(figure)

"""Bokeh charts for the facilitator's dashboard (never imported by participant pages).

Charts take plain data and return Bokeh objects; ``widget`` wraps one for
ipywidgets (jupyter_bokeh) so changing a data source updates the page live.
"""

_loaded = False


def load_bokehjs() -> None:
    """Put BokehJS into the page from the installed package (no CDN): once per kernel.

    Must run while a notebook cell executes (its output carries the script): a
    chart created later in a button callback relies on it being there already.
    """
    global _loaded
    from IPython import get_ipython

    if not _loaded and get_ipython() is not None:
        from bokeh.io import output_notebook
        from bokeh.resources import INLINE

        output_notebook(INLINE, hide_banner=True)
        _loaded = True


def widget(figure):
    from jupyter_bokeh.widgets import BokehModel

    load_bokehjs()
    return BokehModel(figure)

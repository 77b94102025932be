"""The public value workshop kit.

Layers, each importing only from the ones before it:
``model`` (plain data and rules) -> ``store`` (sessions and answers on disk)
-> ``views`` (ipywidgets) -> ``charts`` (bokeh). Importing this package is
cheap on purpose: participant kernels load only what they use.
"""

__version__ = "0.1.0"

"""The public value workshop kit.

One package in layers that only depend downward: ``model`` (plain data and rules) -> ``store``
(sessions and answers in SQLite or PostgreSQL) -> ``render`` (HTML from Jinja2 templates; ``charts``
beside it, Bokeh) -> ``web`` (the participant pages, a Jupyter server extension without kernels) |
``views`` (ipywidgets for the facilitator, the tafel, the start page and lessons) | the report and
exports. Each activity is one folder, ``activities/<key>/``, holding its part of every layer; the
registry in ``activities`` finds it and shared code loops over the registry. Importing this package
is cheap on purpose: a participant's request loads only what its page uses.
"""

__version__ = "0.1.0"

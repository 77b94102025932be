"""ipywidgets views: they arrange widgets and call the model and store, nothing more."""

from .guard import refuse_front_end_widgets

refuse_front_end_widgets()  # every page imports this package: its kernel builds no widget a browser asks for

from .failures import install as show_store_failures_on_page  # noqa: E402 (each step next to its call)

show_store_failures_on_page()  # a page whose store fails says so in the kit's words, not with Voila's English error

"""ipywidgets views: they arrange widgets and call the model and store, nothing more."""

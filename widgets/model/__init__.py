"""The domain in plain Python: no Jupyter, no database, no plotting imports."""

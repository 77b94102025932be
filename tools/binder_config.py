"""Configure a regular Jupyter server to serve the kit, as on Binder: ``python -m widgets.web.configure``.

    python tools/binder_config.py [--config-dir DIR] [--data-dir DIR] [--serve-kit-files]

Kept for the checkout (older notes, ``tests/test_token_server_browser.py``); the work is done by
``widgets/web/configure.py``, which ships in the package so an installed kit needs no ``tools/``.
"""

from widgets.web.configure import configure, enable_extensions, kernel_defaults, main, voila_settings, write_settings

__all__ = ["configure", "enable_extensions", "kernel_defaults", "main", "voila_settings", "write_settings"]

if __name__ == "__main__":
    main()

"""The participant pages, served by the kit's own Jupyter server extension: no kernel per phone.

Mounted twice with the same code: as a regular Jupyter server extension (Binder, JupyterHub:
``tools/binder_config.py`` lists it in ``jupyter_server_config.d``) and inside the kit's
standalone Voila server (``make start``, see ``standalone.py``). Either way the pages live at ``<base>kit/<CODE>``.
"""


def _jupyter_server_extension_points():
    return [{"module": "widgets.web"}]


def mount(web_app, base_url: str, parent=None):
    """Add the participant pages to a Tornado application; returns the shared KitWeb.

    The handlers (Tornado's web stack, Jinja2, the registry) are imported here, not with the package:
    a server imports ``widgets.web`` to list its extensions, and so does every module in it, such as
    Voila's kernel manager (``kernels``) and ``configure``, none of which serves a page.
    """
    from . import headers
    from .routes import handlers
    from .service import KitWeb

    base_url = base_url if base_url.endswith("/") else base_url + "/"
    kit = KitWeb(web_settings=web_app.settings, parent=parent)
    web_app.add_handlers(".*$", handlers(base_url, kit))
    web_app.add_transform(headers.transform(base_url, everywhere=False))  # Voila's pages and ours, not Lab's
    kit.start_purging()
    kit.warm_up()  # the Jupyter server's process is not the kit's own: no gc.freeze there
    return kit


def _load_jupyter_server_extension(serverapp):
    from .connections import raise_open_files_limit, serve_guarded
    from .kernels import cap_voila_pages

    # Before the server creates its HTTPServer (jupyter_server does so after loading extensions). Its
    # timeouts stay the Jupyter server's own (JupyterLab shares it); the kit's pages bound their bodies.
    # No cap on one address's connections: behind JupyterHub's or Binder's proxy they all come from it.
    raise_open_files_limit(serverapp.log)
    serve_guarded(serverapp.log)
    mount(serverapp.web_app, serverapp.base_url, parent=serverapp)
    serverapp.log.info("Participant pages of the public value kit at %skit/", serverapp.base_url)
    if not cap_voila_pages(serverapp.web_app):  # Voila's pages: the kit's kernel cap, as in the standalone server
        serverapp.log.warning("Voila's server extension is not loaded before the kit's: its pages have no kernel cap.")

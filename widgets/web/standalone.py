"""The kit's standalone server: Voila (facilitator, tafel, start page, lessons) plus the participant pages.

Voila 0.5 runs its own Tornado application; this subclass adds the kit's handlers to it,
so ``make start`` serves ``/kit/<CODE>`` from the same process as the Voila pages. It also
gives the Voila pages the kit's security headers (``headers.py``) and kernel hygiene (``kernels.py``):
idle kernels culled, a cap on how many run, and a bound on one websocket message. Here the kit owns
the HTTP server, so it also sets its connections' timeouts, caps one address's connections and raises
the open-files limit (``connections.py``).
"""

from traitlets import Integer
from voila.app import Voila

from . import headers
from .connections import raise_open_files_limit, serve_guarded
from .kernels import MAX_MESSAGE_MB, KitKernelManager, capped_handlers
from .routes import handlers
from .service import KitWeb


class KitVoila(Voila):
    name = "voila"  # read voila.json and Voila's own config files, as plain Voila does

    max_message_mb = Integer(
        MAX_MESSAGE_MB,
        config=True,
        help="Largest websocket message a browser may send a page's kernel, in MiB "
        "(a dashboard's file upload is one message).",
    )

    def init_settings(self):
        if "multi_kernel_manager_class" not in self.voila_configuration.config.VoilaConfiguration:
            self.voila_configuration.multi_kernel_manager_class = KitKernelManager
        settings = super().init_settings()
        settings["websocket_max_message_size"] = self.max_message_mb * 1024 * 1024
        return settings

    def start(self):
        raise_open_files_limit(self.log)  # before anything opens a file the limit would count
        super().start()

    def listen(self):
        # Voila's listen creates the server through Application.listen: the guarded one, with the kit's timeouts
        # and its cap on one address's connections.
        serve_guarded(
            self.log,
            per_address=self.kit.connection_cap(),
            trusted=self.kit.trusted_proxies,
            idle_connection_timeout=self.kit.idle_timeout,
            body_timeout=self.kit.body_timeout,
        )
        super().listen()

    def init_handlers(self):
        base_url = self.server_url if self.server_url.endswith("/") else self.server_url + "/"
        self.kit = KitWeb(web_settings=self.app.settings, parent=self)
        self.kit.start_purging()  # on the loop the server is about to run (Voila's listen takes the current one)
        self.kit.warm_up(freeze=True)  # this process is the kit's: what it loaded at start stays
        self.app.add_transform(headers.transform(base_url, everywhere=True))  # every page here is the kit's
        return handlers(base_url, self.kit) + capped_handlers(super().init_handlers())


main = KitVoila.launch_instance

if __name__ == "__main__":
    main()

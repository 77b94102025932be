"""The kit's standalone server: Voila (facilitator, tafel, start page, lessons) plus the participant pages.

Voila 0.5 runs its own Tornado application; this subclass adds the kit's handlers to it,
so ``make start`` serves ``/kit/<CODE>`` from the same process as the Voila pages.
"""

from voila.app import Voila


class KitVoila(Voila):
    name = "voila"  # read voila.json and Voila's own config files, as plain Voila does

    def init_handlers(self):
        from .handlers import handlers
        from .service import KitWeb

        base_url = self.server_url if self.server_url.endswith("/") else self.server_url + "/"
        self.kit = KitWeb(web_settings=self.app.settings, parent=self)
        return handlers(base_url, self.kit) + super().init_handlers()


main = KitVoila.launch_instance

if __name__ == "__main__":
    main()

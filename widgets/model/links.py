"""The addresses people type or scan: the participant join link and the facilitator link.

Three ways the kit is reached, in order of preference:
1. ``KIT_PUBLIC_URL`` set by ``make room`` (this machine's LAN address) or by an
   administrator (a municipal server behind a proxy): used as it is.
2. JupyterHub/Binder (``JUPYTERHUB_SERVICE_PREFIX`` set): the host the facilitator's
   browser used, over https, plus the hub prefix.
3. Otherwise the host the facilitator's browser used, with Voila's base URL.
The facilitator can always overwrite the address in the dashboard.

The participant link is ``<base>kit/<CODE>``: short enough to type, and it carries no
Jupyter token, because the participant pages need none (see ``widgets.web``). Only the
facilitator's own link carries the server token on Binder, to reopen the dashboard.
"""

from urllib.parse import urlencode

FACILITATOR_NOTEBOOK = "workshops/facilitator.ipynb"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0")


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def base_address(env, request_host: str) -> tuple:
    """``(base URL ending in '/', extra query parameters)`` for links to this kit."""
    public = env.get("KIT_PUBLIC_URL", "").strip()
    if public:
        return _with_slash(public), {}
    host = request_host or "localhost:8866"
    prefix = env.get("JUPYTERHUB_SERVICE_PREFIX")
    if prefix:
        scheme = "http" if host.split(":")[0] in LOCAL_HOSTS else "https"
        # Binder has no login: the server's token in the facilitator's own link is what reopens it. A
        # JupyterHub has a login, and that token would hand the whole server to whoever sees the link.
        on_binder = env.get("BINDER_LAUNCH_HOST") or env.get("BINDER_REPO_URL")
        extra = {"token": env["JUPYTERHUB_API_TOKEN"]} if on_binder and env.get("JUPYTERHUB_API_TOKEN") else {}
        return _with_slash(f"{scheme}://{host}/{prefix.strip('/')}"), extra
    base_path = "/" + env.get("VOILA_BASE_URL", "/").strip("/")
    return _with_slash(f"http://{host}{base_path}"), {}


def is_local_only(base: str) -> bool:
    """Whether phones in the room cannot reach this address."""
    host = base.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
    return host in LOCAL_HOSTS


def participant_link(base: str, code: str) -> str:
    """What the QR code encodes and the projector shows: the session's language is the page's default."""
    return f"{_with_slash(base)}kit/{code}"


def facilitator_cookie(code: str) -> str:
    """The cookie that holds a facilitator key in the facilitator's own browser (dashboard and screen)."""
    return f"kit_f_{code}"


KEY = "sleutel"  # where the dashboard hands the facilitator key to the server, which sets the cookie
SCREEN = "scherm"  # the presentation screen's address, and the store's name for its settings
ADDRESS_KEY = "address"  # the participant address the facilitator chose, shown on the screen too


def screen_link(base: str, code: str) -> str:
    """The presentation screen for the projector (needs the facilitator cookie or the key)."""
    return f"{_with_slash(base)}kit/{code}/{SCREEN}"


FILES = "bestanden"  # a session's downloads: exports, report, paper sheets (facilitator cookie)


def files_link(base: str, code: str, name: str, lang: str = "nl") -> str:
    """A download of the session's (see widgets.report.files), in the dashboard's language."""
    return f"{_with_slash(base)}kit/{code}/{FILES}/{name}" + (f"?lang={lang}" if lang != "nl" else "")


def facilitator_link(base: str, code: str, key: str, lang: str = "nl", extra=None) -> str:
    params = {"sessie": code, "sleutel": key}
    if lang != "nl":
        params["lang"] = lang
    params.update(extra or {})
    return f"{_with_slash(base)}voila/render/{FACILITATOR_NOTEBOOK}?{urlencode(params)}"

"""Configure a regular Jupyter server to serve the kit (Binder's ``postBuild``, the hub image).

    python -m widgets.web.configure [--config-dir DIR] [--data-dir DIR] [--serve-kit-files]

It ships inside the package, so an installed kit (the wheel in ``deploy/image/Dockerfile``) can run
it without a checkout; ``tools/binder_config.py`` is a thin wrapper. Without options it writes where
Jupyter reads (``jupyter --config-dir`` and ``jupyter --data-dir``, which follow
``JUPYTER_CONFIG_DIR`` and ``JUPYTER_DATA_DIR``). It

- links the kit's Voila page template into ``<data-dir>/voila/templates/kit``;
- copies the page settings of ``voila.json`` (without the standalone-only ``preheat_kernel``)
  into ``<config-dir>/jupyter_server_config.json``, keeping what else is there, and turns off
  MathJax as the standalone server has it: Voila's server extension would otherwise make every
  dashboard load it from cdnjs.cloudflare.com (no page of the kit asks another host for anything);
- gives the server's kernels the kit's hygiene (``widgets/web/kernels.py``): kernels no page is
  connected to are culled after ``--cull-idle`` seconds, open pages' kernels after ``--cull-connected``,
  and one websocket message from a browser is bounded to ``--max-message-mb`` MiB (the dashboard's
  file upload is one message). The Voila pages have the standalone server's cap (the kit's extension
  puts its page handler in Voila's place): at most ``--max-kernels`` kernels (a notebook open in
  JupyterLab counts too), the last two for the dashboard and the start page; a page's kernel whose page
  has not connected within ``--connect-timeout`` seconds is stopped; one address holds at most
  ``--kernels-per-address`` pages' kernels (behind a proxy on another machine, as on Kubernetes, name
  its network in ``c.KitWeb.trusted_proxies``, or every page counts as the proxy's);
- enables the server extensions Voila (``/voila/...``) and ``widgets.web`` (the participant
  pages at ``/kit/<CODE>``) in ``<config-dir>/jupyter_server_config.d/publieke-waarde-kit.json``;
- with ``--trust-cluster-proxy``, writes in that file that the proxies in front are in the cluster's private
  networks (``CLUSTER_PROXIES``): the hub image's setting for Zero to JupyterHub, whose values file mounts the
  same file (docs/deploy-jupyterhub.md says when that is safe). Without it a server trusts loopback only, as a
  server anyone can reach on a local network must;
- with ``--serve-kit-files``, makes the kit's files the server's root folder (``ServerApp.root_dir``):
  for an image whose home folder holds no notebooks (on JupyterHub a volume is mounted over it).

``jupyter server extension enable widgets.web`` cannot do the enabling: jupyter_server 2.21
refuses to enable an extension that no config file lists yet ("could not be found"), so the
file is written directly. (An installed wheel also lists ``widgets.web`` in
``<prefix>/etc/jupyter/jupyter_server_config.d``; this file says the same for any install.)
"""

import argparse
import json
from pathlib import Path

from jupyter_core.paths import jupyter_config_dir, jupyter_data_dir

from ..i18n import cli_language, t
from ..settings import kit_root
from . import kernels

EXTENSIONS = {"voila.server_extension": True, "widgets.web": True}
# A Kubernetes cluster's proxies (Zero to JupyterHub's configurable-http-proxy and Traefik) are pods: their addresses
# are in the private ranges (RFC 1918, IPv6 unique local), besides loopback. ``--trust-cluster-proxy`` trusts them.
CLUSTER_PROXIES = ["127.0.0.1/32", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]
EXTENSIONS_FILE = "publieke-waarde-kit.json"
STANDALONE_ONLY = ("preheat_kernel",)
# Voila reads these from the server's settings; unset, its pages fetch MathJax from a CDN.
NO_MATHJAX = {"mathjax_url": None, "mathjax_config": None}
KERNEL_MANAGER = "widgets.web.kernels.KitKernelManager"


def kernel_defaults() -> dict:
    """The standalone server's defaults (one place: widgets/web/kernels.py)."""
    return {
        "cull_idle": kernels.CULL_IDLE_TIMEOUT,
        "cull_connected": kernels.CULL_CONNECTED_TIMEOUT,
        "cull_interval": kernels.CULL_INTERVAL,
        "max_message_mb": kernels.MAX_MESSAGE_MB,
        "max_kernels": kernels.MAX_KERNELS,
        "connect_timeout": kernels.CONNECT_TIMEOUT,
        "kernels_per_address": kernels.KERNELS_PER_ADDRESS,
    }


def voila_settings(repo: Path = None) -> dict:
    repo = Path(repo or kit_root())
    settings = json.loads((repo / "voila.json").read_text(encoding="utf-8"))["VoilaConfiguration"]
    return {k: v for k, v in settings.items() if k not in STANDALONE_ONLY}


def link_template(data_dir: Path, repo: Path = None) -> Path:
    repo = Path(repo or kit_root())
    templates = data_dir / "voila" / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    link = templates / "kit"
    if link.is_symlink() or link.is_file():
        link.unlink()
    link.symlink_to(repo / "share" / "jupyter" / "voila" / "templates" / "kit", target_is_directory=True)
    return link


def write_settings(config_dir: Path, repo: Path = None, kernels: dict = None, serve_kit_files: bool = False) -> Path:
    repo = Path(repo or kit_root())
    kernels = {**kernel_defaults(), **(kernels or {})}
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "jupyter_server_config.json"
    config = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    config["VoilaConfiguration"] = voila_settings(repo)
    server = config.setdefault("ServerApp", {})
    server.setdefault("tornado_settings", {}).update(
        NO_MATHJAX, websocket_max_message_size=kernels["max_message_mb"] * 1024 * 1024
    )
    server["kernel_manager_class"] = KERNEL_MANAGER
    if serve_kit_files:
        server["root_dir"] = str(repo)
    config.setdefault("KitKernelManager", {}).update(
        cull_idle_timeout=kernels["cull_idle"],
        cull_connected_timeout=kernels["cull_connected"],
        cull_interval=kernels["cull_interval"],
        max_kernels=kernels["max_kernels"],
        connect_timeout=kernels["connect_timeout"],
        kernels_per_address=kernels["kernels_per_address"],
    )
    path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return path


def enable_extensions(config_dir: Path, trust_cluster_proxy: bool = False) -> Path:
    folder = config_dir / "jupyter_server_config.d"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXTENSIONS_FILE
    settings: dict = {"ServerApp": {"jpserver_extensions": EXTENSIONS}}
    if trust_cluster_proxy:
        settings["KitWeb"] = {"trusted_proxies": CLUSTER_PROXIES}
    path.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    return path


def configure(
    config_dir: Path,
    data_dir: Path,
    repo: Path = None,
    kernels: dict = None,
    serve_kit_files=False,
    trust_cluster_proxy=False,
) -> list:
    """Everything above; returns the paths written. ``kernels`` overrides ``kernel_defaults()``."""
    config_dir, data_dir = Path(config_dir), Path(data_dir)
    return [
        link_template(data_dir, repo),
        write_settings(config_dir, repo, kernels, serve_kit_files),
        enable_extensions(config_dir, trust_cluster_proxy),
    ]


def main(argv=None) -> None:
    say = cli_language()
    parser = argparse.ArgumentParser(description=t("cli.binder.description", say))
    parser.add_argument(
        "--config-dir", type=Path, default=None, help=t("cli.binder.default", say, command="jupyter --config-dir")
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, help=t("cli.binder.default", say, command="jupyter --data-dir")
    )
    parser.add_argument("--serve-kit-files", action="store_true", help=t("cli.binder.serve_kit_files", say))
    parser.add_argument("--trust-cluster-proxy", action="store_true", help=t("cli.binder.trust_cluster_proxy", say))
    defaults = kernel_defaults()
    for name in defaults:
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            type=int,
            default=defaults[name],
            metavar="N",
            help=t(f"cli.launch.{name}", say, default=defaults[name]),
        )
    args = parser.parse_args(argv)
    for name in defaults:
        least = 1 if name in ("cull_interval", "max_message_mb") else 0
        if getattr(args, name) < least:
            parser.error(t("cli.at_least", say, option=f"--{name.replace('_', '-')}", least=least))
    kernels = {name: getattr(args, name) for name in defaults}
    for path in configure(
        args.config_dir or Path(jupyter_config_dir()),
        args.data_dir or Path(jupyter_data_dir()),
        kernels=kernels,
        serve_kit_files=args.serve_kit_files,
        trust_cluster_proxy=args.trust_cluster_proxy,
    ):
        print(t("cli.written", say, path=path))


if __name__ == "__main__":
    main()

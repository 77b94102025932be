"""The JupyterHub deployment files agree with each other and with the guide (no hub needed).

deploy/jupyterhub/values.yaml (Kubernetes) and deploy/jupyterhub/jupyterhub_config.py (the suite's
hub) must make the same choices, and docs/deploy-jupyterhub.md must name what an administrator
has to set; if one of them changes alone, a test here fails.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config

from .kit_server import REPO

DEPLOY = REPO / "deploy" / "jupyterhub"
GUIDE = REPO / "docs" / "deploy-jupyterhub.md"
# The keys the guide tells an administrator about, as dotted paths into values.yaml.
GUIDE_KEYS = (
    "hub.db.type",
    "hub.config.JupyterHub.authenticator_class",
    "hub.config.AzureAdOAuthenticator",
    "hub.extraEnv",
    "proxy.https.enabled",
    "proxy.https.type",
    "proxy.https.hosts",
    "proxy.https.letsencrypt.contactEmail",
    "singleuser.image.name",
    "singleuser.image.tag",
    "singleuser.defaultUrl",
    "singleuser.extraEnv.KIT_STORE_URL",
    "singleuser.extraFiles.kit-extensions",
    "singleuser.storage.type",
    "singleuser.cpu",
    "singleuser.memory",
    "cull.enabled",
    "cull.timeout",
    "cull.every",
    "cull.users",
    "cull.maxAge",
)


@pytest.fixture(scope="module")
def values():
    return yaml.safe_load((DEPLOY / "values.yaml").read_text(encoding="utf-8"))


def lookup(values: dict, dotted: str):
    node = values
    for part in dotted.split("."):
        assert isinstance(node, dict) and part in node, f"values.yaml has no {dotted}"
        node = node[part]
    return node


def local_hub_config(tmp_path) -> Config:
    """deploy/jupyterhub/jupyterhub_config.py as JupyterHub loads it, with the environment tests/hub.py sets."""
    config = Config()
    env = {
        "KIT_HUB_DIR": str(tmp_path / "state"),
        "KIT_HUB_PASSWORD": "x" * 16,
        "KIT_HUB_USERS": "anna,bert",
        "KIT_HUB_JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "KIT_HUB_JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "KIT_STORE_URL": "postgresql+psycopg://kit@db/kit?sslmode=require",
    }
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        path = DEPLOY / "jupyterhub_config.py"
        exec(
            compile(path.read_text(encoding="utf-8"), str(path), "exec"),
            {"get_config": lambda: config, "__file__": str(path)},
        )
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return config


def test_the_values_file_has_every_key_the_guide_relies_on_and_the_guide_names_them(values):
    guide = GUIDE.read_text(encoding="utf-8")
    for key in GUIDE_KEYS:
        lookup(values, key)
        assert f"`{key}" in guide, f"the guide never names {key}"
    assert "deploy/jupyterhub/values.yaml" in guide and "deploy/image/Dockerfile" in guide
    assert guide.index("Samenvatting voor de informatiemanager") < guide.index("## What runs where")


def test_the_store_url_comes_from_the_secret_the_guide_creates(values):
    secret = lookup(values, "singleuser.extraEnv.KIT_STORE_URL.valueFrom.secretKeyRef")
    guide = GUIDE.read_text(encoding="utf-8")
    assert f"create secret generic {secret['name']}" in guide and f"--from-literal={secret['key']}=" in guide
    assert "sslmode=require" in guide
    assert "password" not in json.dumps(values["singleuser"]).lower(), "a password in the values file"


def test_culling_never_stops_a_server_for_its_age_and_waits_longer_than_the_live_pings(values):
    cull = values["cull"]
    assert cull["enabled"] is True and cull["users"] is False
    assert cull["maxAge"] == 0, "a maximum age would stop a server in the middle of a session"
    # the participant pages ping every 20 s and the single-user server reports to the hub every 300 s
    assert cull["timeout"] > 300 + 20 and cull["every"] < cull["timeout"]
    assert "ping every 20 seconds" in GUIDE.read_text(encoding="utf-8")


def image_configure_options() -> list:
    """The options deploy/image/Dockerfile gives ``python -m widgets.web.configure``, without its folders."""
    text = (REPO / "deploy" / "image" / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(line for line in text.splitlines() if "python -m widgets.web.configure" in line)
    words = line.split("python -m widgets.web.configure", 1)[1].split()
    return [w for i, w in enumerate(words) if w.startswith("--") and w not in ("--config-dir", "--data-dir")]


def written_extensions(tmp_path, *options) -> tuple:
    """``(file name, data)`` of the extensions file ``tools/binder_config.py`` writes with ``options``."""
    done = subprocess.run(
        [
            sys.executable,
            "tools/binder_config.py",
            f"--config-dir={tmp_path / 'c'}",
            f"--data-dir={tmp_path / 'd'}",
            *options,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")},
    )
    assert done.returncode == 0, done.stderr
    written = list((tmp_path / "c" / "jupyter_server_config.d").glob("*.json"))
    assert len(written) == 1
    return written[0].name, json.loads(written[0].read_text())


def test_the_extensions_in_the_values_file_are_the_ones_the_image_writes(values, tmp_path):
    options = image_configure_options()
    assert "--trust-cluster-proxy" in options and "--serve-kit-files" in options
    name, data = written_extensions(tmp_path, *options)
    mounted = values["singleuser"]["extraFiles"]["kit-extensions"]
    assert mounted["mountPath"] == f"/etc/jupyter/jupyter_server_config.d/{name}"
    assert mounted["data"] == data


def test_the_hub_trusts_its_clusters_proxies_and_any_other_server_loopback_only(values, tmp_path):
    from widgets.web.configure import CLUSTER_PROXIES

    trusted = values["singleuser"]["extraFiles"]["kit-extensions"]["data"]["KitWeb"]["trusted_proxies"]
    assert trusted == CLUSTER_PROXIES
    assert values["proxy"]["https"]["type"] == "letsencrypt"  # Traefik in front: what a client writes is dropped
    # Binder, or a Jupyter server of one's own that a local network reaches: no address but loopback is a proxy
    assert "KitWeb" not in written_extensions(tmp_path)[1]
    guide = GUIDE.read_text(encoding="utf-8")
    assert "--trust-cluster-proxy" in guide and "externalTrafficPolicy" in guide


@pytest.mark.parametrize(
    "forwarded, peer, client",
    [
        # Traefik saw the phone (the load balancer kept its address), then configurable-http-proxy saw Traefik
        (["203.0.113.9, 10.4.0.7"], "10.4.0.12", "203.0.113.9"),
        (["2001:db8:5::1, fd00:4::7"], "fd00:4::12", "2001:db8:5::/64"),
        # the load balancer put a node's address in the phone's place: every phone counts as the proxy, as before
        (["10.128.0.5, 10.4.0.7"], "10.4.0.12", "10.4.0.12"),
        # nothing forwarded: the connection's own address
        ([], "203.0.113.50", "203.0.113.50"),
    ],
)
def test_behind_the_charts_proxies_a_phone_counts_as_its_own_address(values, forwarded, peer, client):
    from widgets.web.limits import address_key, client_address

    trusted = values["singleuser"]["extraFiles"]["kit-extensions"]["data"]["KitWeb"]["trusted_proxies"]
    assert address_key(client_address(peer, forwarded, trusted)) == client


def test_the_suites_hub_runs_what_the_values_file_deploys(values, tmp_path):
    config = local_hub_config(tmp_path)
    assert config.Spawner.default_url == values["singleuser"]["defaultUrl"]
    environment = config.Spawner.environment
    for name in values["singleuser"]["extraEnv"]:
        assert environment[name] == "postgresql+psycopg://kit@db/kit?sslmode=require"
    assert f"--ServerApp.shutdown_no_activity_timeout={values['cull']['timeout']}" in config.Spawner.args
    mounted = values["singleuser"]["extraFiles"]["kit-extensions"]
    written = tmp_path / "config" / "jupyter_server_config.d" / Path(mounted["mountPath"]).name
    assert json.loads(written.read_text()) == mounted["data"]
    assert config.JupyterHub.ip == "127.0.0.1" and config.JupyterHub.hub_ip == "127.0.0.1"


def test_the_proxy_is_pinned_to_one_version_in_the_lock_file():
    package = json.loads((DEPLOY / "package.json").read_text())
    lock = json.loads((DEPLOY / "package-lock.json").read_text())
    pinned = package["dependencies"]["configurable-http-proxy"]
    assert pinned[0].isdigit(), f"configurable-http-proxy {pinned!r} is a range, not one version"
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == pinned
    assert lock["packages"][""]["dependencies"] == package["dependencies"]

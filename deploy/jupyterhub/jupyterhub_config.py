"""JupyterHub for the kit on one machine: the suite's hub test, the hub benchmark, a try-out before Kubernetes.

    KIT_HUB_DIR=/tmp/hub KIT_HUB_PASSWORD=... KIT_HUB_USERS=anna,bert KIT_STORE_URL=postgresql+psycopg://... \
        jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Loopback only, the local process spawner and one shared password: never for production (use
values.yaml on Kubernetes). The choices the two share are read from values.yaml (the facilitator's
default page, the environment names the single-user servers get, the server extensions and the
idle timeout), so this test hub runs what the guide deploys.

Settings from the environment (tests/hub.py sets them):
KIT_HUB_DIR (state: hub database, cookie secret, homes), KIT_HUB_PASSWORD, KIT_HUB_USERS (comma
separated), KIT_HUB_PORT (public, 8000), KIT_HUB_HUB_PORT (8081), KIT_HUB_API_PORT (the proxy's
API, 8001), KIT_HUB_PROXY (the configurable-http-proxy command), KIT_HUB_JUPYTER_CONFIG_DIR and
KIT_HUB_JUPYTER_DATA_DIR (what tools/binder_config.py wrote for the single-user servers),
KIT_HUB_SERVICE_TOKEN (optional: a service that may read users and start servers, for the tests),
KIT_HUB_ACTIVITY_INTERVAL (optional: seconds between activity reports, the hub's default is 300).
"""

import json
import os
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
VALUES = yaml.safe_load((HERE / "values.yaml").read_text(encoding="utf-8"))
SINGLEUSER = VALUES["singleuser"]

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)
env = os.environ
state = Path(env["KIT_HUB_DIR"])
state.mkdir(parents=True, exist_ok=True)

# --- the hub and its proxy, on loopback
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(env.get("KIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env.get("KIT_HUB_HUB_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env.get('KIT_HUB_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [env.get("KIT_HUB_PROXY", "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True
if env.get("KIT_HUB_ACTIVITY_INTERVAL"):
    c.JupyterHub.last_activity_interval = int(env["KIT_HUB_ACTIVITY_INTERVAL"])

# --- facilitators: a fixed list of names, one shared password (Kubernetes: the municipality's login)
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env["KIT_HUB_PASSWORD"]
c.Authenticator.allowed_users = {name for name in env.get("KIT_HUB_USERS", "").split(",") if name}

if env.get("KIT_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [{"name": "kit-test", "api_token": env["KIT_HUB_SERVICE_TOKEN"]}]
    c.JupyterHub.load_roles = [
        {
            "name": "kit-test",
            "scopes": ["list:users", "read:users", "read:servers", "servers"],
            "services": ["kit-test"],
        }
    ]

# --- the single-user servers: the kit's extensions, its store, its idle timeout
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "home" / "{username}")
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(REPO)  # the image's working folder on Kubernetes: workshops/ and lessons/
c.Spawner.default_url = SINGLEUSER["defaultUrl"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def kit_data(spawner) -> str:
    return str(state / "home" / spawner.user.name / "kit-data")


environment = {name: env.get(name, "") for name in SINGLEUSER["extraEnv"]}  # KIT_STORE_URL, from the secret there
environment.update(
    JUPYTER_CONFIG_DIR=env["KIT_HUB_JUPYTER_CONFIG_DIR"],
    JUPYTER_DATA_DIR=env["KIT_HUB_JUPYTER_DATA_DIR"],
    KIT_DATA_DIR=kit_data,
)
if env.get("KIT_HUB_ACTIVITY_INTERVAL"):
    environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = env["KIT_HUB_ACTIVITY_INTERVAL"]
c.Spawner.environment = environment

# values.yaml mounts this file into every server; here it goes into the servers' config folder
extensions = SINGLEUSER["extraFiles"]["kit-extensions"]
folder = Path(env["KIT_HUB_JUPYTER_CONFIG_DIR"]) / "jupyter_server_config.d"
folder.mkdir(parents=True, exist_ok=True)
(folder / Path(extensions["mountPath"]).name).write_text(json.dumps(extensions["data"], indent=1) + "\n")

# On Kubernetes the hub's idle culler stops a server after cull.timeout seconds without activity;
# here the server stops itself after as long (jupyter_server's own check, which also waits for its
# kernels to be culled first). Participant requests count as activity either way.
c.Spawner.args = [f"--ServerApp.shutdown_no_activity_timeout={VALUES['cull']['timeout']}"]
if os.geteuid() == 0:  # a CI container; the kit image runs its servers as an unprivileged user
    c.Spawner.args.append("--allow-root")

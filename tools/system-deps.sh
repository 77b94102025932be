#!/usr/bin/env bash
# System packages the test suite drives: Debian's Chromium (browser tests),
# PostgreSQL (the store's second backend), poppler-utils (PDF text checks) and npm
# (the accessibility tests install axe-core, the JupyterHub test configurable-http-proxy
# from deploy/jupyterhub/package-lock.json, both from the npm registry into .venv).
# Installs whatever is missing with apt when run as root; otherwise says what to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi

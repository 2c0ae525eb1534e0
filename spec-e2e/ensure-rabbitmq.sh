#!/usr/bin/env bash
# Installs Debian's rabbitmq-server when it is missing (CI images, fresh machines). Does not start it:
# the e2e suite starts its own private broker node and stops it at the end.
# Needs root (or passwordless apt) on Debian/Ubuntu; no systemd involved.
set -euo pipefail

SCRIPTS_DIR="${E2E_RABBITMQ_SCRIPTS_DIR:-/usr/lib/rabbitmq/bin}"

if [ -x "$SCRIPTS_DIR/rabbitmq-server" ] && [ -x "$SCRIPTS_DIR/rabbitmqctl" ] && command -v epmd >/dev/null; then
  echo "== rabbitmq-server present: $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo "in $SCRIPTS_DIR")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "rabbitmq-server is missing and this script is not running as root: install it with" >&2
  echo "  apt-get update && apt-get install -y rabbitmq-server" >&2
  exit 1
fi

started=$(date +%s)
echo "== installing rabbitmq-server (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# Installing must not start a system broker: policy-rc.d answers 101 ("not allowed") to invoke-rc.d while we install.
policy=/usr/sbin/policy-rc.d
created_policy=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  created_policy=yes
fi
trap '[ "$created_policy" = yes ] && rm -f "$policy"' EXIT
apt-get install -y -q --no-install-recommends rabbitmq-server
echo "== rabbitmq-server installed in $(( $(date +%s) - started )) s"

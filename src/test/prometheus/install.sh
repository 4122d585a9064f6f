#!/usr/bin/env bash
# Installs Debian's prometheus package for PrometheusScrapeTest (CI calls this; it runs as root).
# The test starts /usr/bin/prometheus itself on a free loopback port, so the system service must not run.
set -euo pipefail

if [ -x /usr/bin/prometheus ]; then
    echo "prometheus already installed: $(/usr/bin/prometheus --version 2>&1 | head -n 1)"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive

# apt-cache knows nothing useful before the package lists were fetched once on this machine.
candidate() {
    apt-cache policy prometheus 2>/dev/null | awk '/Candidate:/ { print $2 }'
}
if [ -z "$(candidate)" ] || [ "$(candidate)" = "(none)" ]; then
    apt-get update -q
fi
if [ -z "$(candidate)" ] || [ "$(candidate)" = "(none)" ]; then
    echo "no installable prometheus package in the configured Debian sources" >&2
    exit 1
fi

# policy-rc.d answering 101 tells invoke-rc.d / deb-systemd-invoke not to start services from postinst.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    created_policy=true
fi
cleanup() {
    if [ "$created_policy" = true ]; then
        rm -f "$policy"
    fi
}
trap cleanup EXIT

apt-get install -y -q --no-install-recommends prometheus
/usr/bin/prometheus --version 2>&1 | head -n 1

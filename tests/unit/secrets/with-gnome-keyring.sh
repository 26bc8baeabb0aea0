#!/bin/sh
# Runs a command inside a private D-Bus session with a private, unlocked gnome-keyring, so the
# keychain tests store and read keys through the real Secret Service without touching the user's
# own keyrings or needing anything started by hand.
# Usage: with-gnome-keyring.sh COMMAND [ARG]...
set -eu

if [ -z "${GATEHOUSE_IN_KEYRING_SESSION:-}" ]; then
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "with-gnome-keyring.sh: $tool is not installed (packaging/install-deps.sh installs dbus-x11 and gnome-keyring)" >&2
            exit 1
        fi
    done
    home=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-keyring.XXXXXX")
    trap 'rm -rf "$home"' EXIT
    trap 'exit 130' INT TERM
    mkdir -m 700 "$home/data" "$home/config" "$home/cache" "$home/run"
    HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
        XDG_RUNTIME_DIR=$home/run GATEHOUSE_IN_KEYRING_SESSION=1
    export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR \
        GATEHOUSE_IN_KEYRING_SESSION
    # No display: nothing may open a password prompt.
    unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
    status=0
    dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the session: the daemon creates and unlocks a "login" keyring with this password and
# exits when the session bus goes away.
printf '%s' gatehouse-test | gnome-keyring-daemon --unlock --components=secrets --daemonize \
    >/dev/null
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ]; then
        echo "with-gnome-keyring.sh: gnome-keyring-daemon did not register org.freedesktop.secrets within 10 s" >&2
        exit 1
    fi
    sleep 0.1
done
exec "$@"

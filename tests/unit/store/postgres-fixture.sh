#!/bin/sh
# Starts and stops a throwaway PostgreSQL cluster for the store tests (CTest fixture
# GatehousePostgres): initdb with trust authentication, listening on 127.0.0.1 only on a free
# port, its socket in the build tree, fsync off (nothing in it needs to survive a crash), and a
# database "gatehouse" whose URL is written to DIR/url for the tests.
# With GATEHOUSE_TEST_POSTGRES_URL set, no server is started: the tests use that one (its user
# must be allowed to create databases).
# As root (CI) the server runs as the "postgres" system user: PostgreSQL refuses to run as root,
# and Debian's postgresql package creates that user to own clusters ("nobody" where it is missing).
# Usage: postgres-fixture.sh start|stop DIR
set -eu

action=${1:-}
dir=${2:-}
if [ -z "$dir" ] || { [ "$action" != start ] && [ "$action" != stop ]; }; then
    echo "usage: postgres-fixture.sh start|stop DIR" >&2
    exit 2
fi
start_timeout=30

say() { echo "postgres-fixture.sh: $*" >&2; }

# initdb and pg_ctl: Debian keeps them in /usr/lib/postgresql/<version>/bin, other systems on PATH.
find_bindir() {
    if [ -n "${GATEHOUSE_PG_BINDIR:-}" ]; then
        echo "$GATEHOUSE_PG_BINDIR"
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        if [ -n "$d" ] && [ -x "$d/initdb" ]; then
            echo "$d"
            return
        fi
    fi
    # shellcheck disable=SC2012 # version folders have plain names
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then
        echo "$d"
        return
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return
    fi
    return 1
}

# Runs a command as the cluster's owner.
as_owner() {
    if [ -z "$owner" ]; then
        "$@"
    else
        runuser -u "$owner" -- "$@"
    fi
}

owner=""
if [ "$(id -u)" -eq 0 ]; then
    if ! command -v runuser >/dev/null 2>&1; then
        say "running as root needs runuser (util-linux) to start PostgreSQL as another user"
        exit 1
    fi
    if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi

stop_cluster() {
    [ -f "$dir/cluster-path" ] || return 0
    cluster=$(cat "$dir/cluster-path")
    if [ -f "$cluster/data/postmaster.pid" ] && bindir=$(find_bindir); then
        (cd "$cluster" && as_owner "$bindir/pg_ctl" -D "$cluster/data" stop -m fast -w \
            -t "$start_timeout" >/dev/null 2>&1) ||
            (cd "$cluster" && as_owner "$bindir/pg_ctl" -D "$cluster/data" stop -m immediate -w \
                -t "$start_timeout" >/dev/null 2>&1) ||
            say "could not stop the server in $cluster/data"
    fi
    [ -f "$cluster/server.log" ] && cp "$cluster/server.log" "$dir/server.log" 2>/dev/null
    rm -rf "$cluster"
    if [ -f "$dir/socket-path" ]; then rm -rf "$(cat "$dir/socket-path")"; fi
    rm -f "$dir/cluster-path" "$dir/socket-path" "$dir/url"
}

if [ "$action" = stop ]; then
    if [ -n "${GATEHOUSE_TEST_POSTGRES_URL:-}" ]; then exit 0; fi
    stop_cluster
    exit 0
fi

mkdir -p "$dir"
if [ -n "${GATEHOUSE_TEST_POSTGRES_URL:-}" ]; then
    say "using the server at GATEHOUSE_TEST_POSTGRES_URL; starting none"
    printf '%s\n' "$GATEHOUSE_TEST_POSTGRES_URL" >"$dir/url"
    exit 0
fi

if ! bindir=$(find_bindir); then
    say "PostgreSQL's initdb was not found (packaging/install-deps.sh installs the postgresql package; or set GATEHOUSE_PG_BINDIR, or GATEHOUSE_TEST_POSTGRES_URL to use a running server)"
    exit 1
fi
for tool in initdb pg_ctl createdb; do
    if [ ! -x "$bindir/$tool" ]; then
        say "$bindir/$tool is missing"
        exit 1
    fi
done

# A server left over from an interrupted run.
stop_cluster

# The cluster lives in the build tree unless its owner cannot reach it (a build tree under /root):
# then in a private folder under /tmp.
cluster="$dir/cluster"
rm -rf "$cluster"
mkdir -m 700 "$cluster"
if [ -n "$owner" ]; then
    chown "$owner" "$cluster"
    if ! runuser -u "$owner" -- test -w "$cluster" 2>/dev/null; then
        rm -rf "$cluster"
        cluster=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-postgres.XXXXXX")
        chown "$owner" "$cluster"
        say "user $owner cannot reach $dir; the cluster is in $cluster"
    fi
fi
printf '%s\n' "$cluster" >"$dir/cluster-path"

# Unix socket paths are limited to about 107 bytes: a deep build tree gets the socket under /tmp.
socket="$cluster/socket"
if [ $((${#socket} + 16)) -gt 100 ]; then
    socket=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-pgsock.XXXXXX")
    printf '%s\n' "$socket" >"$dir/socket-path"
    [ -z "$owner" ] || chown "$owner" "$socket"
else
    mkdir -m 700 "$socket"
    [ -z "$owner" ] || chown "$owner" "$socket"
fi
cd "$cluster"

if ! as_owner "$bindir/initdb" -D "$cluster/data" -U gatehouse -A trust -E UTF8 --locale=C \
    --no-sync >"$cluster/initdb.log" 2>&1; then
    cat "$cluster/initdb.log" >&2
    say "initdb failed"
    exit 1
fi
cat >>"$cluster/data/postgresql.conf" <<CONF
# postgres-fixture.sh: a throwaway server for tests.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

attempt=0
port=""
while :; do
    attempt=$((attempt + 1))
    port=$(free_port)
    : >"$cluster/server.log"
    chown "${owner:-$(id -un)}" "$cluster/server.log"
    if as_owner "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -o "-p $port" -w \
        -t "$start_timeout" start >/dev/null 2>&1; then
        break
    fi
    # Another process took the port between the probe and the start: try another one.
    if [ "$attempt" -lt 3 ] && grep -q 'could not bind\|could not create any TCP/IP sockets' \
        "$cluster/server.log"; then
        as_owner "$bindir/pg_ctl" -D "$cluster/data" stop -m immediate >/dev/null 2>&1 || true
        continue
    fi
    tail -n 20 "$cluster/server.log" >&2
    say "PostgreSQL did not start within $start_timeout s on 127.0.0.1:$port (log above, in $cluster/server.log)"
    exit 1
done

if ! as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U gatehouse gatehouse >&2; then
    say "could not create the database gatehouse on 127.0.0.1:$port"
    exit 1
fi
printf 'postgresql://gatehouse@127.0.0.1:%s/gatehouse\n' "$port" >"$dir/url.tmp"
mv "$dir/url.tmp" "$dir/url"
say "$("$bindir/pg_ctl" --version | sed "s/^pg_ctl (\(PostgreSQL\))/\1/") is running on 127.0.0.1:$port (data in $cluster/data)"

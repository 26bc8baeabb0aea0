#!/usr/bin/env bash
# Installs what Gatehouse needs to build and test, from the distribution's packages only.
# Debian 12 and Ubuntu 24.04 are installed with apt; other systems get the exact list to install.
# Usage: packaging/install-deps.sh [--check]   (--check only reports what is missing)
set -euo pipefail

check_only=0
[ "${1:-}" = "--check" ] && check_only=1

# Build: compiler, CMake, Ninja; Qt 6 (Core, Network, Sql+SQLite, Widgets, Svg, Test, LinguistTools);
# QtKeychain; OpenSSL 3; SQLite 3; nlohmann/json; yaml-cpp. Tests: offscreen Qt platform, D-Bus;
# Qt's PostgreSQL driver and a PostgreSQL server, which the store tests start as a throwaway cluster
# in the build tree (tests/unit/store/postgres-fixture.sh; Debian's own "main" cluster is not used).
apt_packages=(
  build-essential cmake ninja-build pkg-config clang-format clang libclang-rt-dev
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql postgresql
  libqt6opengl6-dev
  qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libssl-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libyaml-cpp-dev
  libcurl4-openssl-dev
  dbus-x11 gnome-keyring libsecret-tools nginx-light wrk python3 json-schema-test-suite ccache
  libbenchmark-dev xvfb xauth
)

os_id=""; os_like=""; os_ver=""
if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  os_id=${ID:-}; os_like=${ID_LIKE:-}; os_ver=${VERSION_ID:-}
fi

print_other() {
  cat <<'MSG'
Gatehouse needs: a C++20 compiler, CMake >= 3.21, Ninja, Qt >= 6.4 (Core, Network, Sql with the
SQLite and PostgreSQL drivers, Widgets, Svg, Test, LinguistTools), QtKeychain for Qt 6, OpenSSL 3,
SQLite 3, nlohmann/json, yaml-cpp, libcurl; for the tests a PostgreSQL server (initdb, pg_ctl).

Fedora:   sudo dnf install gcc-c++ cmake ninja-build qt6-qtbase-devel qt6-qtbase-postgresql \
            qt6-qtsvg-devel qt6-qttools-devel qt6-linguist qtkeychain-qt6-devel openssl-devel \
            sqlite-devel json-devel yaml-cpp-devel libcurl-devel dbus-x11 gnome-keyring \
            postgresql-server
Arch:     sudo pacman -S --needed base-devel cmake ninja qt6-base qt6-svg qt6-tools \
            qtkeychain-qt6 openssl sqlite nlohmann-json yaml-cpp curl gnome-keyring postgresql
Homebrew: brew install cmake ninja qt qtkeychain openssl@3 sqlite nlohmann-json yaml-cpp curl \
            postgresql@16
MSG
}

case "$os_id:$os_like" in
  debian:*|ubuntu:*|*:*debian*) ;;
  *)
    echo "install-deps: ${os_id:-this system} is not Debian or Ubuntu; install these yourself:" >&2
    print_other >&2
    # Only fail when something is really missing; a prepared machine passes.
    if command -v cmake >/dev/null && command -v qmake6 >/dev/null 2>&1; then exit 0; fi
    exit 1
    ;;
esac

case "$os_id:$os_ver" in
  debian:12*|ubuntu:24.04*) ;;
  *) echo "install-deps: tested on Debian 12 and Ubuntu 24.04; trying the same packages on $os_id $os_ver" >&2 ;;
esac

# Ubuntu dropped nginx-light; its nginx package serves the same purpose for the tests.
if [ "$os_id" = "ubuntu" ]; then
  apt_packages=("${apt_packages[@]/nginx-light/nginx}")
fi

missing=()
for p in "${apt_packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
# The end-to-end tests install their npm packages (Node 22 among them) with npm; any Node.js with
# npm will do, so the distribution's is installed only when there is none.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ $check_only -eq 1 ]; then
  echo "install-deps: missing: ${missing[*]}" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "install-deps: missing ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2

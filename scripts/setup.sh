#!/usr/bin/env bash
# Install what is missing, build the web package, and serve the app.
#
#   bash scripts/setup.sh                 install, build, serve on http://127.0.0.1:$PORT/
#   bash scripts/setup.sh --no-serve      install and build only
#   bash scripts/setup.sh --install-only  install only (no build, no server)
#
# Installs only what is missing: the wasm32-unknown-unknown Rust target,
# wasm-bindgen-cli at the exact version in Cargo.lock, wasm-pack, Debian's
# chromium + chromium-driver (for the browser tests), and the Node packages
# of package-lock.json (binaryen's wasm-opt, Playwright; never a browser
# download). PORT defaults to 8080; when it is taken, a free port is used.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

serve=1
build=1
for arg in "$@"; do
    case "$arg" in
        --no-serve) serve=0 ;;
        --install-only) serve=0; build=0 ;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $arg (try --help)" ;;
    esac
done

ensure_all

if [ "$build" -eq 1 ]; then
    build_pkg
fi

if [ "$serve" -eq 0 ]; then
    log "done"
    exit 0
fi

want="${PORT:-8080}"
port="$(free_port "$want")"
[ -n "$port" ] || die "no free port found"
[ "$port" = "$want" ] || log "port $want is taken; using $port"
cd "$FUNDSIM_ROOT"
echo
echo "fundsim is served at: http://127.0.0.1:$port/"
echo "(press Ctrl-C to stop)"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$FUNDSIM_ROOT"

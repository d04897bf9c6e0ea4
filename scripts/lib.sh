# shellcheck shell=bash
# Shared install and build steps for scripts/setup.sh and scripts/test.sh.
# Source it; do not run it. Every step is idempotent: it checks first and
# installs only what is missing, so a second run costs seconds.
#
# Works from any current directory, as root or as a user with sudo, with no
# standard input (CI=true). Needs only the base toolchain: rustup/cargo,
# node + npm, python3, apt-get (for Chromium).

set -euo pipefail

FUNDSIM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FUNDSIM_ROOT

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
# cargo-installed tools (wasm-pack, wasm-bindgen, wasm-bindgen-test-runner)
# and the npm package binaryen's wasm-opt (never Debian's: it is too old).
export PATH="$CARGO_BIN:$FUNDSIM_ROOT/node_modules/.bin:$PATH"
# Never let Playwright fetch a browser: the tests use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}"
export CHROMIUM_BIN CHROMEDRIVER_BIN

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo env DEBIAN_FRONTEND=noninteractive "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# Version of a package as pinned in Cargo.lock (first match).
cargo_lock_version() {
    awk -v n="$1" '
        $0 == "name = \"" n "\"" { getline; gsub(/^version = "|"$/, ""); print; exit }
    ' "$FUNDSIM_ROOT/Cargo.lock"
}

ensure_rust() {
    command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first"
}

ensure_wasm_target() {
    ensure_rust
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        return 0
    fi
    log "adding Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
}

# cargo install, first with --locked, then without (the CLI's lock file can
# name a dependency version the registry no longer serves).
cargo_install() {
    cargo install --locked "$@" || {
        log "cargo install --locked failed; retrying without --locked"
        cargo install "$@"
    }
}

ensure_wasm_bindgen_cli() {
    ensure_rust
    local want have_bg have_runner
    want="$(cargo_lock_version wasm-bindgen)"
    [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
    have_bg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have_bg" = "$want" ] && [ "$have_runner" = "$want" ]; then
        return 0
    fi
    log "installing wasm-bindgen-cli $want (have: ${have_bg:-none}; takes a few minutes)"
    cargo_install --force wasm-bindgen-cli --version "$want" || die "could not install wasm-bindgen-cli $want"
}

ensure_wasm_pack() {
    ensure_rust
    if wasm-pack --version >/dev/null 2>&1; then
        return 0
    fi
    log "installing wasm-pack (takes a minute or two)"
    cargo_install wasm-pack || die "could not install wasm-pack"
}

ensure_chromium() {
    if [ -x "$CHROMIUM_BIN" ] && [ -x "$CHROMEDRIVER_BIN" ]; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 ||
        die "Chromium and ChromeDriver are missing and apt-get is not available; set CHROMIUM_BIN and CHROMEDRIVER_BIN"
    log "installing Debian's chromium and chromium-driver"
    as_root apt-get update -q || log "apt-get update failed; trying the install anyway"
    as_root apt-get install -y -q chromium chromium-driver || die "apt-get install chromium chromium-driver failed"
    [ -x "$CHROMIUM_BIN" ] && [ -x "$CHROMEDRIVER_BIN" ] ||
        die "chromium installed, but $CHROMIUM_BIN or $CHROMEDRIVER_BIN is missing"
}

# node_modules from package-lock.json; re-installs only when the lock changed.
ensure_node_modules() {
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or newer"
    local stamp="$FUNDSIM_ROOT/node_modules/.fundsim-lock.sha256" sum
    if [ -f "$FUNDSIM_ROOT/package-lock.json" ]; then
        # The files' contents only, not their paths: a checkout moved or
        # copied elsewhere keeps its packages.
        sum="$(cat "$FUNDSIM_ROOT/package-lock.json" "$FUNDSIM_ROOT/package.json" | sha256sum | cut -d' ' -f1)"
    else
        sum="no-lock"
    fi
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] &&
        [ -x "$FUNDSIM_ROOT/node_modules/.bin/wasm-opt" ] &&
        [ -x "$FUNDSIM_ROOT/node_modules/.bin/playwright" ]; then
        return 0
    fi
    log "installing Node packages (binaryen, Playwright; no browser download)"
    if [ -f "$FUNDSIM_ROOT/package-lock.json" ]; then
        (cd "$FUNDSIM_ROOT" && npm ci --no-audit --no-fund --omit-lockfile-registry-resolved) ||
            die "npm ci failed"
    else
        (cd "$FUNDSIM_ROOT" && npm install --no-audit --no-fund --omit-lockfile-registry-resolved) ||
            die "npm install failed"
    fi
    wasm-opt --version >/dev/null || die "binaryen's wasm-opt does not run"
    printf '%s\n' "$sum" >"$stamp"
}

# The fuzz layer's tools (scripts/fuzz.sh): a nightly toolchain, which
# cargo-fuzz needs for its sanitizer flags, and cargo-fuzz itself. A nightly
# already installed is used as it is (no update, no network).
CARGO_FUZZ_VERSION=0.13.2
ensure_fuzz_tools() {
    ensure_rust
    if ! rustup run nightly rustc --version >/dev/null 2>&1; then
        log "installing the nightly Rust toolchain (minimal profile), for the fuzz tests"
        rustup toolchain install nightly --profile minimal || die "rustup toolchain install nightly failed"
    fi
    if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)" != "$CARGO_FUZZ_VERSION" ]; then
        log "installing cargo-fuzz $CARGO_FUZZ_VERSION (takes a few minutes)"
        cargo_install --force cargo-fuzz --version "$CARGO_FUZZ_VERSION" || die "could not install cargo-fuzz"
    fi
}

# The toolchain of the app's release build (build_pkg): the nightly that the
# fuzz layer uses too, with the standard library's source, so that the
# standard library is rebuilt for the app with panics that abort at once
# (-Cpanic=immediate-abort): no panic messages or their formatting in the
# download, 20 KiB gzip less (docs/benchmarks.md, "Download size"). A nightly
# already installed is used as it is (no update, no network).
ensure_size_toolchain() {
    ensure_rust
    if ! rustup run nightly rustc --version >/dev/null 2>&1; then
        log "installing the nightly Rust toolchain (minimal profile), for the release build and the fuzz tests"
        rustup toolchain install nightly --profile minimal || die "rustup toolchain install nightly failed"
    fi
    if ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
        log "adding the standard library's source (rust-src) to the nightly toolchain"
        rustup component add rust-src --toolchain nightly || die "rustup component add rust-src failed"
    fi
}

# Everything the build and every test layer need.
ensure_all() {
    ensure_wasm_target &&
        ensure_node_modules &&
        ensure_wasm_bindgen_cli &&
        ensure_wasm_pack &&
        ensure_chromium &&
        ensure_size_toolchain &&
        ensure_fuzz_tools
}

# Just what the release build needs.
ensure_build_tools() {
    ensure_wasm_target &&
        ensure_node_modules &&
        ensure_wasm_bindgen_cli &&
        ensure_wasm_pack &&
        ensure_size_toolchain
}

# Release build of the web package into pkg/ (pkg/fundsim.js, pkg/fundsim_bg.wasm).
# Minifies an ES module in place with terser (an npm devDependency); left as
# it is when terser is not installed.
minify_js() {
    command -v terser >/dev/null 2>&1 || return 0
    terser "$1" --module --compress --mangle -o "$1.min" && mv "$1.min" "$1" ||
        die "terser could not minify ${1#"$FUNDSIM_ROOT"/}"
}

# The stylesheet the pages load, pkg/style.css: www/style.css minified with
# lightningcss (an npm dev dependency), as it is part of the initial download;
# a plain copy when lightningcss is missing.
build_css() {
    if command -v lightningcss >/dev/null 2>&1; then
        lightningcss --minify "$FUNDSIM_ROOT/www/style.css" -o "$FUNDSIM_ROOT/pkg/style.css" ||
            die "lightningcss could not minify www/style.css"
    else
        cp "$FUNDSIM_ROOT/www/style.css" "$FUNDSIM_ROOT/pkg/style.css"
    fi
}

build_pkg() {
    command -v wasm-opt >/dev/null 2>&1 || die "wasm-opt (npm package binaryen) is not on PATH"
    log "building the release package with wasm-pack into pkg/"
    # On the nightly toolchain, the standard library rebuilt with panics that
    # abort at once (see ensure_size_toolchain); the app's own code is the same.
    (cd "$FUNDSIM_ROOT" && RUSTUP_TOOLCHAIN=nightly CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
        RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" wasm-pack build --mode no-install --target web --release) ||
        die "wasm-pack build failed"
    [ -f "$FUNDSIM_ROOT/pkg/fundsim.js" ] && [ -f "$FUNDSIM_ROOT/pkg/fundsim_bg.wasm" ] ||
        die "wasm-pack finished but pkg/fundsim.js or pkg/fundsim_bg.wasm is missing"
    # The JS glue is minified: it is part of the initial download, which must
    # stay small; so are its snippets (www/on-demand.js), loaded with it.
    minify_js "$FUNDSIM_ROOT/pkg/fundsim.js"
    for js in "$FUNDSIM_ROOT"/pkg/snippets/*/*.js "$FUNDSIM_ROOT"/pkg/snippets/*/*/*.js; do
        if [ -f "$js" ]; then minify_js "$js"; fi
    done
    build_css
    log "pkg/fundsim_bg.wasm: $(wc -c <"$FUNDSIM_ROOT/pkg/fundsim_bg.wasm") bytes, pkg/fundsim.js: $(wc -c <"$FUNDSIM_ROOT/pkg/fundsim.js") bytes, pkg/style.css: $(wc -c <"$FUNDSIM_ROOT/pkg/style.css") bytes"
    build_on_demand_pkg
}

# The on-demand module (pkg/on-demand/fundsim_on_demand.js and _bg.wasm): the
# same crate without the app (feature `on-demand`: the Excel writer
# rust_xlsxwriter and the QR encoder), which the app loads only when a user
# asks for an .xlsx or a QR code (www/on-demand.js).
# Built after the app, into its own directory inside pkg/.
build_on_demand_pkg() {
    local out="$FUNDSIM_ROOT/pkg/on-demand"
    log "building the on-demand module (Excel, QR codes) with wasm-pack into pkg/on-demand/"
    (cd "$FUNDSIM_ROOT" && wasm-pack build --mode no-install --target web --release \
        --out-dir pkg/on-demand --out-name fundsim_on_demand -- --no-default-features --features on-demand) ||
        die "wasm-pack build of the on-demand module failed"
    [ -f "$out/fundsim_on_demand.js" ] && [ -f "$out/fundsim_on_demand_bg.wasm" ] ||
        die "wasm-pack finished but pkg/on-demand/fundsim_on_demand.js or _bg.wasm is missing"
    minify_js "$out/fundsim_on_demand.js"
    # The analysis worker's script sits beside the module it runs (www/on-demand.js starts it).
    cp "$FUNDSIM_ROOT/www/analysis-worker.js" "$out/analysis-worker.js"
    minify_js "$out/analysis-worker.js"
    log "pkg/on-demand/fundsim_on_demand_bg.wasm: $(wc -c <"$out/fundsim_on_demand_bg.wasm") bytes, fundsim_on_demand.js: $(wc -c <"$out/fundsim_on_demand.js") bytes"
}

# A free TCP port on 127.0.0.1, preferring $1 when it is free.
free_port() {
    python3 - "${1:-0}" <<'PY'
import socket, sys
want = int(sys.argv[1])
for port in ([want] if want else []) + [0]:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        s.close()
        continue
    print(s.getsockname()[1])
    s.close()
    break
PY
}

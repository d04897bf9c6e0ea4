#!/usr/bin/env bash
# Build what a budget officer copies onto any static web server, and a single
# self-contained HTML file that also works opened from disk or sent by mail.
#
#   bash scripts/build-dist.sh
#
# Writes dist/site/ (index.html, pkg/ with the on-demand module (Excel, QR
# codes) in pkg/on-demand/, www/: the app, the embed loader and its example
# page) and dist/fundsim.html (one file: the styles, the JS glue and the
# WebAssembly, base64-encoded, inlined, the on-demand module's too; it
# requests nothing).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

ensure_build_tools
build_pkg

dist="$FUNDSIM_ROOT/dist"
rm -rf "$dist"
mkdir -p "$dist/site/pkg"
cp "$FUNDSIM_ROOT/index.html" "$dist/site/"
cp -r "$FUNDSIM_ROOT/www" "$dist/site/"
cp "$FUNDSIM_ROOT/pkg/fundsim.js" "$FUNDSIM_ROOT/pkg/fundsim_bg.wasm" "$FUNDSIM_ROOT/pkg/style.css" "$dist/site/pkg/"
# The glue's snippets (the on-demand module's loader) and the on-demand
# module, which is fetched only when a user asks for an .xlsx or a QR code.
cp -r "$FUNDSIM_ROOT/pkg/snippets" "$dist/site/pkg/"
mkdir -p "$dist/site/pkg/on-demand"
cp "$FUNDSIM_ROOT/pkg/on-demand/fundsim_on_demand.js" "$FUNDSIM_ROOT/pkg/on-demand/fundsim_on_demand_bg.wasm" "$dist/site/pkg/on-demand/"
python3 "$FUNDSIM_ROOT/scripts/single_file.py" "$FUNDSIM_ROOT" "$dist/fundsim.html"
log "dist/site/ ($(du -sh "$dist/site" | cut -f1)) and dist/fundsim.html ($(wc -c <"$dist/fundsim.html") bytes)"

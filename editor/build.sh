#!/usr/bin/env bash
# Builds the newsroom editor bundle from editor/src into the app's static assets. The bundle is
# committed, so the Maven build needs only a JDK; CI runs this and fails if the committed file differs.
# Same sources + same package-lock.json = same bytes: esbuild is pinned and writes no timestamps.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
./node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2020 --charset=utf8 \
  --legal-comments=none --log-level=warning --outfile=../app/src/main/resources/static/assets/newsroom-editor.js

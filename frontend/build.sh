#!/bin/sh
# Maven's generate-resources runs this (exec-maven-plugin): install the pinned packages, then bundle the
# designer's editors into target/classes/static/designer/. Needs the machine's own node (>= 18) and npm.
set -eu
cd "$(dirname "$0")"
need() {
  echo "GovFlow designer: '$1' is missing. Install Node.js >= 18 with npm (Debian: apt-get install nodejs npm)," >&2
  echo "or build without the designer's editors: mvn -Dfrontend.skip=true ..." >&2
  exit 1
}
command -v node >/dev/null 2>&1 || need node
command -v npm >/dev/null 2>&1 || need npm
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "GovFlow designer: node $(node --version) is too old; Node.js >= 18 is needed (or -Dfrontend.skip=true)." >&2
  exit 1
fi
# npm ci reinstalls everything; skipped while node_modules was installed from this very lock file.
# --ignore-scripts: nothing here needs an install script (esbuild's binary comes as its own package), and some
# transitive packages' scripts only send telemetry.
if ! cmp -s package-lock.json node_modules/.govflow-installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --ignore-scripts
  cp package-lock.json node_modules/.govflow-installed-lock
fi
npm run build

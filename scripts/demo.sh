#!/usr/bin/env bash
# Builds everything, then serves the demo page on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
PORT="${PORT:-8080}"
echo "quotelight demo: http://127.0.0.1:$PORT/"
# python's http.server, with the MIME type that streaming wasm compilation requires.
exec python3 - "$PORT" dist/www <<'PY'
import functools, http.server, sys
port, root = int(sys.argv[1]), sys.argv[2]
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".txt": "text/plain; charset=utf-8"}
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root)).serve_forever()
PY

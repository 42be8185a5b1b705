#!/usr/bin/env bash
# Starts and stops one real Elasticsearch 8.19 node for tests, run from its Maven Central jars in
# its own JVM (testing.md: no distribution can be downloaded, and ES's Netty/Log4j/Lucene clash with
# the application's inside Surefire).
#
#   es-node.sh start <workdir> [port]   start (or find running) node; prints its URL
#   es-node.sh stop  <workdir>          stop the node started in <workdir>, wait for it to exit
#   es-node.sh url   <workdir>          print the URL of the running node
#
# <workdir> holds everything of one node: home/ (config, modules, data, logs), lib/ (a private copy
# of the server jars, so a rebuild of this module never swaps jars under a running JVM), node.log,
# pid and port. Without [port] the node binds the first free port of 19200-19299 itself (9200 may
# belong to someone else), which avoids racing another run for a port we probed as free.
set -euo pipefail

readonly MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly TARGET="$MODULE_DIR/target"
readonly DEFAULT_PORT_RANGE="19200-19299"
readonly START_TIMEOUT_SECONDS="${ES_NODE_START_TIMEOUT:-90}"
readonly STOP_TIMEOUT_SECONDS=30
readonly JAVA_BIN="${ES_NODE_JAVA:-java}"

die() { echo "es-node: $*" >&2; exit 1; }

usage() {
  echo "usage: $0 start <workdir> [port] | stop <workdir> | url <workdir>" >&2
  exit 2
}

# The launcher jar and the two jar folders come from `mvn package` of this module.
ensure_built() {
  if [[ ! -f "$TARGET/es-test-node.jar" || ! -d "$TARGET/es-server" || ! -d "$TARGET/es-plugin" ]]; then
    echo "es-node: building the launcher (mvn package in $MODULE_DIR)" >&2
    mvn -B -q -f "$MODULE_DIR/pom.xml" package -DskipTests >&2
  fi
}

# Alive and really our launcher: a PID file can outlive its process and the PID be reused.
node_pid() {
  local workdir="$1" pid
  [[ -f "$workdir/pid" ]] || return 1
  pid="$(cat "$workdir/pid")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "io.vitrine.tools.esnode.EsTestNode" || return 1
  echo "$pid"
}

cluster_answers() {
  local port="$1" health
  health="$(curl -fsS --max-time 2 "http://127.0.0.1:$port/_cluster/health" 2>/dev/null)" || return 1
  [[ "$health" == *'"status":"green"'* || "$health" == *'"status":"yellow"'* ]]
}

# The node writes home/logs/http.ports ("127.0.0.1:19203") once HTTP is bound.
bound_port() {
  local ports_file="$1/home/logs/http.ports"
  [[ -s "$ports_file" ]] || return 1
  head -n1 "$ports_file" | sed -E 's/.*:([0-9]+)$/\1/'
}

start() {
  local workdir="$1" port="${2:-$DEFAULT_PORT_RANGE}" pid bound deadline
  mkdir -p "$workdir"
  workdir="$(cd "$workdir" && pwd)"

  if pid="$(node_pid "$workdir")" && bound="$(cat "$workdir/port" 2>/dev/null)" && cluster_answers "$bound"; then
    echo "http://127.0.0.1:$bound"
    return 0
  fi
  if pid="$(node_pid "$workdir")"; then
    # started but not healthy (or half-started by an interrupted run): begin again cleanly
    stop "$workdir" >/dev/null
  fi

  ensure_built
  # a fresh node each start: data of an earlier run in this workdir is not wanted
  rm -rf "$workdir/home" "$workdir/lib" "$workdir/port" "$workdir/pid"
  mkdir -p "$workdir/lib/server" "$workdir/lib/plugin"
  cp "$TARGET"/es-server/*.jar "$workdir/lib/server/"
  cp "$TARGET"/es-plugin/*.jar "$workdir/lib/plugin/"
  cp "$TARGET/es-test-node.jar" "$workdir/lib/"

  # setsid: its own session, so a Ctrl-C meant for the caller's Maven does not hit the node
  # before the caller's trap stops it properly.
  setsid "$JAVA_BIN" -Xmx512m -Xms512m \
    --module-path "$workdir/lib/server" --add-modules ALL-MODULE-PATH \
    -cp "$workdir/lib/es-test-node.jar" io.vitrine.tools.esnode.EsTestNode \
    "$workdir/home" "$workdir/lib/plugin" "$port" \
    >"$workdir/node.log" 2>&1 </dev/null &
  local launched=$!
  echo "$launched" >"$workdir/pid"

  deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  while ((SECONDS < deadline)); do
    # whether the process lives, not node_pid: right after the fork its command line may not be java's yet
    if ! kill -0 "$launched" 2>/dev/null; then
      tail -n 40 "$workdir/node.log" >&2 || true
      die "the node exited during start-up (log: $workdir/node.log)"
    fi
    if bound="$(bound_port "$workdir")" && cluster_answers "$bound"; then
      echo "$bound" >"$workdir/port"
      echo "http://127.0.0.1:$bound"
      return 0
    fi
    sleep 0.5
  done
  tail -n 40 "$workdir/node.log" >&2 || true
  stop "$workdir" >/dev/null || true
  die "no healthy node after ${START_TIMEOUT_SECONDS}s (log: $workdir/node.log)"
}

stop() {
  local workdir="$1" pid deadline
  if ! pid="$(node_pid "$workdir")"; then
    rm -f "$workdir/pid" "$workdir/port"
    echo "es-node: not running in $workdir"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "es-node: pid $pid ignored SIGTERM for ${STOP_TIMEOUT_SECONDS}s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$workdir/pid" "$workdir/port"
  echo "es-node: stopped pid $pid"
}

url() {
  local workdir="$1" port
  node_pid "$workdir" >/dev/null && port="$(cat "$workdir/port" 2>/dev/null)" || die "no node running in $workdir"
  echo "http://127.0.0.1:$port"
}

main() {
  (($# >= 2)) || usage
  local command="$1"
  shift
  case "$command" in
    start) (($# <= 2)) || usage; start "$@" ;;
    stop) (($# == 1)) || usage; stop "$@" ;;
    url) (($# == 1)) || usage; url "$@" ;;
    *) usage ;;
  esac
}

main "$@"

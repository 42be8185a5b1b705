#!/usr/bin/env bash
# A local Redis Cluster of three masters for the Redis adapters' contract suite (testing.md).
#
#   tools/services/redis-cluster.sh start <dir> <port1> <port2> <port3>
#   tools/services/redis-cluster.sh stop  <dir>
#   tools/services/redis-cluster.sh status <dir>
#
# Each node runs in <dir>/<port> (nodes.conf, log, pid), without persistence. `start` is
# idempotent: a healthy cluster of ours on those ports is left alone; a half-started or broken one
# is stopped and created afresh. A port held by a server that is not ours is never touched: the
# script fails instead. `stop` shuts down only the nodes whose working directory is under <dir>.
# `status` exits 0 only when every node of <dir> is up and sees a healthy cluster.
# Prints each step on stdout ("redis-cluster: ..."); errors on stderr; exits non-zero on any failure.
# Tests find the nodes through VITRINE_TEST_REDIS_CLUSTER_NODES=127.0.0.1:<port1>,127.0.0.1:<port2>,...
set -euo pipefail

say() { echo "redis-cluster: $*"; }
fail() { echo "redis-cluster: ERROR: $*" >&2; exit 1; }

usage() {
  echo "usage: $0 start <dir> <port1> <port2> <port3> [<port>...] | stop <dir> | status <dir>" >&2
  exit 2
}

for tool in redis-server redis-cli; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (Debian package redis-server / redis-tools)"
done

cli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}"; }

# true when something answers PING on the port
answers() { [ "$(cli "$1" ping 2>/dev/null || true)" = "PONG" ]; }

# true when the server on the port works in <dir>/<port>, i.e. we started it
ours() {
  local port=$1 dir=$2 actual
  actual=$(cli "$port" config get dir 2>/dev/null | sed -n 2p || true)
  [ -n "$actual" ] && [ "$(readlink -f "$actual")" = "$(readlink -f "$dir/$port")" ]
}

cluster_ok_on() {
  local info
  info=$(cli "$1" cluster info 2>/dev/null || true)
  grep -q '^cluster_state:ok' <<<"$info" && grep -q "^cluster_known_nodes:$2" <<<"$info" \
    && grep -q '^cluster_slots_assigned:16384' <<<"$info"
}

shutdown_node() {
  local port=$1 dir=$2 pidfile="$2/$1/redis.pid" waited=0
  if answers "$port" && ours "$port" "$dir"; then
    say "stopping node on port $port"
    cli "$port" shutdown nosave >/dev/null 2>&1 || true
  elif [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    say "stopping unresponsive node on port $port (pid $(cat "$pidfile"))"
    kill "$(cat "$pidfile")" 2>/dev/null || true
  fi
  while answers "$port" && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  answers "$port" && fail "node on port $port did not stop"
  rm -f "$pidfile"
}

ports_in() {
  local dir=$1
  [ -d "$dir" ] || return 0
  find "$dir" -mindepth 1 -maxdepth 1 -type d -regex '.*/[0-9]+' -printf '%f\n' | sort -n
}

start() {
  [ $# -ge 4 ] || usage  # a cluster needs at least three masters
  local dir=$1; shift
  local ports=("$@") port
  for port in "${ports[@]}"; do
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -gt 0 ] && [ "$port" -lt 55536 ] \
      || fail "port '$port' is not a port number under 55536 (the cluster bus uses port+10000)"
  done
  mkdir -p "$dir"
  dir=$(readlink -f "$dir")

  local all_ours=true
  for port in "${ports[@]}"; do
    if answers "$port"; then
      ours "$port" "$dir" || fail "port $port is taken by a Redis server that is not ours (its dir is not $dir/$port)"
    else
      all_ours=false
    fi
  done

  if $all_ours; then
    local healthy=true
    for port in "${ports[@]}"; do cluster_ok_on "$port" "${#ports[@]}" || healthy=false; done
    if $healthy; then
      say "already running and healthy on ports ${ports[*]} ($dir)"
      return 0
    fi
    say "nodes are running but the cluster is not healthy: recreating it"
  fi

  # start from a clean slate: stale nodes.conf files would resurrect an old topology
  for port in "${ports[@]}"; do shutdown_node "$port" "$dir"; done
  for port in "${ports[@]}"; do
    rm -rf "${dir:?}/$port"
    mkdir -p "$dir/$port"
    say "starting node on port $port in $dir/$port"
    redis-server --bind 127.0.0.1 --port "$port" --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 5000 --save '' --appendonly no --dir "$dir/$port" \
      --daemonize yes --pidfile "$dir/$port/redis.pid" --logfile "$dir/$port/redis.log" \
      || fail "redis-server did not start on port $port (see $dir/$port/redis.log)"
  done
  for port in "${ports[@]}"; do
    local waited=0
    until answers "$port"; do
      [ $waited -lt 100 ] || fail "node on port $port does not answer (see $dir/$port/redis.log)"
      sleep 0.1; waited=$((waited + 1))
    done
  done

  local addresses=()
  for port in "${ports[@]}"; do addresses+=("127.0.0.1:$port"); done
  say "creating the cluster: ${addresses[*]}"
  redis-cli --cluster create "${addresses[@]}" --cluster-replicas 0 --cluster-yes >"$dir/create.log" 2>&1 \
    || { cat "$dir/create.log" >&2; fail "redis-cli --cluster create failed"; }

  for port in "${ports[@]}"; do
    local waited=0
    until cluster_ok_on "$port" "${#ports[@]}"; do
      [ $waited -lt 300 ] || { cli "$port" cluster info >&2 || true; fail "node $port never saw cluster_state:ok"; }
      sleep 0.1; waited=$((waited + 1))
    done
  done
  say "cluster_state:ok on ports ${ports[*]}"
}

stop() {
  [ $# -eq 1 ] || usage
  local dir=$1 port found=false
  if [ ! -d "$dir" ]; then
    say "nothing to stop: $dir does not exist"
    return 0
  fi
  dir=$(readlink -f "$dir")
  for port in $(ports_in "$dir"); do
    found=true
    shutdown_node "$port" "$dir"
  done
  $found || say "nothing to stop in $dir"
  say "stopped"
}

status() {
  [ $# -eq 1 ] || usage
  local dir=$1 port healthy=true count
  [ -d "$dir" ] || { say "not running ($dir does not exist)"; return 1; }
  dir=$(readlink -f "$dir")
  count=$(ports_in "$dir" | wc -l)
  [ "$count" -gt 0 ] || { say "not running (no nodes in $dir)"; return 1; }
  for port in $(ports_in "$dir"); do
    if answers "$port" && ours "$port" "$dir" && cluster_ok_on "$port" "$count"; then
      say "port $port: ok"
    else
      say "port $port: not ok"; healthy=false
    fi
  done
  $healthy
}

[ $# -ge 1 ] || usage
command=$1; shift
case "$command" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  *) usage ;;
esac

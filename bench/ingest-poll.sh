#!/usr/bin/env bash
# Ingest poller benchmark: a local feed server with N feeds (most answer 304 when re-polled, one
# in ten has a new story every time), N sources registered in a scratch database, every feed due
# each minute. After the first pass over all feeds (which brings in N stories) it reports, minute
# by minute: feeds polled (from the ingest_fetches log), 304s, new items, errors, and the
# server's resident memory.
#
#   bench/ingest-poll.sh [-n FEEDS] [-m MINUTES] [-c CONCURRENCY] [-p PER_HOST] [-b]
#
# -b rebuilds the jar first (otherwise an existing app/target/broadsheet.jar is used). The sources
# are registered by ingest/BenchSources, which is not in the jar: bench/server.sh adds it.
# JVM_OPTS overrides the server's JVM flags (default: the small-footprint flags from the README).
# Needs: JDK 21+ and the sqlite3 command-line tool (Debian package sqlite3, installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

feeds=10000 minutes=3 concurrency=64 per_host=64 build=false
while getopts "n:m:c:p:b" opt; do
  case $opt in n) feeds=$OPTARG ;; m) minutes=$OPTARG ;; c) concurrency=$OPTARG ;; p) per_host=$OPTARG ;; b) build=true ;; *) exit 2 ;; esac
done
read -r -a jvm_opts <<< "${JVM_OPTS:--Xmx192m -XX:+UseSerialGC}"

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
JAVA="$JAVA_HOME/bin/java"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null

work=$(mktemp -d /tmp/broadsheet-ingest-bench.XXXXXX)
source bench/server.sh
bench_server_build "$build" app/target/broadsheet.jar "$work"
app_port=18090 farm_port=18091
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$JAVA" -Xmx256m bench/FeedFarm.java $farm_port "$feeds" > "$work/farm.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$farm_port/stats" >/dev/null && break; sleep 0.5; done

cp app/target/broadsheet.jar "$work/" # a rebuild during the run must not pull the jar from under the server
bench_jar_launch "$work/broadsheet.jar"
"$JAVA" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED "${bench_launch[@]}" --server.port=$app_port \
  --broadsheet.data-dir="$work/data" --broadsheet.demo.enabled=false --logging.level.root=WARN \
  --broadsheet.bench.ingest-feeds="$feeds" --broadsheet.bench.ingest-feed-base="http://127.0.0.1:$farm_port/feed/" \
  --broadsheet.ingest.allow-private-hosts=127.0.0.1 --broadsheet.ingest.scan-interval=PT5S \
  --broadsheet.ingest.concurrency="$concurrency" --broadsheet.ingest.per-host-concurrency="$per_host" \
  > "$work/app.log" 2>&1 &
app_pid=$!; pids+=("$app_pid")
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$app_port/actuator/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$app_port/actuator/health" >/dev/null || { echo "Broadsheet did not start; see $work/app.log" >&2; exit 1; }

db="$work/data/broadsheet.db"
q() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }
now_ms() { date +%s%3N; }
rss_mb() { echo $(( $(ps -o rss= -p "$app_pid") / 1024 )); }

started=$(now_ms)
echo "First pass: polling all $feeds feeds once (each brings in one story)…"
while [ "$(q "SELECT COUNT(DISTINCT source_id) FROM ingest_fetches")" -lt "$feeds" ]; do
  sleep 2
  kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app.log" >&2; exit 1; }
done
first_pass=$(( ($(now_ms) - started) / 1000 ))
echo "first pass: ${first_pass} s for $feeds feeds, $(q "SELECT COUNT(*) FROM articles") articles, RSS $(rss_mb) MB"
echo
printf '%-7s %14s %8s %8s %10s %8s %8s\n' minute "feeds polled" 304 200 "new items" errors "RSS MB"
total=0
for m in $(seq 1 "$minutes"); do
  from=$(now_ms); sleep 60; to=$(now_ms)
  read -r polled not_modified ok new errors <<<"$(q "SELECT COUNT(*), SUM(status = 304), SUM(status = 200), SUM(items_new),
      SUM(error IS NOT NULL) FROM ingest_fetches WHERE at >= $from AND at < $to" | tr '|' ' ')"
  printf '%-7s %14s %8s %8s %10s %8s %8s\n' "$m" "$polled" "${not_modified:-0}" "${ok:-0}" "${new:-0}" "${errors:-0}" "$(rss_mb)"
  total=$(( total + polled ))
done
echo
echo "mean: $(( total / minutes )) feeds polled a minute (target 10000); feeds $feeds, concurrency $concurrency, per-host $per_host"
echo "JVM flags: ${jvm_opts[*]}; errors seen: $(q "SELECT COALESCE(MAX(error), 'none') FROM ingest_fetches WHERE error IS NOT NULL")"
echo "articles at the end: $(q "SELECT COUNT(*) FROM articles"); work directory: $work"

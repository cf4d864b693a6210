#!/usr/bin/env bash
# Reader-path benchmark: one article page served by Broadsheet vs the same bytes served by nginx,
# plus Broadsheet's bare in-memory endpoint (the HTTP stack's ceiling) and the page path with the
# page cache off. wrk runs against each in turn, alternating, several rounds.
#
#   bench/reader-path.sh [-d SECONDS] [-r ROUNDS] [-c CONNECTIONS] [-t THREADS] [-n ARTICLES] [-j]
#
# -n fills the scratch database up to that many published articles first (e.g. -n 100000).
# The server runs the way the README deploys it: extracted jar + AOT cache (bin/aot-cache, built
# here when missing); -j runs the plain executable jar instead. Start-up is reported for both.
# The bare endpoint and the article generator are not in the jar: bench/server.sh adds them to the
# class path for the measured rounds; the start-up and uncached runs use the jar alone.
# JVM_OPTS overrides the server's JVM flags (default: the small-footprint flags from the README).
#
# Needs: JDK 21+, Debian packages nginx and wrk (installed if missing and run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10 rounds=3 connections=64 threads=2 articles=0 plain_jar=false
while getopts "d:r:c:t:n:j" opt; do
  case $opt in d) duration=$OPTARG ;; r) rounds=$OPTARG ;; c) connections=$OPTARG ;; t) threads=$OPTARG ;; n) articles=$OPTARG ;;
    j) plain_jar=true ;; *) exit 2 ;; esac
done
export JVM_OPTS="${JVM_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC}"
read -r -a jvm_opts <<< "$JVM_OPTS"

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
JAVA="$JAVA_HOME/bin/java"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get install -y -qq wrk nginx >/dev/null
fi
work=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
chmod 755 "$work"
source bench/server.sh
bench_server_build false app/target/broadsheet.jar "$work"
[ app/target/aot/broadsheet.aot -nt app/target/broadsheet.jar ] || bin/aot-cache >/dev/null
aot_launch=(-XX:AOTCache=app/target/aot/broadsheet.aot -jar app/target/aot/broadsheet.jar)
jar_launch=(-jar app/target/broadsheet.jar)
if $plain_jar; then bench_jar_launch app/target/broadsheet.jar; else bench_aot_launch app/target/aot; fi
launch=("${bench_launch[@]}")
app_port=18080 nginx_port=18081
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_app() { # $1 = extra args
  "$JAVA" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED "${launch[@]}" --server.port=$app_port \
    --broadsheet.data-dir="$work/data" --broadsheet.bench.bare-endpoint=true --broadsheet.bench.bare-file="$work/www/article.html" \
    --broadsheet.bench.generate-articles="$articles" --logging.level.root=WARN \
    --logging.level.news.broadsheet.BroadsheetApplication=INFO $1 > "$work/app.log" 2>&1 &
  app_pid=$!; pids+=("$app_pid")
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$app_port/actuator/health" >/dev/null && return; sleep 0.5; done
  echo "Broadsheet did not start; see $work/app.log" >&2; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }

mkdir -p "$work/www"
start_app "--logging.level.news.broadsheet.search=INFO"
# Generated articles are indexed in the background after start-up; measure once that is over.
if [ "$articles" -gt 0 ]; then
  for _ in $(seq 1 1200); do grep -q 'Indexed [0-9,]* stories' "$work/app.log" && break; sleep 0.5; done
  grep 'Indexed [0-9,]* stories' "$work/app.log" | tail -1 | sed 's/.*: /search index: /'
  # Generating and indexing are set-up, not serving: measure a server started on the filled data directory.
  setup_rss_mb=$(( $(ps -o rss= -p "$app_pid") / 1024 ))
  stop_app
  start_app ""
fi
article_path=$(curl -s "http://127.0.0.1:$app_port/world" | grep -o 'href="/world/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
curl -s -o "$work/www/article.html" "http://127.0.0.1:$app_port$article_path"
bytes=$(wc -c < "$work/www/article.html")
curl -sf -o /dev/null "http://127.0.0.1:$app_port/bench/bare"

# The reference must run at its best configuration on the machine: NGINX_WORKERS picks nginx's
# worker count (default auto). On the 2-core machine of 2026-12-03, with wrk on the same cores,
# auto gave 35,565 req/s and one worker 29,185 (8 s x 2 rounds each), so auto stays the default;
# measure both when the machine changes and report the better one.
cat > "$work/nginx.conf" <<NGINX
worker_processes ${NGINX_WORKERS:-auto};
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /article { default_type "text/html; charset=UTF-8"; alias $work/www/article.html; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
pids+=("$!")
sleep 1
cmp -s <(curl -s "http://127.0.0.1:$nginx_port/article") "$work/www/article.html" || { echo "nginx does not serve the same bytes" >&2; exit 1; }

declare -A rps p50 p99 errors
run_wrk() { # $1 label, $2 url, $3 connections
  local out; out=$(wrk -t"$threads" -c"$3" -d"${duration}s" --latency "$2")
  rps[$1]+="$(awk '/Requests\/sec/ {print $2}' <<<"$out") "
  p50[$1]+="$(awk '$1=="50%" {print $2}' <<<"$out") "
  p99[$1]+="$(awk '$1=="99%" {print $2}' <<<"$out") "
  errors[$1]+="$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")|"
}

# Everyone gets one warm-up run so the JIT has compiled the hot path before anything is recorded.
wrk -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$app_port$article_path" >/dev/null
wrk -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$app_port/bench/bare" >/dev/null
for r in $(seq 1 "$rounds"); do
  run_wrk nginx "http://127.0.0.1:$nginx_port/article" "$connections"
  run_wrk broadsheet "http://127.0.0.1:$app_port$article_path" "$connections"
  run_wrk bare "http://127.0.0.1:$app_port/bench/bare" "$connections"
done
run_wrk nginx-256 "http://127.0.0.1:$nginx_port/article" 256
run_wrk broadsheet-256 "http://127.0.0.1:$app_port$article_path" 256
rss_mb=$(( $(ps -o rss= -p "$app_pid") / 1024 ))
rss_split=$(awk '/RssAnon|RssFile/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$app_pid/status")

stop_app
# Start-up time on an existing data directory (migrations already applied, demo already loaded),
# in both forms; the last start (the deployed form) then serves the uncached rounds.
started() { grep -o 'Started BroadsheetApplication in [0-9.]* seconds (process running for [0-9.]*' "$work/app.log" \
  | awk '{printf "%s s (JVM up %s s)", $4, $9}'; }
launch=("${jar_launch[@]}"); start_app "--broadsheet.page-cache.enabled=false"; startup_jar=$(started); stop_app
launch=("${aot_launch[@]}"); start_app "--broadsheet.page-cache.enabled=false"; startup_aot=$(started)
$plain_jar && { stop_app; launch=("${jar_launch[@]}"); start_app "--broadsheet.page-cache.enabled=false"; }
wrk -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$app_port$article_path" >/dev/null
for r in $(seq 1 "$rounds"); do run_wrk uncached "http://127.0.0.1:$app_port$article_path" "$connections"; done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_ms() { tr ' ' '\n' | grep -v '^$' | awk '/us$/ {sub("us",""); printf "%.3f\n", $1/1000; next} /ms$/ {sub("ms",""); print $1; next} /s$/ {sub("s",""); print $1*1000}' ; }

echo
echo "Reader path: $article_path ($bytes bytes), wrk -t$threads -c$connections -d${duration}s, $rounds rounds alternating, medians"
printf '%-22s %12s %10s %10s\n' target "requests/s" "p50 ms" "p99 ms"
for label in nginx broadsheet bare uncached; do
  printf '%-22s %12.0f %10s %10s\n' "$label" "$(echo "${rps[$label]}" | median)" \
    "$(echo "${p50[$label]}" | to_ms | median)" "$(echo "${p99[$label]}" | to_ms | median)"
done
nginx_rps=$(echo "${rps[nginx]}" | median)
printf '\nratio broadsheet/nginx: %.2f   bare/nginx: %.2f   uncached/nginx: %.3f\n' \
  "$(echo "$(echo "${rps[broadsheet]}" | median) / $nginx_rps" | bc -l)" \
  "$(echo "$(echo "${rps[bare]}" | median) / $nginx_rps" | bc -l)" \
  "$(echo "$(echo "${rps[uncached]}" | median) / $nginx_rps" | bc -l)"
echo "256 connections: nginx $(echo "${rps[nginx-256]}" | median) req/s, errors: ${errors[nginx-256]:-none}"
echo "256 connections: broadsheet $(echo "${rps[broadsheet-256]}" | median) req/s, errors: ${errors[broadsheet-256]:-none}"
[ -n "${setup_rss_mb:-}" ] && echo "resident memory of the process that generated and indexed the articles: ${setup_rss_mb} MB"
echo "resident memory after the runs: ${rss_mb} MB (${rss_split}; JVM flags: ${jvm_opts[*]}; articles requested: ${articles})"
echo "start-up on the existing data directory: AOT cache ${startup_aot}; plain jar ${startup_jar}"
echo "served by: $($plain_jar && echo plain jar || echo extracted jar + AOT cache)"

#!/usr/bin/env bash
# Slow-client benchmark: a normal reader's latency while SOCKETS connections trickle their request
# heads one byte at a time and reconnect PAUSE ms after the server closes them (more of them than
# server.tomcat.max-connections; -p 0 adds a connection flood). The server closes a head that is not complete within
# broadsheet.http.request-head-timeout (5 s); a normal request should be answered within 1 s.
#
#   bench/slow-clients.sh [-n SOCKETS=2100] [-i INTERVAL_SECONDS=10] [-d SECONDS=30] [-p PAUSE_MS=0] [-- extra server args]
#
# Needs: JDK 21+. The server runs from app/target/broadsheet.jar (built when missing) on a scratch
# data directory with the demo content.
set -euo pipefail
cd "$(dirname "$0")/.."

sockets=2100 interval=10 duration=30 pause=0
while getopts "n:i:d:p:" opt; do
  case $opt in n) sockets=$OPTARG ;; i) interval=$OPTARG ;; d) duration=$OPTARG ;; p) pause=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
JAVA="$JAVA_HOME/bin/java"
# Both ends of every slow socket live in this machine's processes.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ -f app/target/broadsheet.jar ] || ./mvnw -q -DskipTests package

work=$(mktemp -d /tmp/broadsheet-slow.XXXXXX)
port=18090
"$JAVA" -Xms64m -Xmx192m -XX:+UseSerialGC -jar app/target/broadsheet.jar --server.port=$port \
  --broadsheet.data-dir="$work/data" --logging.level.root=WARN "$@" > "$work/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$port/" || { echo "Broadsheet did not start; see $work/app.log" >&2; exit 1; }

"$JAVA" bench/SlowClients.java "$port" "$sockets" "$interval" "$duration" "$pause" /

#!/usr/bin/env bash
# Newsletter benchmark: N members who want each story, one story published, one mailing sent to a
# local SMTP sink (bench/SmtpSink.java) that counts accepted messages per recipient and Message-ID.
# While it sends, Broadsheet is killed with SIGKILL at random moments (-K times) and started again
# on the same data; the mailing resumes. Reports the time from the mailing's creation to its end
# (restarts included), the CPU time of Broadsheet's processes, duplicates (extra copies accepted:
# the same Message-ID twice, or two ids for one member), misses (members who got none) and the
# delivery log's rows by status (UNCERTAIN = the crash came between the mark and the final ".").
#
#   bench/newsletter.sh [-n MEMBERS] [-B BATCH] [-C CONNECTIONS] [-K KILLS] [-b]
#
# -K kills Broadsheet that many times (default 1; 0 = no kill), each once a random share (10–90 %)
#    of the members have delivery rows, plus a random 0–300 ms, so it lands anywhere in a message.
# -B is readers.newsletter.batch-size (members per SMTP connection), -C readers.newsletter.connections.
# -b rebuilds the jar first (otherwise an existing app/target/broadsheet.jar is used).
# JVM_OPTS overrides the server's JVM flags (default: the small-footprint flags from the README);
# JAR runs another build of the server (default: app/target/broadsheet.jar). The members and the
# story come from readers/BenchMembers, which is not in any jar: bench/server.sh adds the one
# compiled in this checkout, so JAR must be a build it still compiles against.
# Needs: JDK 21+ and the sqlite3 command-line tool (Debian package sqlite3, installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

members=100000 batch=50 connections=2 kills=1 kills_done=0 build=false
while getopts "n:B:C:K:b" opt; do
  case $opt in n) members=$OPTARG ;; B) batch=$OPTARG ;; C) connections=$OPTARG ;; K) kills=$OPTARG ;; b) build=true ;; *) exit 2 ;; esac
done
read -r -a jvm_opts <<< "${JVM_OPTS:--Xmx192m -XX:+UseSerialGC}"

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
JAVA="$JAVA_HOME/bin/java"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null
jar=${JAR:-app/target/broadsheet.jar}

work=$(mktemp -d /tmp/broadsheet-newsletter-bench.XXXXXX)
source bench/server.sh
bench_server_build "$build" "$jar" "$work"
app_port=18094 smtp_port=18095 stats_port=18096
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$JAVA" -Xmx256m bench/SmtpSink.java $smtp_port $stats_port > "$work/sink.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$stats_port/messages" >/dev/null && break; sleep 0.5; done

cp "$jar" "$work/broadsheet.jar" # a rebuild during the run must not pull the jar from under the server
bench_jar_launch "$work/broadsheet.jar"
start_app() { # $1 = log file
  "$JAVA" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED "${bench_launch[@]}" --server.port=$app_port \
    --broadsheet.data-dir="$work/data" --broadsheet.demo.enabled=false --logging.level.root=WARN \
    --spring.mail.host=127.0.0.1 --spring.mail.port=$smtp_port \
    --broadsheet.bench.newsletter-members="$members" --broadsheet.bench.newsletter-batch="$batch" \
    --broadsheet.bench.newsletter-connections="$connections" > "$1" 2>&1 &
  app_pid=$!; pids+=("$app_pid")
}

db="$work/data/broadsheet.db"
q() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }
now_ms() { date +%s%3N; }
cpu_seconds=0 # user + system time of the Broadsheet processes, read just before each one ends
add_cpu() { cpu_seconds=$(awk -v t="$cpu_seconds" -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", t + ($14 + $15) / hz }' "/proc/$1/stat"); }
mailing="(SELECT id FROM mailings WHERE dedupe_key LIKE 'article:%' ORDER BY id LIMIT 1)"

echo "Starting Broadsheet with $members members (the first start adds them, then publishes the story)…"
start_app "$work/app-1.log"
until [ -f "$db" ] && [ "$(q "SELECT COUNT(*) FROM mailings" 2>/dev/null || echo 0)" -gt 0 ]; do
  sleep 1
  kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app-1.log" >&2; exit 1; }
done
for k in $(seq 1 "$kills"); do
  rows=$(q "SELECT COUNT(*) FROM deliveries WHERE mailing_id = $mailing")
  low=$(( rows + members / 20 > members / 10 ? rows + members / 20 : members / 10 ))
  [ "$low" -lt $(( members * 9 / 10 )) ] || { echo "no room left for kill $k"; break; }
  kill_at=$(( low + (RANDOM * 32768 + RANDOM) % ((members * 9 / 10 - low) / (kills - k + 1) + 1) )) # leaves room for the kills to come
  until [ "$(q "SELECT COUNT(*) FROM deliveries WHERE mailing_id = $mailing")" -ge "$kill_at" ]; do
    sleep 0.2
    kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app-*.log" >&2; exit 1; }
  done
  sleep "0.$(printf %03d $(( RANDOM % 300 )))"
  add_cpu "$app_pid"
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  killed=$(now_ms) kills_done=$k
  echo "kill $k: SIGKILL at $(q "SELECT COUNT(*) FROM deliveries WHERE mailing_id = $mailing") delivery rows (aimed at $kill_at), $(curl -sf "http://127.0.0.1:$stats_port/messages") messages accepted by the sink; starting it again…"
  echo "  rows in flight: $(q "SELECT GROUP_CONCAT(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) AS n FROM deliveries WHERE mailing_id = $mailing AND status IN ('SENDING', 'UNCERTAIN') GROUP BY status)")"
  start_app "$work/app-$(( k + 1 )).log"
  until curl -sf "http://127.0.0.1:$app_port/actuator/health" >/dev/null; do
    sleep 0.5
    kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died on restart; see $work/app-$(( k + 1 )).log" >&2; exit 1; }
  done
  echo "  back up after $(( ($(now_ms) - killed) / 1000 )) s"
done
until [ -n "$(q "SELECT finished_at FROM mailings WHERE id = $mailing")" ]; do
  sleep 1
  kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app-*.log" >&2; exit 1; }
done

add_cpu "$app_pid"
curl -sf "http://127.0.0.1:$stats_port/counts" | sort > "$work/received.txt"
q "SELECT email FROM members WHERE email LIKE '%@bench.example'" | sort > "$work/members.txt"
millis=$(q "SELECT MAX(d.attempted_at) - m.created_at FROM deliveries d JOIN mailings m ON m.id = d.mailing_id WHERE m.id = $mailing")
finished=$(q "SELECT finished_at - created_at FROM mailings WHERE id = $mailing")
accepted=$(awk '{ n += $3 } END { print n + 0 }' "$work/received.txt")
reached=$(cut -d' ' -f1 "$work/received.txt" | sort -u | tee "$work/reached.txt" | wc -l)
duplicates=$(( accepted - reached ))
same_id_twice=$(awk '$3 > 1' "$work/received.txt" | wc -l)
misses=$(comm -23 "$work/members.txt" "$work/reached.txt" | wc -l)
echo
echo "members: $(wc -l < "$work/members.txt"); messages accepted by the sink: $accepted"
echo "minutes from the mailing's creation to its end (restarts included): $(awk -v f="$finished" 'BEGIN { printf "%.2f", f / 60000 }') (last delivery attempt at $(awk -v m="$millis" 'BEGIN { printf "%.2f", m / 60000 }'))"
echo "CPU seconds of Broadsheet (all its processes, start-up and member loading included): $cpu_seconds"
echo "duplicates: $duplicates (Message-IDs accepted more than once: $same_id_twice); misses: $misses"
echo "delivery log: $(q "SELECT GROUP_CONCAT(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) AS n FROM deliveries WHERE mailing_id = $mailing GROUP BY status)")"
echo "batch size $batch, $connections connections, rate unlimited, $kills_done kill(s), JVM flags: ${jvm_opts[*]}; work directory: $work"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

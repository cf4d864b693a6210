#!/usr/bin/env bash
# Newsletter benchmark: N members who want each story, one story published, one mailing sent to a
# local SMTP sink (bench/SmtpSink.java) that counts accepted messages per recipient. Part way
# through, Broadsheet is killed with SIGKILL and started again on the same data; the mailing
# resumes. Reports the time from the mailing's creation to its last delivery (restart included),
# duplicates (addresses that got more than one message), misses (members who got none) and the
# delivery log's rows by status (SENDING = in flight at the crash, acceptance unknown).
#
#   bench/newsletter.sh [-n MEMBERS] [-B BATCH] [-k KILL_AT] [-b]
#
# -k kills Broadsheet once KILL_AT delivery rows exist (default: 40 % of the members; 0 = no kill).
# -B is readers.newsletter.batch-size (members per SMTP connection and per delivery-log commit).
# -b rebuilds the jar first (otherwise an existing app/target/broadsheet.jar is used).
# JVM_OPTS overrides the server's JVM flags (default: the small-footprint flags from the README).
# Needs: JDK 21+ and the sqlite3 command-line tool (Debian package sqlite3, installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

members=100000 batch=50 kill_at= build=false
while getopts "n:B:k:b" opt; do
  case $opt in n) members=$OPTARG ;; B) batch=$OPTARG ;; k) kill_at=$OPTARG ;; b) build=true ;; *) exit 2 ;; esac
done
kill_at=${kill_at:-$(( members * 2 / 5 ))}
read -r -a jvm_opts <<< "${JVM_OPTS:--Xmx192m -XX:+UseSerialGC}"

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
JAVA="$JAVA_HOME/bin/java"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null
if $build || [ ! -f app/target/broadsheet.jar ]; then ./mvnw -q -DskipTests package; fi

work=$(mktemp -d /tmp/broadsheet-newsletter-bench.XXXXXX)
app_port=18094 smtp_port=18095 stats_port=18096
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$JAVA" -Xmx256m bench/SmtpSink.java $smtp_port $stats_port > "$work/sink.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$stats_port/messages" >/dev/null && break; sleep 0.5; done

cp app/target/broadsheet.jar "$work/" # a rebuild during the run must not pull the jar from under the server
start_app() { # $1 = log file
  "$JAVA" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED -jar "$work/broadsheet.jar" --server.port=$app_port \
    --broadsheet.data-dir="$work/data" --broadsheet.demo.enabled=false --logging.level.root=WARN \
    --spring.mail.host=127.0.0.1 --spring.mail.port=$smtp_port \
    --broadsheet.bench.newsletter-members="$members" --broadsheet.bench.newsletter-batch="$batch" > "$1" 2>&1 &
  app_pid=$!; pids+=("$app_pid")
}

db="$work/data/broadsheet.db"
q() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }
now_ms() { date +%s%3N; }
mailing="(SELECT id FROM mailings WHERE dedupe_key LIKE 'article:%' ORDER BY id LIMIT 1)"

echo "Starting Broadsheet with $members members (the first start adds them, then publishes the story)…"
start_app "$work/app-1.log"
until [ -f "$db" ] && [ "$(q "SELECT COUNT(*) FROM mailings" 2>/dev/null || echo 0)" -gt 0 ]; do
  sleep 1
  kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app-1.log" >&2; exit 1; }
done
if [ "$kill_at" -gt 0 ]; then
  until [ "$(q "SELECT COUNT(*) FROM deliveries WHERE mailing_id = $mailing")" -ge "$kill_at" ]; do
    sleep 0.2
    kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app-1.log" >&2; exit 1; }
  done
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  killed=$(now_ms)
  echo "killed Broadsheet (SIGKILL) at $(q "SELECT COUNT(*) FROM deliveries WHERE mailing_id = $mailing") delivery rows, $(curl -sf "http://127.0.0.1:$stats_port/messages") messages accepted by the sink; starting it again…"
  start_app "$work/app-2.log"
  until curl -sf "http://127.0.0.1:$app_port/actuator/health" >/dev/null; do
    sleep 0.5
    kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died on restart; see $work/app-2.log" >&2; exit 1; }
  done
  echo "back up after $(( ($(now_ms) - killed) / 1000 )) s"
fi
until [ -n "$(q "SELECT finished_at FROM mailings WHERE id = $mailing")" ]; do
  sleep 1
  kill -0 "$app_pid" 2>/dev/null || { echo "Broadsheet died; see $work/app-*.log" >&2; exit 1; }
done

curl -sf "http://127.0.0.1:$stats_port/counts" | sort > "$work/received.txt"
q "SELECT email FROM members WHERE email LIKE '%@bench.example'" | sort > "$work/members.txt"
millis=$(q "SELECT MAX(d.attempted_at) - m.created_at FROM deliveries d JOIN mailings m ON m.id = d.mailing_id WHERE m.id = $mailing")
finished=$(q "SELECT finished_at - created_at FROM mailings WHERE id = $mailing")
duplicates=$(awk '$2 > 1' "$work/received.txt" | wc -l)
misses=$(cut -d' ' -f1 "$work/received.txt" | comm -23 "$work/members.txt" - | wc -l)
echo
echo "members: $(wc -l < "$work/members.txt"); messages accepted by the sink: $(curl -sf "http://127.0.0.1:$stats_port/messages")"
echo "minutes from the mailing's creation to its end (restart included): $(awk -v f="$finished" 'BEGIN { printf "%.2f", f / 60000 }') (last batch claimed at $(awk -v m="$millis" 'BEGIN { printf "%.2f", m / 60000 }'))"
echo "duplicates: $duplicates; misses: $misses"
echo "delivery log: $(q "SELECT GROUP_CONCAT(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) AS n FROM deliveries WHERE mailing_id = $mailing GROUP BY status)")"
echo "batch size $batch, rate unlimited, JVM flags: ${jvm_opts[*]}; work directory: $work"

#!/usr/bin/env bash
# WordPress import benchmark: writes a WXR export of N posts (each with a category, a tag, a comment,
# and either classic text with an [embed] or block-editor markup; generator in the test sources,
# migration/LargeExport.java), imports it from the command line into a scratch data directory, and
# prints posts per second and the importer's peak resident memory.
#
#   bench/import.sh [-n POSTS] [-b]
#
# -b rebuilds the jar first (otherwise an existing app/target/broadsheet.jar is used).
# JVM_OPTS overrides the JVM flags (default: the small-footprint flags from the README).
set -euo pipefail
cd "$(dirname "$0")/.."

posts=10000 build=false
while getopts "n:b" opt; do
  case $opt in n) posts=$OPTARG ;; b) build=true ;; *) exit 2 ;; esac
done
read -r -a jvm_opts <<< "${JVM_OPTS:--Xmx192m -XX:+UseSerialGC}"
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
JAVA="$JAVA_HOME/bin/java"
if $build || [ ! -f app/target/broadsheet.jar ]; then ./mvnw -q -B -ntp package -DskipTests; fi

work=$(mktemp -d /tmp/broadsheet-import-bench.XXXXXX)
export="$work/export.wxr"
"$JAVA" app/src/test/java/news/broadsheet/migration/LargeExport.java "$posts" "$export"
echo "Export: $posts posts, $(( $(stat -c %s "$export") / 1024 )) KB"

started=$(date +%s%3N)
# GNU time's %M is the peak resident set size in KB.
/usr/bin/time -f '%M' -o "$work/rss" "$JAVA" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED -jar app/target/broadsheet.jar \
  --broadsheet.data-dir="$work/data" --broadsheet.import="$export" --logging.level.root=WARN | tail -n 25
elapsed=$(( $(date +%s%3N) - started ))
echo "Whole run (JVM start, migrations, import): $(( elapsed / 1000 )).$(( elapsed % 1000 / 100 )) s," \
  "$(( posts * 1000 / (elapsed > 0 ? elapsed : 1) )) posts/s, peak RSS $(( $(cat "$work/rss") / 1024 )) MB"
rm -rf "$work"

#!/usr/bin/env bash
# Search benchmark: N synthetic stories (default 1,000,000) in a scratch data directory, then the
# index rebuild rate, search p50/p99 over a fixed query mix, related-articles p99 and index size.
#
#   bench/search.sh [-n ARTICLES] [-d DATA_DIR] [-s]
#
# -d reuses (or keeps) a data directory: generation is skipped when it already holds N stories, so
# a second run measures the same corpus without generating it again. Without -d a scratch
# directory is made and deleted afterwards. -s skips the rebuild (times queries on the index already
# in DATA_DIR). JVM_OPTS overrides the JVM flags (default below). Besides wall times it prints CPU
# times, which stay meaningful when other work shares the cores.
set -euo pipefail
cd "$(dirname "$0")/.."

articles=1000000 data="" skip=()
while getopts "n:d:s" opt; do
  case $opt in n) articles=$OPTARG ;; d) data=$OPTARG ;; s) skip=(-s) ;; *) exit 2 ;; esac
done
read -r -a jvm_opts <<< "${JVM_OPTS:--Xmx1g -XX:+UseParallelGC}"

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
if [ -z "$data" ]; then
  data=$(mktemp -d /tmp/broadsheet-search-bench.XXXXXX)
  scratch=$data
fi
./mvnw -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/app/target/bench-classpath.txt"
# A private copy of the compiled classes, so a build running meanwhile cannot pull them from under a long run.
classes=$(mktemp -d /tmp/broadsheet-search-bench-classes.XXXXXX)
trap 'rm -rf "$classes"; [ -n "${scratch:-}" ] && rm -rf "$scratch"' EXIT
cp -r app/target/test-classes "$classes/test" && cp -r app/target/classes "$classes/main" && cp -r extract/target/classes "$classes/extract"
cp="$classes/test:$classes/main:$classes/extract:$(cat app/target/bench-classpath.txt)"
echo "JVM flags: ${jvm_opts[*]}"
"$JAVA_HOME/bin/java" "${jvm_opts[@]}" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$cp" news.broadsheet.search.SearchBenchmark -n "$articles" -d "$data" "${skip[@]}"

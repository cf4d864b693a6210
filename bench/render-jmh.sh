#!/usr/bin/env bash
# JMH: one article page rendered from stored rows to bytes (queries + view records + jte).
#   bench/render-jmh.sh [extra JMH options, e.g. -f 2 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
done
./mvnw -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/app/target/bench-classpath.txt" >/dev/null
cp="app/target/test-classes:app/target/classes:extract/target/classes:$(cat app/target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main ArticleRenderBenchmark "$@"

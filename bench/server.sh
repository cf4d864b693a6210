# Sourced by the bench scripts that start Broadsheet (not run on its own). The components that
# exist only for them (app/src/test/java/**/Bench*.java: generated articles, newsletter members,
# feed sources, the bare endpoint) live in the test sources, so the production jar never holds
# them and no property can switch them on in production. A bench runs the production jar as built
# and adds those classes to its class path, so what it measures is still the jar the README deploys.
#
#   bench_server_build REBUILD JAR WORK
#     builds the jar and the bench classes (one `package`, which compiles the tests too) when
#     REBUILD is true or either is missing, then copies the Bench*.class files to WORK/bench-classes,
#     so a build during a long run cannot pull them from under the server.
#   bench_jar_launch JAR        sets bench_launch: the executable jar through Spring Boot's
#                               PropertiesLauncher, which takes extra class path entries (loader.path)
#   bench_aot_launch AOT_DIR    sets bench_launch: the extracted jar with its AOT cache (bin/aot-cache);
#                               class path entries after the trained ones leave the cache usable
# Then: "$JAVA" $JVM_FLAGS "${bench_launch[@]}" --broadsheet.bench.…

bench_server_build() {
  local rebuild=$1 jar=$2 work=$3
  if $rebuild || [ ! -f "$jar" ] || ! compgen -G 'app/target/test-classes/news/broadsheet/*/Bench*.class' >/dev/null; then
    ./mvnw -q -DskipTests package
  fi
  bench_classes="$work/bench-classes"
  mkdir -p "$bench_classes"
  (cd app/target/test-classes && find . -name 'Bench*.class' -exec cp --parents {} "$bench_classes" \;)
}

bench_jar_launch() {
  bench_launch=(-cp "$1" -Dloader.path="$bench_classes" org.springframework.boot.loader.launch.PropertiesLauncher)
}

bench_aot_launch() {
  bench_launch=(-XX:AOTCache="$1/broadsheet.aot" -cp "$1/broadsheet.jar:$bench_classes" news.broadsheet.BroadsheetApplication)
}

#!/usr/bin/env bash
# Builds every module and runs every test (unit and integration). This is the README's
# test command and what CI runs.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$JAVA_HOME/bin/javac" ]; then
  echo "test.sh: JDK 25 not found at $JAVA_HOME (set JAVA_HOME_25)" >&2
  exit 2
fi
cd "$root"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
exec mvn -B verify "$@"

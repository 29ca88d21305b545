# Sourced by ./mvnw before Maven starts. Atrium builds, tests and runs dev mode on JDK 25.
# When JAVA_HOME / `java` on PATH is older, Maven is started with a JDK 25 found on the machine
# (the Quarkus build step loads our classes, so it must run on 25 too; Maven toolchains then
# pick the same JDK for compiling, tests and dev mode). With no JDK 25 anywhere, stop at once
# and say what to install.
atrium_java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
atrium_is_jdk25() {
  [ -n "$1" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(atrium_java_version "$1")
  case "$v" in ''|1.*) return 1 ;; esac
  [ "$v" -ge 25 ] 2>/dev/null
}
atrium_find_jdk25() {
  path_java=$(command -v java 2>/dev/null || true)
  path_home=""
  [ -n "$path_java" ] && path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  # ATRIUM_JDK_SEARCH_DIRS replaces the usual install locations (used by the build's own test).
  # shellcheck disable=SC2086
  for home in "${JAVA_HOME:-}" "$path_home" ${ATRIUM_JDK_SEARCH_DIRS:-/usr/lib/jvm/* /opt/java/* $HOME/.jdks/* $HOME/.sdkman/candidates/java/*}; do
    if atrium_is_jdk25 "$home"; then
      echo "$home"
      return 0
    fi
  done
  return 1
}
if [ -z "${ATRIUM_SKIP_JDK_CHECK:-}" ]; then
  if atrium_jdk=$(atrium_find_jdk25); then
    JAVA_HOME="$atrium_jdk"
    export JAVA_HOME
  else
    cat >&2 <<'MSG'
ERROR: Atrium needs a JDK 25 (or newer) and none was found.
  Looked at: $JAVA_HOME, `java` on PATH, /usr/lib/jvm/*, /opt/java/*, ~/.jdks/*, ~/.sdkman/candidates/java/*.
  Install one, for example:  apt-get install temurin-25-jdk   (Adoptium's Debian repository)
                       or:  sdk install java 25-tem
  or point JAVA_HOME at an existing JDK 25.
MSG
    exit 1
  fi
fi

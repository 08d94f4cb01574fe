# Sourced by the bench scripts: a private nginx on 127.0.0.1 serving a 100-byte file.
#
# Everything it writes (config, pid file, logs, temp folders, the file it serves) stays under
# the folder it is given, and it runs with its own pid file, so the system's nginx, if any,
# is neither read nor touched. One worker process: on a 2-core machine the target gets one
# core and the load generator the other.

nginx_bin=""
nginx_dir=""
nginx_port=""

# Installs nginx and any other missing commands given as "command:package" pairs, with apt.
bench_install() {
  local missing=() pair
  for pair in "$@"; do
    if [ "${pair%%:*}" = nginx ]; then
      # Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
      nginx_bin="$(command -v nginx || true)"
      if [ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ]; then
        nginx_bin=/usr/sbin/nginx
      fi
      if [ -z "$nginx_bin" ]; then
        missing+=("${pair#*:}")
      fi
    elif [ ! -x "${pair%%:*}" ] && ! command -v "${pair%%:*}" >/dev/null; then
      missing+=("${pair#*:}")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "$(basename "$0"): needs ${missing[*]}; run as root to install them, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  echo "$(basename "$0"): installing ${missing[*]} with apt-get..." >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; then
    # A fresh machine has no package lists yet.
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
}

# A TCP port on 127.0.0.1 that nothing listens on (a connect to it is refused).
bench_free_port() {
  local port attempt
  for attempt in $(seq 1 100); do
    # Below the kernel's ephemeral range (32768+), where outgoing connections take their ports.
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "$(basename "$0"): no free port found on 127.0.0.1" >&2
  return 1
}

# Starts nginx in the folder $1. With $2 = "timed", logs each request's completion time
# (epoch seconds, millisecond resolution) to $1/arrivals.log; otherwise logs nothing.
# NGINX_CONNECTIONS (default 1024) is its worker's connection limit. With NGINX_TLS=1 it
# serves HTTPS with HTTP/2 (ALPN), on a self-signed certificate for 127.0.0.1 made with openssl
# in $1. Sets nginx_port.
nginx_start() {
  nginx_dir="$1"
  local access_log="off" user_line="" listen_extra="" tls_lines=""
  if [ "${2:-}" = timed ]; then
    access_log="$nginx_dir/arrivals.log arrival"
  fi
  if [ "${NGINX_TLS:-0}" = 1 ]; then
    mkdir -p "$nginx_dir"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$nginx_dir/key.pem" -out "$nginx_dir/cert.pem" 2>/dev/null
    # The listen syntax of nginx 1.22, which Debian ships.
    listen_extra=" ssl http2"
    tls_lines="ssl_certificate $nginx_dir/cert.pem; ssl_certificate_key $nginx_dir/key.pem;"
  fi
  # As root the workers would otherwise drop to nobody, who cannot read a private temp folder.
  if [ "$(id -u)" -eq 0 ]; then
    user_line="user root root;"
  fi
  mkdir -p "$nginx_dir/www" "$nginx_dir/temp"
  head -c 100 /dev/zero | tr '\0' 'x' > "$nginx_dir/www/100b.txt"
  nginx_port="$(bench_free_port)"
  cat > "$nginx_dir/nginx.conf" <<CONF
$user_line
worker_processes 1;
worker_rlimit_nofile $(( ${NGINX_CONNECTIONS:-1024} + 64 ));
daemon on;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events {
  worker_connections ${NGINX_CONNECTIONS:-1024};
}
http {
  log_format arrival '\$msec';
  access_log $access_log;
  keepalive_requests 100000000;
  keepalive_timeout 120s;
  client_body_temp_path $nginx_dir/temp/body;
  proxy_temp_path $nginx_dir/temp/proxy;
  fastcgi_temp_path $nginx_dir/temp/fastcgi;
  uwsgi_temp_path $nginx_dir/temp/uwsgi;
  scgi_temp_path $nginx_dir/temp/scgi;
  server {
    listen 127.0.0.1:$nginx_port$listen_extra;
    $tls_lines
    root $nginx_dir/www;
  }
}
CONF
  if ! "$nginx_bin" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log"; then
    echo "$(basename "$0"): nginx did not start; its log:" >&2
    cat "$nginx_dir/error.log" >&2 2>/dev/null || true
    return 1
  fi
  local attempt
  for attempt in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$(basename "$0"): nginx is not answering on 127.0.0.1:$nginx_port; its log:" >&2
  cat "$nginx_dir/error.log" >&2 2>/dev/null || true
  return 1
}

# Stops the nginx nginx_start started (by its own pid file) and waits for it to exit.
nginx_stop() {
  [ -n "$nginx_dir" ] && [ -f "$nginx_dir/nginx.pid" ] || return 0
  local pid attempt
  pid="$(cat "$nginx_dir/nginx.pid")"
  kill -TERM "$pid" 2>/dev/null || return 0
  for attempt in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# The launcher at $1, or a clear message and exit when it has not been built.
bench_require_launcher() {
  if [ ! -x "$1" ]; then
    echo "$(basename "$0"): no Fusillade launcher at $1." >&2
    echo "  Build it once from the repository root with: ./fusillade version" >&2
    echo "  (or point FUSILLADE at a built bin/fusillade)." >&2
    exit 2
  fi
}

# Writes "epoch-nanos cpu-ticks" (user + system, own threads only) of process $1 to $2 every
# 0.1 s until it exits, so CPU use can be read for a window of its life (e.g. just the test,
# without JVM start-up).
bench_sample_cpu() {
  local pid="$1" out="$2" stat fields
  while [ -r "/proc/$pid/stat" ]; do
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || break
    # Fields after the command name; utime and stime are the 14th and 15th of the line.
    read -r -a fields <<< "${stat##*) }"
    echo "$(date +%s%N) $((fields[11] + fields[12]))" >> "$out"
    sleep 0.1
  done
}

# CPU seconds process samples in $1 used between epoch nanos $2 and $3, interpolated linearly.
bench_cpu_between() {
  awk -v from="$2" -v to="$3" -v hz="$(getconf CLK_TCK)" '
    function at(t,   i) {
      if (t <= ts[1]) return ticks[1]
      for (i = 2; i <= n; i++) {
        if (t <= ts[i]) return ticks[i - 1] + (ticks[i] - ticks[i - 1]) * (t - ts[i - 1]) / (ts[i] - ts[i - 1])
      }
      return ticks[n]
    }
    { n++; ts[n] = $1; ticks[n] = $2 }
    END { if (n > 0) printf "%.2f", (at(to) - at(from)) / hz }' "$1"
}

# A temporary work folder in $work (name prefix $1), removed on exit together with the private
# nginx and the benchmarked process, if any: a script sets bench_pid to the pid of a run it
# started in the background (such a run ignores Ctrl-C, so it is stopped here by its pid).
bench_pid=""
bench_work() {
  work="$(mktemp -d -t "$1-XXXXXX")"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  if [ -n "$bench_pid" ] && kill -0 "$bench_pid" 2>/dev/null; then
    kill -TERM "$bench_pid" 2>/dev/null || true
    wait 2>/dev/null || true
  fi
  nginx_stop
  rm -rf "$work"
}

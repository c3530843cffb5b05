#!/usr/bin/env bash
# Checks the deployment examples as the tools that read them would: `nginx -t` on nginx.conf
# (with a throwaway certificate in place of the real one) and `systemd-analyze verify` on the
# unit. Part of `make test` (install-tools.sh installs nginx-light and systemd when missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=notikumi.example.lv \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s|/etc/letsencrypt/live/notikumi.example.lv/fullchain.pem|$work/cert.pem|" \
  -e "s|/etc/letsencrypt/live/notikumi.example.lv/privkey.pem|$work/key.pem|" \
  "$here/nginx.conf" > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http { access_log off; include $work/site.conf; }
CONF
nginx=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx" -q -t -c "$work/nginx.conf" -e "$work/error.log"
echo "deploy/nginx.conf: nginx accepts it"

# The unit names the installed binary; any executable stands in for it here.
sed "s|/usr/local/bin/notikumi|$(command -v true)|" "$here/notikumi.service" > "$work/notikumi.service"
found=$(systemd-analyze verify "$work/notikumi.service" 2>&1 || true)
if [ -n "$found" ]; then
  echo "deploy/notikumi.service: $found" >&2
  exit 1
fi
echo "deploy/notikumi.service: systemd accepts it"

#!/bin/sh
# The image's HEALTHCHECK: the app's actuator health on its management port, which is the
# server port for the services and a separate port for the gateway (see each application.yml).
# The same variables as the apps' own configuration decide the port, so an override moves both.
set -eu
case "${SERVICE:-}" in
  work-service)         port="${SITEWORK_WORK_PORT:-8081}" ;;
  context-service)      port="${SITEWORK_CONTEXT_PORT:-8082}" ;;
  notification-service) port="${SITEWORK_NOTIFICATION_PORT:-8083}" ;;
  gateway)              port="${SITEWORK_GATEWAY_MANAGEMENT_PORT:-8090}" ;;
  *) echo "unknown SERVICE '${SERVICE:-}'" >&2; exit 1 ;;
esac
exec curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${port}/actuator/health"

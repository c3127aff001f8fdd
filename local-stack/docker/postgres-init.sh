#!/usr/bin/env bash
# Creates one database and one login per service (docker-compose only; ./platform up does the same in Java).
set -euo pipefail
for db in users partners transactions risk; do
  var="DB_PASSWORD_${db^^}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
create role "$db" login password '${!var}';
create database "$db" owner "$db";
SQL
done

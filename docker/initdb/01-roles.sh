#!/bin/sh
# Runs once when the PostgreSQL container creates its data: the owner role that runs migrations and
# owns every table, the app role the API connects as (no table, no BYPASSRLS), and the database.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$UNIDOS_OWNER_PASSWORD" -v app_pw="$UNIDOS_APP_PASSWORD" <<'SQL'
CREATE ROLE unidos_owner LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'owner_pw';
CREATE ROLE unidos_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'app_pw';
CREATE DATABASE unidos OWNER unidos_owner;
SQL

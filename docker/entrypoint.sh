#!/bin/sh
# Migrate as the owner role, then start the API as the app role.
set -eu
node dist/apps/api/tools/db/migrate.js
exec node dist/apps/api/apps/api/src/main.js

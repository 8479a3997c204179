// The schema of <data_dir>/tactful.db and how an older database is brought up to date.
#pragma once

#include "sqlite_db.h"

namespace tactful::server {

// The schema version this build writes.
int schema_version();

// Applies every migration newer than the database's `schema_version` row, in order, in one
// transaction: a database is either wholly migrated or left as it was. Safe to call from
// several connections at once (BEGIN IMMEDIATE serializes them; the later ones find nothing
// to do). A database written by a newer tactful is refused rather than guessed at.
Result<void> migrate(Database& db);

}  // namespace tactful::server

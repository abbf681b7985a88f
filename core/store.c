/* core/store.c - the register's file, and what its statuses mean. */
#include "store.h"

#include "db/db.h"
#include "i18n.h"

enum db_status store_open(const char *path, const char *user, bool create, struct db **out, char **detail)
{
	return db_open(path, user, (create ? DB_OPEN_CREATE : 0) | DB_OPEN_READ_ONLY_OK, out, detail);
}

void store_close(struct db **db)
{
	db_close(db);
}

int store_schema_version(void)
{
	return db_schema_version();
}

bool store_is_empty(struct db *db)
{
	return db_is_empty(db);
}

enum db_status store_last_status(struct db *db)
{
	return db_last_status(db);
}

const char *store_status_text(enum db_status s)
{
	switch (s) {
	case DB_OK: return _("no error");
	case DB_ERR_CANTOPEN: return _("the file cannot be opened (no such directory, or no permission)");
	case DB_ERR_BADNAME: return _("this cannot be a database file name");
	case DB_ERR_READONLY: return _("the register's file cannot be written (check its permissions)");
	case DB_ERR_NOTDB: return _("the file is not a database");
	case DB_ERR_FOREIGN: return _("the file is the database of another program");
	case DB_ERR_NEWER: return _("the file was written by a newer juwei");
	case DB_ERR_BUSY: return _("the register is busy in another session; try again in a moment");
	case DB_ERR_CONFLICT: return _("someone else changed this record meanwhile");
	case DB_ERR_NOTFOUND: return _("the record is gone (deleted by another session)");
	case DB_ERR_DENIED: return _("this is not for your role");
	case DB_ERR_DAMAGED: return _("the register file is damaged; restore the newest backup");
	case DB_ERR_SQL: break;
	}
	return _("the database reported an error");
}

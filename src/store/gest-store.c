/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-store-private.h"

struct _GestStore
{
  GObject  parent_instance;

  sqlite3    *db;
  char       *path;
  char       *files_dir;
  gint64      busy_since;  /* when the current wait for another connection's lock began */
  GHashTable *statements;  /* SQL text → sqlite3_stmt, gest_store_prepare_cached () */
  GestStoreWriter *writer; /* gest_store_write_async (); created by the first save */
  GestUser   *user;        /* signed in (issue 12); NULL before */
  gboolean    migrated;    /* the schema is current: sync_session exists (migration 9) */
  gboolean    read_only;   /* PRAGMA query_only: the window's connection */
};

G_DEFINE_FINAL_TYPE (GestStore, gest_store, G_TYPE_OBJECT)

#define MIGRATIONS_PATH RESOURCE_BASE "/sql"

static void
gest_store_finalize (GObject *object)
{
  GestStore *self = (GestStore *)object;

  g_clear_pointer (&self->writer, gest_store_writer_free);
  g_clear_pointer (&self->user, gest_user_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->files_dir, g_free);

  G_OBJECT_CLASS (gest_store_parent_class)->finalize (object);
}

static void
gest_store_class_init (GestStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gest_store_finalize;
}

static void
gest_store_init (GestStore *self)
{
}

/* How long a statement waits for another connection's write (the sync applying a page). */
#define BUSY_TIMEOUT_USEC (5 * G_USEC_PER_SEC)

/* When a connection of this process last found the database locked by another (µs), and
 * which; compared only, never dereferenced. */
static GMutex          busy_lock;
static gint64          last_busy_poll;
static const GestStore *last_busy_poller;

/* SQLite's own handler sleeps in growing steps of up to 100 ms, so a save waiting for the
 * sync's transaction could sleep tens of milliseconds past its end (measured: 115 ms stalls
 * of the main loop behind 50 ms transactions). This one looks again every millisecond. */
static int
busy_cb (void *user_data,
         int   count)
{
  GestStore *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    self->busy_since = now;
  g_mutex_lock (&busy_lock);
  last_busy_poll = now;
  last_busy_poller = self;
  g_mutex_unlock (&busy_lock);
  if (now - self->busy_since >= BUSY_TIMEOUT_USEC)
    return 0;
  g_usleep (1000);
  return 1;
}

void
gest_store_let_waiting_writers_in (GestStore *self)
{
  gint64 polled;
  gboolean other;

  g_return_if_fail (GEST_IS_STORE (self));

  g_mutex_lock (&busy_lock);
  polled = last_busy_poll;
  other = last_busy_poller != self;
  g_mutex_unlock (&busy_lock);
  /* A waiting connection looks every millisecond: 2 ms give it its turn. */
  if (other && g_get_monotonic_time () - polled < 2000)
    g_usleep (2000);
}

GestStoreWriter *
gest_store_get_writer (GestStore *self)
{
  if (self->writer == NULL)
    self->writer = gest_store_writer_new (self->path);
  return self->writer;
}

char *
gest_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gestiona", "gestiona.db", NULL);
}

gboolean
gest_store_set_error (GestStore  *self,
                      GError    **error)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
               _("The database reported an error: %s"),
               self->db != NULL ? sqlite3_errmsg (self->db) : "?");
  return FALSE;
}

gboolean
gest_store_exec (GestStore   *self,
                 const char  *sql,
                 GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return gest_store_set_error (self, error);
  return TRUE;
}

sqlite3_stmt *
gest_store_prepare (GestStore   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (GEST_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      gest_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

sqlite3_stmt *
gest_store_prepare_cached (GestStore   *self,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GEST_IS_STORE (self), NULL);

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) sqlite3_finalize);
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      gest_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
gest_store_begin (GestStore  *self,
                  gboolean    immediate,
                  GError    **error)
{
  sqlite3_stmt *stmt;

  if (!gest_store_exec (self, immediate ? "BEGIN IMMEDIATE" : "BEGIN", error))
    return FALSE;
  if (!immediate || !self->migrated || self->read_only)
    return TRUE;
  /* Issue 12: the author of the outbox rows this transaction writes (migration 9's trigger
   * copies it into each), so the server can check the user's role. */
  stmt = gest_store_prepare_cached (self, "UPDATE sync_session SET login = ?1 WHERE one = 1", error);
  if (stmt == NULL)
    {
      gest_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, self->user != NULL ? self->user->login : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (self, error);
      sqlite3_reset (stmt);
      gest_store_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
gest_store_commit (GestStore  *self,
                   GError    **error)
{
  if (!gest_store_exec (self, "COMMIT", error))
    {
      gest_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
gest_store_rollback (GestStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
gest_store_set_read_only (GestStore  *self,
                          gboolean    read_only,
                          GError    **error)
{
  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);

  if (!gest_store_exec (self, read_only ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF", error))
    return FALSE;
  self->read_only = read_only;
  return TRUE;
}

gboolean
gest_store_begin_change (GestStore   *self,
                         const char  *name,
                         gboolean    *out_own,
                         GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && out_own != NULL, FALSE);

  *out_own = sqlite3_get_autocommit (self->db) != 0;
  if (*out_own)
    return gest_store_begin (self, TRUE, error);
  sql = g_strdup_printf ("SAVEPOINT %s", name);
  return gest_store_exec (self, sql, error);
}

gboolean
gest_store_end_change (GestStore   *self,
                       const char  *name,
                       gboolean     own,
                       gboolean     ok,
                       GError     **error)
{
  g_autofree char *release = NULL;
  g_autofree char *undo = NULL;

  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (own)
    {
      if (ok && gest_store_commit (self, error))
        return TRUE;
      gest_store_rollback (self);
      return FALSE;
    }
  release = g_strdup_printf ("RELEASE %s", name);
  if (ok && gest_store_exec (self, release, error))
    return TRUE;
  /* The caller's transaction stays open; only this change is undone. */
  undo = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", name, name);
  gest_store_exec (self, undo, NULL);
  return FALSE;
}

static int
query_int (GestStore  *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

int
gest_store_get_schema_version (GestStore *self)
{
  return query_int (self, "PRAGMA user_version");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are the resource files sql/NNNN-*.sql, sorted by number. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_isdigit (names[i][0]))
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

int
gest_store_latest_schema_version (void)
{
  g_autoptr(GPtrArray) list = list_migrations ();

  if (list->len == 0)
    return 0;
  return atoi (g_ptr_array_index (list, list->len - 1));
}

static gboolean
migrate (GestStore  *self,
         GError    **error)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  int current = gest_store_get_schema_version (self);
  int latest = gest_store_latest_schema_version ();

  if (current > latest)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NEWER_SCHEMA,
                   _("The database “%s” was made by a newer version of Gestiona (schema %d; this "
                     "version knows up to %d). Update Gestiona to open it; the file was not changed."),
                   self->path, current, latest);
      return FALSE;
    }
  if (current == latest)
    return TRUE;

  if (!gest_store_begin (self, TRUE, error))
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      int number = atoi (name);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;
      char *errmsg = NULL;

      if (number <= current)
        continue;

      path = g_strdup_printf ("%s/%s", MIGRATIONS_PATH, name);
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        {
          gest_store_rollback (self);
          return FALSE;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", number);

      if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK ||
          sqlite3_exec (self->db, pragma, NULL, NULL, &errmsg) != SQLITE_OK)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                       _("Could not upgrade the database with “%s”: %s. Nothing was changed."),
                       name, errmsg != NULL ? errmsg : "?");
          sqlite3_free (errmsg);
          gest_store_rollback (self);
          return FALSE;
        }
    }

  return gest_store_commit (self, error);
}

static GestStore *
not_a_file_error (const char  *path,
                  GError     **error)
{
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("“%s” is a folder, not a database file. Give the path of the database file "
                 "itself (for example %s/gestiona.db)."),
               path, path);
  return NULL;
}

/* Issue 16.9: why a database could not be read or written, in words that help: a folder or
 * file Gestiona may not write to is not a damaged database. */
static void
open_error (GestStore  *self,
            const char *dir,
            GError    **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                 _("The file “%s” is not a Gestiona database or is damaged."), self->path);
  else if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM ||
           code == SQLITE_AUTH || sqlite3_db_readonly (self->db, "main") == 1 ||
           g_access (dir, W_OK) != 0)
    g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                 _("Gestiona cannot write the database “%s”: the file or its folder “%s” is "
                   "read-only for this user (SQLite: %s). Open it from a folder you may write "
                   "in, or ask for write permission."),
                 self->path, dir, sqlite3_errmsg (self->db));
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                 _("Could not read the database “%s”: %s. Check the disk and the file."),
                 self->path, sqlite3_errmsg (self->db));
}

GestStore *
gest_store_open_existing (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return not_a_file_error (path, error);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no database at “%s”. Check the path; a new database is made only "
                     "by “gestiona-cli init” or when Gestiona starts for the first time."),
                   path);
      return NULL;
    }
  return gest_store_open (path, error);
}

GestStore *
gest_store_open (const char  *path,
                 GError     **error)
{
  g_autoptr(GestStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GEST_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->files_dir = g_strdup_printf ("%s/%s.files", dir, base);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return not_a_file_error (path, error);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not create the folder “%s”: %s. Check that you may write there."),
                   dir, g_strerror (saved));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not open the database “%s”: %s."),
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_handler (self->db, busy_cb, self);
  sqlite3_extended_result_codes (self->db, 1);

  /* Refuse a newer schema before changing anything, journal mode included. */
  if (gest_store_get_schema_version (self) < 0)
    {
      open_error (self, dir, error);
      return NULL;
    }
  if (gest_store_get_schema_version (self) > gest_store_latest_schema_version ())
    {
      migrate (self, error);
      return NULL;
    }

  if (!gest_store_exec (self,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA temp_store = MEMORY;"
                        /* Board cards read rows all over the file: map it rather than read(). */
                        "PRAGMA mmap_size = 268435456;",
                        NULL) ||
      sqlite3_db_readonly (self->db, "main") == 1)
    {
      open_error (self, dir, error);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;
  self->migrated = TRUE;

  return g_steal_pointer (&self);
}

const char *
gest_store_get_path (GestStore *self)
{
  g_return_val_if_fail (GEST_IS_STORE (self), NULL);
  return self->path;
}

const char *
gest_store_get_files_dir (GestStore *self)
{
  g_return_val_if_fail (GEST_IS_STORE (self), NULL);
  return self->files_dir;
}

sqlite3 *
gest_store_get_db (GestStore *self)
{
  g_return_val_if_fail (GEST_IS_STORE (self), NULL);
  return self->db;
}

char *
gest_store_get_value (GestStore  *self,
                      const char *table,
                      const char *key)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (GEST_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  sql = g_strdup_printf ("SELECT value FROM %s WHERE key = ?1", table);
  stmt = gest_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

gboolean
gest_store_set_value (GestStore   *self,
                      const char  *table,
                      gboolean     stamped,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (value == NULL)
    sql = g_strdup_printf ("DELETE FROM %s WHERE key = ?1", table);
  else if (stamped)
    sql = g_strdup_printf ("INSERT INTO %s (key, value, updated_at) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                           "updated_at = excluded.updated_at",
                           table);
  else
    sql = g_strdup_printf ("INSERT INTO %s (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           table);
  stmt = gest_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (value != NULL && stamped)
    sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    gest_store_set_error (self, error);
  sqlite3_finalize (stmt);
  return ok;
}

char *
gest_store_get_setting (GestStore  *self,
                        const char *key)
{
  return gest_store_get_value (self, "settings", key);
}

gboolean
gest_store_set_setting (GestStore   *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  /* Issue 12: the T2 thresholds and areas are the routing permission's, however they are
   * saved (gest_store_save_routing_settings(), or one key from the preferences). */
  if (key != NULL && g_str_has_prefix (key, "routing.") &&
      !gest_store_check_permission (self, GEST_PERMISSION_ROUTING_SETTINGS, error))
    return FALSE;
  /* The dealer's identity, its outgoing mail and the documents' limits are the general
   * manager's (the keys the preferences save; the sync's own keys are set by the sync). */
  if (key != NULL &&
      (g_str_has_prefix (key, "dealer.") || g_str_has_prefix (key, "smtp.") ||
       g_str_has_prefix (key, "documents.") || g_str_has_prefix (key, "calendar.") ||
       g_str_equal (key, "conauto.documents-email")) &&
      !gest_store_check_permission (self, GEST_PERMISSION_DEALER_SETTINGS, error))
    return FALSE;
  return gest_store_set_value (self, "settings", TRUE, key, value, error);
}

void
gest_store_set_user (GestStore *self,
                     GestUser  *user)
{
  g_return_if_fail (GEST_IS_STORE (self));

  if (user != NULL)
    gest_user_ref (user);
  g_clear_pointer (&self->user, gest_user_unref);
  self->user = user;
}

GestUser *
gest_store_get_user (GestStore *self)
{
  g_return_val_if_fail (GEST_IS_STORE (self), NULL);

  return self->user;
}

gboolean
gest_store_has_users (GestStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);

  stmt = gest_store_prepare (self,
                             "SELECT EXISTS (SELECT 1 FROM users WHERE deleted = 0 AND active = 1 "
                             "AND login <> '' AND password_hash <> '')",
                             NULL);
  /* A store that cannot answer has users, so nothing is allowed by mistake. */
  return stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
}

gboolean
gest_store_check_permission (GestStore   *self,
                             const char  *permission,
                             GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->user != NULL)
    return gest_permission_check (self->user->role, self->user->name, permission, error);
  if (!gest_store_has_users (self))
    return TRUE;
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_PERMISSION,
                       _("Nobody is signed in. Sign in (in the command line, with --user LOGIN) "
                         "and try again."));
  return FALSE;
}

char *
gest_store_get_user_name (GestStore *self)
{
  char *name;

  if (self->user != NULL)
    return g_strdup (self->user->name);
  name = gest_store_get_setting (self, "user.name");

  if (name == NULL || name[0] == '\0')
    {
      /* Data, not UI text: it is written into records, so it must not depend on the locale. */
      g_free (name);
      return g_strdup ("Usuario");
    }
  return name;
}

GestRole
gest_store_get_user_role (GestStore *self)
{
  g_autofree char *id = NULL;
  GestRole role;

  if (self->user != NULL)
    return self->user->role;
  id = gest_store_get_setting (self, "user.role");
  if (id != NULL && gest_role_from_id (id, &role))
    return role;
  return GEST_ROLE_GENERAL_MANAGER;
}

char *
gest_uuid_new (void)
{
  return g_uuid_string_random ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "gest-activity-log.h"
#include "gest-cli-private.h"
#include "gest-demo.h"

/* The user_version of an existing database file, read without writing to it; -1 when it
 * cannot be read (gest_store_open() will then say why). */
static int
peek_schema_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* SELECT count(*) style query with one integer column; -1 on error. */
static gint64
query_count (GestStore  *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, &error);
  gint64 count = -1;

  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gboolean
parse_no_arguments (const char    *summary,
                    int            argc,
                    char         **argv,
                    int           *status)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;

  if (!gest_cli_parse (NULL, summary, NULL, argc, argv, &rest, &error))
    {
      *status = gest_cli_fail (error);
      return FALSE;
    }
  if (rest[0] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s takes no arguments."), argv[0]);

      *status = gest_cli_usage (message);
      return FALSE;
    }
  return TRUE;
}

int
gest_cli_init (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *path = db_path != NULL ? g_strdup (db_path) : gest_store_default_path ();
  gboolean existed;
  int before = -1;
  int after;
  int status;

  if (!parse_no_arguments (_("Creates the database, or brings an older one up to date, and prints its schema version."),
                           argc, argv, &status))
    return status;

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (existed)
    before = peek_schema_version (path);

  store = gest_store_open (path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  after = gest_store_get_schema_version (store);
  if (!existed)
    g_print (_("Created %s with schema version %d.\n"), path, after);
  else if (before >= 0 && before < after)
    g_print (_("Updated %s from schema version %d to %d.\n"), path, before, after);
  else
    g_print (_("%s is up to date: schema version %d.\n"), path, after);
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_demo (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *seed_text = NULL;
  g_auto(GStrv) rest = NULL;
  guint64 scale;
  guint64 seed = 1;
  gint64 start;
  double seconds;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text, N_("How many customers, each with a vehicle and a plan"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("The same seed gives the same data (default 1)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse (NULL,
                       _("Fills an empty database with demonstration customers, vehicles, plans and trámites."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return gest_cli_usage (_("demo takes no positional arguments. Usage: gestiona-cli demo --scale N [--seed S]"));
  if (scale_text == NULL)
    return gest_cli_usage (_("demo needs --scale N, the number of customers to create."));
  if (!g_ascii_string_to_unsigned (scale_text, 10, 1, G_MAXUINT, &scale, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--scale needs a whole number from 1 to %u, not “%s”."), G_MAXUINT, scale_text);

      return gest_cli_usage (message);
    }
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--seed needs a whole number from 0 to %u, not “%s”."), G_MAXUINT32, seed_text);

      return gest_cli_usage (message);
    }

  /* Like init, demo may make a new database: it is how one is made to try Gestiona. */
  {
    g_autofree char *path = db_path != NULL ? g_strdup (db_path) : gest_store_default_path ();

    store = gest_store_open (path, &error);
  }
  if (store == NULL)
    return gest_cli_fail (error);

  start = g_get_monotonic_time ();
  if (!gest_demo_fill (store, (guint) scale, (guint32) seed, NULL, &error))
    return gest_cli_fail (error);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

  g_print (_("Customers: %d\n"), (int) query_count (store, "SELECT count(*) FROM customers"));
  g_print (_("Vehicles: %d\n"), (int) query_count (store, "SELECT count(*) FROM vehicles"));
  g_print (_("Plans: %d\n"), (int) query_count (store, "SELECT count(*) FROM plans"));
  g_print (_("Trámites: %d\n"), (int) query_count (store, "SELECT count(*) FROM tramites"));
  /* TRANSLATORS: %d users, each of one role, and the password they all share. */
  g_print (_("Users: %d, one of each role, password “%s” (gestiona-cli user list)\n"),
           (int) query_count (store, "SELECT count(*) FROM users WHERE login <> ''"), GEST_DEMO_PASSWORD);
  g_print (_("Seed: %u\n"), (guint) seed);
  g_print (_("Time: %.2f s\n"), seconds);
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_verify_log (const char  *db_path,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *entries_text = NULL;
  g_autofree char *records_text = NULL;
  gint64 entries;
  gint64 records;
  int status;

  if (!parse_no_arguments (_("Checks the hash chain of every record’s activity log (X5). Exit status 1 when an entry was altered."),
                           argc, argv, &status))
    return status;

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  if (!gest_activity_log_verify (store, NULL, &error))
    {
      if (!g_error_matches (error, GEST_ERROR, GEST_ERROR_TAMPERED))
        return gest_cli_fail (error);
      /* A fixed word first, for scripts, like `check`. */
      g_print ("tampered: %s\n", error->message);
      return GEST_CLI_EXIT_REFUSED;
    }

  entries = query_count (store, "SELECT count(*) FROM activity");
  records = query_count (store, "SELECT count(DISTINCT record_uuid) FROM activity");
  entries_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry", "%d entries", (gulong) entries),
                                  (int) entries);
  records_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d record", "%d records", (gulong) records),
                                  (int) records);
  /* A fixed word first, for scripts, like `check`. */
  g_print ("ok: ");
  /* TRANSLATORS: the %s are “12 entries” and “3 records”. */
  g_print (_("the activity log verifies, %s in %s.\n"), entries_text, records_text);
  return GEST_CLI_EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "gest-error.h"
#include "gest-server-db.h"
#include "gest-server-migrate.h"

#define SQL_PATH "/io/github/gestiona/Server/sql/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
apply_file (PGconn      *conn,
            const char  *name,
            guint64      version,
            GError     **error)
{
  g_autofree char *path = g_strconcat (SQL_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *sql = NULL;
  g_autofree char *version_text = NULL;
  g_autoptr(PGresult) res = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Several statements: the simple query protocol. */
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQresultErrorMessage (res)));

      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("Migration %s failed: %s"), name, message);
      return FALSE;
    }
  g_clear_pointer (&res, PQclear);

  version_text = g_strdup_printf ("%" G_GUINT64_FORMAT, version);
  res = gest_pg_query (conn, error, "INSERT INTO schema_version (version, name) VALUES ($1, $2)",
                       2, version_text, name);
  return res != NULL;
}

int
gest_server_migrate (PGconn  *conn,
                     GError **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SQL_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(PGresult) res = NULL;
  guint64 current = 0;
  guint64 last = 0;

  if (names == NULL)
    return -1;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  if (!gest_pg_begin (conn, error)
      || !gest_pg_exec (conn, error,
                        "CREATE TABLE IF NOT EXISTS schema_version ("
                        "  version     integer PRIMARY KEY,"
                        "  name        text NOT NULL,"
                        "  applied_at  timestamptz NOT NULL DEFAULT now ())")
      /* Two migrate runs at once: the second waits, then sees what the first applied. */
      || !gest_pg_exec (conn, error, "LOCK TABLE schema_version IN EXCLUSIVE MODE"))
    goto fail;

  res = gest_pg_query (conn, error, "SELECT coalesce (max (version), 0) FROM schema_version", 0);
  if (res == NULL)
    goto fail;
  current = g_ascii_strtoull (PQgetvalue (res, 0, 0), NULL, 10);
  last = current;

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint64 version = 0;
      g_autofree char *number = g_strndup (names[i], 4);

      if (!g_str_has_suffix (names[i], ".sql")
          || !g_ascii_string_to_unsigned (number, 10, 1, 9999, &version, NULL))
        continue;
      if (version <= current)
        continue;
      if (!apply_file (conn, names[i], version, error))
        goto fail;
      g_print (_("Applied %s\n"), names[i]);
      last = version;
    }

  if (!gest_pg_commit (conn, error))
    goto fail;
  return (int) last;

fail:
  gest_pg_rollback (conn);
  return -1;
}

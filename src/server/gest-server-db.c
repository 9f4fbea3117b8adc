/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-server-db.h"

PGconn *
gest_pg_connect (const char  *conninfo,
                 GError     **error)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not connect to PostgreSQL: %s. Check the pg setting (GESTIONA_SERVER_PG)."),
                   message);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

PGresult *
gest_pg_query_params (PGconn             *conn,
                      GError            **error,
                      const char         *sql,
                      int                 n_params,
                      const char * const *values,
                      const int          *lengths,
                      const int          *formats)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, values, lengths, formats, 0);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      const char *message = PQresultErrorMessage (res);
      g_autofree char *stripped = g_strstrip (g_strdup (message != NULL && *message != '\0'
                                                        ? message : PQerrorMessage (conn)));

      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("Database error: %s"), stripped);
      PQclear (res);
      return NULL;
    }
  return res;
}

PGresult *
gest_pg_query (PGconn      *conn,
               GError     **error,
               const char  *sql,
               int          n_params,
               ...)
{
  const char *values[16];
  va_list ap;

  g_assert (n_params >= 0 && n_params <= (int) G_N_ELEMENTS (values));
  va_start (ap, n_params);
  for (int i = 0; i < n_params; i++)
    values[i] = va_arg (ap, const char *);
  va_end (ap);

  return gest_pg_query_params (conn, error, sql, n_params, values, NULL, NULL);
}

gboolean
gest_pg_exec (PGconn      *conn,
              GError     **error,
              const char  *sql)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error, sql, 0);

  return res != NULL;
}

gboolean
gest_pg_begin (PGconn  *conn,
               GError **error)
{
  return gest_pg_exec (conn, error, "BEGIN");
}

gboolean
gest_pg_commit (PGconn  *conn,
                GError **error)
{
  return gest_pg_exec (conn, error, "COMMIT");
}

void
gest_pg_rollback (PGconn *conn)
{
  PQclear (PQexec (conn, "ROLLBACK"));
}

gboolean
gest_pg_set_dealer (PGconn      *conn,
                    const char  *dealer_id,
                    GError     **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error,
                                           "SELECT set_config ('gestiona.dealer', $1, true)",
                                           1, dealer_id);

  return res != NULL;
}

gboolean
gest_pg_begin_dealer (PGconn      *conn,
                      const char  *dealer_id,
                      GError     **error)
{
  if (!gest_pg_begin (conn, error))
    return FALSE;
  if (!gest_pg_set_dealer (conn, dealer_id, error))
    {
      gest_pg_rollback (conn);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_pg_next_seq (PGconn      *conn,
                  const char  *dealer_id,
                  gint64      *out_seq,
                  GError     **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error,
                                           "UPDATE dealers SET last_seq = last_seq + 1"
                                           " WHERE id = $1 RETURNING last_seq",
                                           1, dealer_id);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no dealer %s: create it with gestiona-server admin create-dealer."),
                   dealer_id);
      return FALSE;
    }
  *out_seq = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  return TRUE;
}

char *
gest_sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

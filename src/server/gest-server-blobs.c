/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-server-db.h"
#include "gest-server-request.h"

/* Resumable, content-addressed uploads: HEAD says how far the server is, PATCH appends at
 * exactly that offset, and the last byte triggers the SHA-256 check that makes it visible. */

static gboolean
sha256_valid (const char *sha256)
{
  if (strlen (sha256) != 64)
    return FALSE;
  for (const char *p = sha256; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static void
set_progress (GestServerRequest *req,
              const char        *offset,
              const char        *length,
              gboolean           complete)
{
  gest_server_request_header (req, "Upload-Offset", offset);
  gest_server_request_header (req, "Upload-Length", length);
  gest_server_request_header (req, "Upload-Complete", complete ? "1" : "0");
}

static void
db_failed (GestServerRequest *req,
           PGconn            *conn,
           GError            *error)
{
  gest_pg_rollback (conn);
  g_warning ("blob: %s", error != NULL ? error->message : "?");
  gest_server_request_error (req, 503, _("The server could not store or read the document; try again later."));
}

static void
handle_head (GestServerRequest *req,
             PGconn            *conn,
             const char        *sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  if (!gest_pg_begin_dealer (conn, req->dealer_id, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  res = gest_pg_query (conn, &error,
                       "SELECT size, received, complete FROM blobs WHERE dealer_id = $1 AND sha256 = $2",
                       2, req->dealer_id, sha256);
  if (res == NULL || !gest_pg_commit (conn, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  if (PQntuples (res) == 0)
    {
      gest_server_request_error (req, 404, _("The server has no part of document %s: upload it with PATCH from offset 0."),
                                 sha256);
      return;
    }
  set_progress (req, PQgetvalue (res, 0, 1), PQgetvalue (res, 0, 0), g_str_equal (PQgetvalue (res, 0, 2), "t"));
  req->status = 200;
}

static void
handle_get (GestServerRequest *req,
            PGconn            *conn,
            const char        *sha256)
{
  const char *values[] = { req->dealer_id, sha256 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  if (!gest_pg_begin_dealer (conn, req->dealer_id, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  res = PQexecParams (conn, "SELECT data FROM blobs WHERE dealer_id = $1 AND sha256 = $2 AND complete",
                      2, NULL, values, NULL, NULL, 1);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (res));
      {
        db_failed (req, conn, error);
        return;
      }
    }
  if (!gest_pg_commit (conn, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  if (PQntuples (res) == 0)
    {
      gest_server_request_error (req, 404, _("The server has no complete document %s."), sha256);
      return;
    }
  req->status = 200;
  req->content_type = g_strdup ("application/octet-stream");
  req->response = g_bytes_new (PQgetvalue (res, 0, 0), PQgetlength (res, 0, 0));
}

static gboolean
parse_header_int (GestServerRequest *req,
                  const char        *name,
                  const char        *value,
                  gint64            *out)
{
  guint64 n = 0;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &n, NULL))
    {
      gest_server_request_error (req, 400, _("PATCH needs the header %s with a whole number of bytes."), name);
      return FALSE;
    }
  *out = (gint64) n;
  return TRUE;
}

static void
handle_patch (GestServerRequest *req,
              PGconn            *conn,
              const char        *sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *length_text = NULL;
  g_autofree char *received_text = NULL;
  gint64 offset = 0, length = 0, size, received;
  gsize chunk_len = 0;
  const char *chunk = g_bytes_get_data (req->body, &chunk_len);

  if (!parse_header_int (req, "Upload-Offset", req->upload_offset, &offset)
      || !parse_header_int (req, "Upload-Length", req->upload_length, &length))
    return;
  if (length > req->config->max_blob)
    {
      gest_server_request_error (req, 413, _("The document has %lld bytes, more than this server's limit of %lld."),
                                 (long long) length, (long long) req->config->max_blob);
      return;
    }

  length_text = g_strdup_printf ("%" G_GINT64_FORMAT, length);
  if (!gest_pg_begin_dealer (conn, req->dealer_id, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  res = gest_pg_query (conn, &error,
                       "INSERT INTO blobs (dealer_id, sha256, size) VALUES ($1, $2, $3)"
                       " ON CONFLICT (dealer_id, sha256) DO NOTHING",
                       3, req->dealer_id, sha256, length_text);
  if (res == NULL)
    {
      db_failed (req, conn, error);
      return;
    }
  g_clear_pointer (&res, PQclear);
  res = gest_pg_query (conn, &error,
                       "SELECT size, received, complete FROM blobs"
                       " WHERE dealer_id = $1 AND sha256 = $2 FOR UPDATE",
                       2, req->dealer_id, sha256);
  if (res == NULL || PQntuples (res) != 1)
    {
      db_failed (req, conn, error);
      return;
    }
  size = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  received = g_ascii_strtoll (PQgetvalue (res, 0, 1), NULL, 10);

  if (g_str_equal (PQgetvalue (res, 0, 2), "t"))
    {
      gest_pg_rollback (conn);
      set_progress (req, PQgetvalue (res, 0, 0), PQgetvalue (res, 0, 0), TRUE);
      req->status = 200;
      return;
    }
  if (size != length)
    {
      gest_pg_rollback (conn);
      gest_server_request_error (req, 400, _("Upload-Length is %lld but the upload in progress is %lld bytes long."),
                                 (long long) length, (long long) size);
      return;
    }
  if (offset != received)
    {
      gest_pg_rollback (conn);
      set_progress (req, PQgetvalue (res, 0, 1), PQgetvalue (res, 0, 0), FALSE);
      gest_server_request_error (req, 409, _("The server has %lld bytes of this document, not %lld: send from offset %lld."),
                                 (long long) received, (long long) offset, (long long) received);
      return;
    }
  if (received + (gint64) chunk_len > size)
    {
      gest_pg_rollback (conn);
      gest_server_request_error (req, 400, _("The body goes past Upload-Length (%lld bytes)."), (long long) size);
      return;
    }

  if (chunk_len > 0)
    {
      const char *values[] = { req->dealer_id, sha256, chunk };
      int lengths[] = { 0, 0, (int) chunk_len };
      int formats[] = { 0, 0, 1 };

      g_clear_pointer (&res, PQclear);
      res = gest_pg_query_params (conn, &error,
                                  "UPDATE blobs SET data = data || $3::bytea, received = received + length ($3::bytea)"
                                  " WHERE dealer_id = $1 AND sha256 = $2",
                                  3, values, lengths, formats);
      if (res == NULL)
        {
          db_failed (req, conn, error);
          return;
        }
    }
  received += chunk_len;
  received_text = g_strdup_printf ("%" G_GINT64_FORMAT, received);

  if (received == size)
    {
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query (conn, &error,
                           "SELECT encode (sha256 (data), 'hex') FROM blobs WHERE dealer_id = $1 AND sha256 = $2",
                           2, req->dealer_id, sha256);
      if (res == NULL)
        {
          db_failed (req, conn, error);
          return;
        }
      if (!g_str_equal (PQgetvalue (res, 0, 0), sha256))
        {
          g_autofree char *actual = g_strdup (PQgetvalue (res, 0, 0));

          g_clear_pointer (&res, PQclear);
          res = gest_pg_query (conn, &error, "DELETE FROM blobs WHERE dealer_id = $1 AND sha256 = $2",
                               2, req->dealer_id, sha256);
          if (res == NULL || !gest_pg_commit (conn, &error))
            {
              db_failed (req, conn, error);
              return;
            }
          gest_server_request_error (req, 422, _("The uploaded bytes have SHA-256 %s, not %s: the upload was discarded; upload the document again from offset 0."),
                                     actual, sha256);
          return;
        }
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query (conn, &error, "UPDATE blobs SET complete = true WHERE dealer_id = $1 AND sha256 = $2",
                           2, req->dealer_id, sha256);
      if (res == NULL)
        {
          db_failed (req, conn, error);
          return;
        }
    }
  if (!gest_pg_commit (conn, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  set_progress (req, received_text, length_text, received == size);
  req->status = 200;
}

void
gest_server_handle_blob (GestServerRequest *req,
                         PGconn            *conn,
                         const char        *sha256)
{
  if (!sha256_valid (sha256))
    {
      gest_server_request_error (req, 400, _("“%s” is not a SHA-256: documents are named by 64 lower-case hexadecimal digits."),
                                 sha256);
      return;
    }
  if (g_str_equal (req->method, "HEAD"))
    handle_head (req, conn, sha256);
  else if (g_str_equal (req->method, "GET"))
    handle_get (req, conn, sha256);
  else if (g_str_equal (req->method, "PATCH"))
    handle_patch (req, conn, sha256);
  else
    gest_server_request_error (req, 405, _("Documents take HEAD, PATCH and GET."));
}

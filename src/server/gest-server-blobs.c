/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-server-db.h"
#include "gest-server-request.h"
#include "gest-server-sha256.h"

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

/* The parts in order, one row at a time (single-row mode), into one buffer of the
 * document's size: the memory is the document plus one part. */
static GBytes *
read_parts (PGconn      *conn,
            const char  *dealer_id,
            const char  *sha256,
            gint64       size,
            GError     **error)
{
  const char *values[] = { dealer_id, sha256 };
  g_autoptr(GByteArray) out = NULL;
  gboolean ok = TRUE;
  PGresult *res;

  if (size < 0 || (guint64) size > G_MAXUINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "blob %s: %" G_GINT64_FORMAT " bytes is too large to send",
                   sha256, size);
      return NULL;
    }
  out = g_byte_array_sized_new ((guint) size);

  if (!PQsendQueryParams (conn, "SELECT start, data FROM blob_parts WHERE dealer_id = $1 AND sha256 = $2 ORDER BY start",
                          2, NULL, values, NULL, NULL, 1) ||
      !PQsetSingleRowMode (conn))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQerrorMessage (conn));
      return NULL;
    }
  while ((res = PQgetResult (conn)) != NULL)
    {
      if (PQresultStatus (res) == PGRES_SINGLE_TUPLE && ok)
        {
          /* Binary bigint: 8 bytes, network order. */
          const guint8 *start = (const guint8 *) PQgetvalue (res, 0, 0);
          guint64 offset = 0;

          for (int i = 0; i < 8; i++)
            offset = offset << 8 | start[i];
          if (offset != out->len || out->len + (guint64) PQgetlength (res, 0, 1) > (guint64) size)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "blob %s: part at %" G_GUINT64_FORMAT
                           " does not follow the %u bytes before it", sha256, offset, out->len);
              ok = FALSE;
            }
          else
            g_byte_array_append (out, (const guint8 *) PQgetvalue (res, 0, 1), PQgetlength (res, 0, 1));
        }
      else if (PQresultStatus (res) != PGRES_TUPLES_OK && PQresultStatus (res) != PGRES_SINGLE_TUPLE && ok)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (res));
          ok = FALSE;
        }
      PQclear (res);
    }
  if (ok && out->len != (guint64) size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "blob %s: the parts have %u of %" G_GINT64_FORMAT " bytes",
                   sha256, out->len, size);
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
handle_get (GestServerRequest *req,
            PGconn            *conn,
            const char        *sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!gest_pg_begin_dealer (conn, req->dealer_id, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  res = gest_pg_query (conn, &error, "SELECT size FROM blobs WHERE dealer_id = $1 AND sha256 = $2 AND complete",
                       2, req->dealer_id, sha256);
  if (res == NULL)
    {
      db_failed (req, conn, error);
      return;
    }
  if (PQntuples (res) == 0)
    {
      gest_pg_rollback (conn);
      gest_server_request_error (req, 404, _("The server has no complete document %s."), sha256);
      return;
    }
  bytes = read_parts (conn, req->dealer_id, sha256, g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10), &error);
  if (bytes == NULL || !gest_pg_commit (conn, &error))
    {
      db_failed (req, conn, error);
      return;
    }
  req->status = 200;
  req->content_type = g_strdup ("application/octet-stream");
  req->response = g_steal_pointer (&bytes);
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

/* Drops the upload and its parts (its hash did not match). */
static gboolean
discard_upload (PGconn      *conn,
                const char  *dealer_id,
                const char  *sha256,
                GError     **error)
{
  g_autoptr(PGresult) parts = gest_pg_query (conn, error, "DELETE FROM blob_parts WHERE dealer_id = $1 AND sha256 = $2",
                                             2, dealer_id, sha256);
  g_autoptr(PGresult) blob = NULL;

  if (parts == NULL)
    return FALSE;
  blob = gest_pg_query (conn, error, "DELETE FROM blobs WHERE dealer_id = $1 AND sha256 = $2", 2, dealer_id, sha256);
  return blob != NULL;
}

/* Each chunk is one row of blob_parts and the SHA-256 state of the bytes so far is kept with
 * the upload (#16.8): a part costs the same whatever came before it. */
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
  GestSha256 hash;
  guint8 state[GEST_SHA256_STATE_MAX];
  gsize state_len;
  char actual[65];

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
                       "SELECT size, received, complete, encode (hash_state, 'hex') FROM blobs"
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

  /* The hash of the bytes before this part. */
  gest_sha256_init (&hash);
  if (received > 0)
    {
      const char *hex = PQgetvalue (res, 0, 3);
      gsize hex_len = strlen (hex);
      gboolean restored = hex_len % 2 == 0 && hex_len / 2 <= sizeof state;

      for (gsize i = 0; restored && i < hex_len / 2; i++)
        {
          int hi = g_ascii_xdigit_value (hex[2 * i]), lo = g_ascii_xdigit_value (hex[2 * i + 1]);

          restored = hi >= 0 && lo >= 0;
          state[i] = (guint8) (hi << 4 | lo);
        }
      if (!restored || !gest_sha256_restore (&hash, state, hex_len / 2) || gest_sha256_length (&hash) != (guint64) received)
        {
          /* Cannot happen short of damage: start the upload again. */
          g_warning ("blob %s: the hash state of the upload is damaged; it starts again", sha256);
          if (!discard_upload (conn, req->dealer_id, sha256, &error) || !gest_pg_commit (conn, &error))
            {
              db_failed (req, conn, error);
              return;
            }
          set_progress (req, "0", length_text, FALSE);
          gest_server_request_error (req, 409, _("The server has %lld bytes of this document, not %lld: send from offset %lld."),
                                     0LL, (long long) offset, 0LL);
          return;
        }
    }

  if (chunk_len > 0)
    {
      g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, received);
      const char *values[] = { req->dealer_id, sha256, start, chunk };
      int lengths[] = { 0, 0, 0, (int) chunk_len };
      int formats[] = { 0, 0, 0, 1 };

      gest_sha256_update (&hash, (const guint8 *) chunk, chunk_len);
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query_params (conn, &error,
                                  "INSERT INTO blob_parts (dealer_id, sha256, start, data) VALUES ($1, $2, $3, $4)",
                                  4, values, lengths, formats);
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
      gest_sha256_finish (&hash, actual);
      if (!g_str_equal (actual, sha256))
        {
          if (!discard_upload (conn, req->dealer_id, sha256, &error) || !gest_pg_commit (conn, &error))
            {
              db_failed (req, conn, error);
              return;
            }
          gest_server_request_error (req, 422, _("The uploaded bytes have SHA-256 %s, not %s: the upload was discarded; upload the document again from offset 0."),
                                     actual, sha256);
          return;
        }
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query (conn, &error,
                           "UPDATE blobs SET received = $3, complete = true, hash_state = NULL"
                           " WHERE dealer_id = $1 AND sha256 = $2",
                           3, req->dealer_id, sha256, received_text);
    }
  else
    {
      const char *values[4];
      int lengths[] = { 0, 0, 0, 0 };
      int formats[] = { 0, 0, 0, 1 };

      state_len = gest_sha256_save (&hash, state);
      values[0] = req->dealer_id;
      values[1] = sha256;
      values[2] = received_text;
      values[3] = (const char *) state;
      lengths[3] = (int) state_len;
      g_clear_pointer (&res, PQclear);
      res = gest_pg_query_params (conn, &error,
                                  "UPDATE blobs SET received = $3, hash_state = $4 WHERE dealer_id = $1 AND sha256 = $2",
                                  4, values, lengths, formats);
    }
  if (res == NULL || !gest_pg_commit (conn, &error))
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

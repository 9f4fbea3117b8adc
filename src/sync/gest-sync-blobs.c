/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-blob.h"
#include "gest-sync-private.h"

/* Document files, content-addressed by SHA-256 (data/sync-protocol.md, Documents). An upload
 * asks the server where it is (HEAD) and sends only the rest (PATCH), in chunks, so a cut
 * upload resumes and nothing the server holds is sent again. */

#define CHUNK_SIZE (1024 * 1024)
#define MIN_CHUNK_SIZE (16 * 1024)

static gint64
header_int (SoupMessage *msg,
            const char  *name)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg), name);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : -1;
}

/* The file of @sha256 under the store's files folder; NULL when @sha256 is not 64 characters
 * 0-9, a-f, and so could name a path elsewhere (issue 16.6). */
static char *
blob_file_path (GestStore  *store,
                const char *sha256)
{
  if (!gest_sync_sha256_is_valid (sha256))
    return NULL;
  return gest_blob_path (gest_store_get_files_dir (store), sha256);
}

/* The server's largest document in bytes when its reply says ({"max_blob": N}, issue 16.4),
 * else G_MAXINT64 (not known). */
static gint64
server_max_blob (GBytes *reply)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *node;

  if (reply == NULL || g_bytes_get_size (reply) == 0 || g_bytes_get_size (reply) > 65536)
    return G_MAXINT64;
  root = gest_sync_parse_json (reply, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return G_MAXINT64;
  node = json_object_get_member (json_node_get_object (root), "max_blob");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) <= 0)
    return G_MAXINT64;
  return json_node_get_int (node);
}

/* Asks the server how much of the blob it has. */
static gboolean
blob_offset (GestSyncConnection  *conn,
             const char          *path,
             gint64              *out_offset,
             gboolean            *out_complete,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(SoupMessage) msg = gest_sync_message_new (conn, "HEAD", path);
  g_autoptr(GBytes) reply = NULL;
  guint status = 0;

  reply = gest_sync_request (conn, msg, NULL, NULL, &status, cancellable, error);
  if (reply == NULL)
    return FALSE;
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      *out_offset = 0;
      *out_complete = FALSE;
      return TRUE;
    }
  if (status != SOUP_STATUS_OK)
    return gest_sync_status_error (status, reply, error);
  *out_offset = MAX (header_int (msg, "Upload-Offset"), 0);
  *out_complete = header_int (msg, "Upload-Complete") == 1;
  return TRUE;
}

gboolean
gest_sync_blob_upload (GestStore           *store,
                       GestSyncConnection  *conn,
                       const char          *sha256,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autofree char *file_path = blob_file_path (store, sha256);
  g_autofree char *path = g_strdup_printf ("/v1/blobs/%s", sha256);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 offset = 0;
  gboolean complete = FALSE;
  gint64 total;
  const char *data;
  guint attempts = 0;
  gint64 chunk_size = CHUNK_SIZE;

  if (file_path == NULL)
    return TRUE;
  mapped = g_mapped_file_new (file_path, FALSE, &local_error);
  if (mapped == NULL)
    {
      /* The file is not on this desktop (attached elsewhere, or removed): the server decides
       * about the mutation without it. */
      g_debug ("blob %s not here: %s", sha256, local_error->message);
      return TRUE;
    }
  data = g_mapped_file_get_contents (mapped);
  total = (gint64) g_mapped_file_get_length (mapped);

  if (!blob_offset (conn, path, &offset, &complete, cancellable, error))
    return FALSE;

  while (!complete && offset < total)
    {
      g_autoptr(SoupMessage) msg = gest_sync_message_new (conn, "PATCH", path);
      g_autoptr(GBytes) chunk = NULL;
      g_autoptr(GBytes) reply = NULL;
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
      gint64 length = MIN (chunk_size, total - offset);
      g_autofree char *offset_text = g_strdup_printf ("%" G_GINT64_FORMAT, offset);
      g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
      guint status = 0;

      if (++attempts > 2 * (total / MIN_CHUNK_SIZE + 8))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                       _("The sync server does not accept the document file %s. It is sent again "
                         "on the next sync."),
                       sha256);
          return FALSE;
        }

      soup_message_headers_replace (headers, "Upload-Offset", offset_text);
      soup_message_headers_replace (headers, "Upload-Length", total_text);
      chunk = g_bytes_new_static (data + offset, (gsize) length);
      reply = gest_sync_request (conn, msg, chunk, "application/offset+octet-stream", &status,
                                 cancellable, error);
      if (reply == NULL)
        return FALSE;

      if (status == SOUP_STATUS_CONFLICT)
        {
          /* The server is elsewhere (a reply was lost): continue from where it is. */
          gint64 server_offset = header_int (msg, "Upload-Offset");

          if (server_offset < 0 && !blob_offset (conn, path, &server_offset, &complete, cancellable, error))
            return FALSE;
          offset = server_offset;
          continue;
        }
      if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE && total > server_max_blob (reply))
        {
          /* Larger than the server takes at all: sending it again can never work, so the
           * document's change is rejected (GEST_ERROR_REFUSED) and the queue goes on. */
          g_autoptr(GError) status_error = NULL;

          gest_sync_status_error (status, reply, &status_error);
          g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                       _("The document file is larger than the sync server accepts (%s). "
                         "Attach a smaller file (a scan at a lower resolution)."),
                       status_error->message);
          return FALSE;
        }
      if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE && chunk_size > MIN_CHUNK_SIZE)
        {
          /* The server takes smaller requests: send smaller pieces (it stored nothing). */
          chunk_size /= 2;
          continue;
        }
      if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
        {
          /* Even the smallest piece is refused: it is the file's size the server refuses. */
          g_autoptr(GError) status_error = NULL;

          gest_sync_status_error (status, reply, &status_error);
          g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                       _("The document file is larger than the sync server accepts (%s). "
                         "Attach a smaller file (a scan at a lower resolution)."),
                       status_error->message);
          return FALSE;
        }
      if (status == 422)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                       _("The document file %s on this desktop does not match its checksum; the "
                         "server discarded it. Attach the document again."),
                       sha256);
          return FALSE;
        }
      if (status != SOUP_STATUS_OK && status != SOUP_STATUS_NO_CONTENT && status != SOUP_STATUS_CREATED)
        return gest_sync_status_error (status, reply, error);

      {
        gint64 next = header_int (msg, "Upload-Offset");

        offset = next >= 0 ? next : offset + length;
      }
      complete = header_int (msg, "Upload-Complete") == 1 || offset >= total;
    }
  return TRUE;
}

gboolean
gest_sync_blob_download (GestStore           *store,
                         GestSyncConnection  *conn,
                         const char          *sha256,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autofree char *file_path = blob_file_path (store, sha256);
  g_autofree char *path = g_strdup_printf ("/v1/blobs/%s", sha256);
  g_autofree char *folder = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status = 0;

  if (file_path == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("The sync server named a document file “%.64s” that is not a SHA-256. "
                     "Nothing was fetched; tell Conauto."), sha256);
      return FALSE;
    }
  if (g_file_test (file_path, G_FILE_TEST_EXISTS))
    return TRUE;

  msg = gest_sync_message_new (conn, "GET", path);
  reply = gest_sync_request (conn, msg, NULL, NULL, &status, cancellable, error);
  if (reply == NULL)
    return FALSE;
  if (status == SOUP_STATUS_NOT_FOUND)
    return TRUE;   /* not uploaded yet: fetched on a later pull of the record */
  if (status != SOUP_STATUS_OK)
    return gest_sync_status_error (status, reply, error);

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, reply);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("The document file %s arrived damaged. It is fetched again on the next sync."),
                   sha256);
      return FALSE;
    }

  folder = g_path_get_dirname (file_path);
  temp = g_strconcat (file_path, ".part", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (temp, g_bytes_get_data (reply, NULL), (gssize) g_bytes_get_size (reply),
                                 G_FILE_SET_CONTENTS_DURABLE, 0600, &local_error) ||
      g_rename (temp, file_path) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not save the document file %s: %s. Check the free disk space."),
                   file_path, local_error != NULL ? local_error->message : g_strerror (errno));
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <errno.h>
#include <sys/mman.h>

#include <glib/gi18n.h>

#include "gest-sync-private.h"

#define TIMEOUT_SECONDS 60

/* The CA file of sync.ca-file, which then replaces the system's CAs. A missing file and a
 * file without any certificate get their own messages: g_tls_file_database_new's say little
 * to someone who picked the wrong file. */
static GTlsDatabase *
load_ca_file (const char  *ca_file,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GTlsDatabase *database;
  GList *certificates;

  certificates = g_tls_certificate_list_new_from_file (ca_file, &local_error);
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The certificate authority file “%s” does not exist. Correct or clear "
                     "Certificate Authority File in Preferences, Sync."),
                   ca_file);
      return NULL;
    }
  if (local_error == NULL && certificates == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The certificate authority file “%s” holds no PEM certificate (a “BEGIN "
                     "CERTIFICATE” block). Choose the CA certificate Conauto gave you in "
                     "Preferences, Sync, Certificate Authority File, or clear it."),
                   ca_file);
      return NULL;
    }
  g_list_free_full (certificates, g_object_unref);

  database = local_error == NULL ? g_tls_file_database_new (ca_file, &local_error) : NULL;
  if (database == NULL)
    g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                 _("Could not read the certificate authority file “%s” (%s). Correct or clear "
                   "Certificate Authority File in Preferences, Sync."),
                 ca_file, local_error->message);
  return database;
}

/* One SoupSession per round, made and used on the round's thread. TLS is verified with the
 * system's CAs (glib-networking), or with the CA file of the setting sync.ca-file. */
GestSyncConnection *
gest_sync_connection_new (GestStore   *store,
                          const char  *base_url,
                          const char  *token,
                          GError     **error)
{
  g_autoptr(GestSyncConnection) conn = g_new0 (GestSyncConnection, 1);
  g_autofree char *ca_file = gest_store_get_setting (store, "sync.ca-file");
  g_autoptr(GUri) uri = NULL;

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a sync server address. Write it like https://sync.example.com."),
                   base_url);
      return NULL;
    }
  if (g_str_equal (g_uri_get_scheme (uri), "https") && !g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("This system cannot make secure (TLS) connections. Install glib-networking "
                     "and try again."));
      return NULL;
    }

  conn->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "user-agent", "Gestiona/" PACKAGE_VERSION,
                                                 NULL);
  if (ca_file != NULL && ca_file[0] != '\0')
    {
      g_autoptr(GTlsDatabase) database = load_ca_file (ca_file, error);

      if (database == NULL)
        return NULL;
      soup_session_set_tls_database (conn->session, database);
    }

  conn->base_url = g_strdup (base_url);
  while (g_str_has_suffix (conn->base_url, "/"))
    conn->base_url[strlen (conn->base_url) - 1] = '\0';
  conn->token = g_strdup (token);
  conn->retries = token != NULL ? GEST_SYNC_RETRIES : 0;

  return g_steal_pointer (&conn);
}

void
gest_sync_connection_free (GestSyncConnection *conn)
{
  if (conn == NULL)
    return;
  g_clear_object (&conn->session);
  g_free (conn->base_url);
  if (conn->token != NULL)
    memset (conn->token, 0, strlen (conn->token));
  g_free (conn->token);
  g_free (conn);
}

SoupMessage *
gest_sync_message_new (GestSyncConnection *conn,
                       const char         *method,
                       const char         *path)
{
  g_autofree char *url = g_strconcat (conn->base_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_return_val_if_fail (msg != NULL, NULL);
  if (conn->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", conn->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  return msg;
}

JsonNode *
gest_sync_parse_json (GBytes  *body,
                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : "";

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("The sync server sent a reply Gestiona does not understand (%s). Check the "
                     "server address; changes stay queued."),
                   local_error != NULL ? local_error->message : "not a JSON object");
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

gboolean
gest_sync_status_error (guint    status,
                        GBytes  *body,
                        GError **error)
{
  g_autofree char *server_text = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = gest_sync_parse_json (body, NULL);
  if (root != NULL)
    server_text = g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                                        "error", ""));
  if (server_text == NULL || server_text[0] == '\0')
    {
      g_free (server_text);
      server_text = g_strdup (soup_status_get_phrase (status));
    }

  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("The sync server did not accept this desktop (%s). Enroll it again with a new "
                   "code from Conauto."),
                 server_text);
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("The sync server refused: %s"), server_text);
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                 _("The sync server answered %u (%s). Changes stay queued and are sent on the next "
                   "sync."),
                 status, server_text);
  return FALSE;
}

/* The largest reply read into one exact allocation; larger ones (never sent by the server,
 * whose pages are a few MB) are read growing, as libsoup does. */
#define MAX_SIZED_REPLY (256 * 1024 * 1024)
/* Replies from this size on (pull pages) get a mapping of their own; smaller ones (push
 * results, errors) come from the heap. */
#define MIN_MAPPED_REPLY (64 * 1024)

typedef struct
{
  gpointer data;
  gsize    size;
} Mapping;

static void
mapping_free (gpointer user_data)
{
  Mapping *mapping = user_data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}

static GBytes *
reply_cut (gsize     read,
           goffset   length,
           GError  **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
               _("the reply was cut after %llu of %llu bytes"),
               (unsigned long long) read, (unsigned long long) length);
  return NULL;
}

/* soup_session_send_and_read(), but a reply whose length is known is read into one mapping
 * of that size, given back to the system when the reply is freed. From the heap, the pull's
 * pages of a few MB (each a little longer or shorter than the last) left holes that the next
 * did not fit: about one page more of peak memory. */
static GBytes *
send_and_read (SoupSession   *session,
               SoupMessage   *msg,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  SoupMessageHeaders *headers;
  g_autoptr(GBytes) reply = NULL;
  Mapping *mapping;
  goffset length;
  gsize read = 0;

  stream = soup_session_send (session, msg, cancellable, error);
  if (stream == NULL)
    return NULL;
  headers = soup_message_get_response_headers (msg);
  length = soup_message_headers_get_content_length (headers);
  /* A reply to HEAD, a 204 or a 304 has no body, whatever its Content-Length says. */
  if (g_strcmp0 (soup_message_get_method (msg), SOUP_METHOD_HEAD) == 0 ||
      soup_message_get_status (msg) == SOUP_STATUS_NO_CONTENT ||
      soup_message_get_status (msg) == SOUP_STATUS_NOT_MODIFIED)
    length = 0;
  else if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL ||
      length < 0 || length > MAX_SIZED_REPLY)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                  G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    }

  if (length < MIN_MAPPED_REPLY)
    {
      g_autofree guint8 *buffer = g_malloc ((gsize) length + 1);

      if (!g_input_stream_read_all (stream, buffer, (gsize) length, &read, cancellable, error) ||
          !g_input_stream_close (stream, cancellable, error))
        return NULL;
      if (read != (gsize) length)
        return reply_cut (read, length, error);
      return g_bytes_new_take (g_steal_pointer (&buffer), (gsize) length);
    }
  mapping = g_new0 (Mapping, 1);
  mapping->size = (gsize) length;
  mapping->data = mmap (NULL, mapping->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping->data == MAP_FAILED)
    {
      int saved = errno;

      g_free (mapping);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("no memory for a reply of %llu bytes: %s"),
                   (unsigned long long) length, g_strerror (saved));
      return NULL;
    }
  reply = g_bytes_new_with_free_func (mapping->data, mapping->size, mapping_free, mapping);
  if (!g_input_stream_read_all (stream, mapping->data, mapping->size, &read, cancellable, error) ||
      !g_input_stream_close (stream, cancellable, error))
    return NULL;
  if (read != mapping->size)
    return reply_cut (read, length, error);
  return g_steal_pointer (&reply);
}

GBytes *
gest_sync_request (GestSyncConnection  *conn,
                   SoupMessage         *msg,
                   GBytes              *body,
                   const char          *content_type,
                   guint               *out_status,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *reply = NULL;

  /* A cut connection is tried again at once, a few times: every request of the protocol may be
   * repeated (pushes are keyed by (device, n), uploads by offset), except enrollment. */
  for (guint attempt = 0; reply == NULL && attempt <= conn->retries; attempt++)
    {
      if (attempt > 0)
        {
          /* Neither a cancellation nor a refused certificate goes away by trying again. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
            break;
          g_debug ("retrying %s after: %s", soup_message_get_method (msg), local_error->message);
          g_clear_error (&local_error);
          g_usleep ((gulong) (50000 << attempt));
        }
      if (body != NULL)
        soup_message_set_request_body_from_bytes (msg, content_type != NULL ? content_type : "application/json",
                                                  body);
      reply = send_and_read (conn->session, msg, cancellable, &local_error);
    }
  if (reply == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                     _("The sync server at %s presented a certificate that this computer does "
                       "not trust. If Conauto uses its own certificate authority, write the path "
                       "of its CA file in Preferences, Sync, Certificate Authority File; otherwise "
                       "ask Conauto to check the server’s certificate."),
                     conn->base_url);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                     _("Could not reach the sync server at %s: %s. Check the address and the "
                       "network; changes stay queued."),
                     conn->base_url, local_error->message);
      return NULL;
    }

  *out_status = soup_message_get_status (msg);
  return reply;
}

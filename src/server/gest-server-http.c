/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "gest-server-db.h"
#include "gest-server-http.h"
#include "gest-server-request.h"

typedef struct
{
  const GestServerConfig *config;    /* borrowed */
  GMainContext           *context;
  GThreadPool            *pool;
} GestServer;

typedef struct
{
  GestServerRequest  req;
  GestServer        *server;         /* borrowed */
  SoupServerMessage *msg;
} Job;

/* One connection per worker thread, closed when the thread ends. */
static GPrivate worker_conn = G_PRIVATE_INIT ((GDestroyNotify) PQfinish);

static void
job_free (Job *job)
{
  GestServerRequest *req = &job->req;

  g_free (req->method);
  g_free (req->path);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_free (req->authorization);
  g_free (req->upload_offset);
  g_free (req->upload_length);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->device_id);
  g_free (req->dealer_id);
  g_free (req->content_type);
  g_clear_pointer (&req->response, g_bytes_unref);
  g_clear_pointer (&req->headers, g_ptr_array_unref);
  g_clear_object (&job->msg);
  g_free (job);
}

void
gest_server_request_header (GestServerRequest *req,
                            const char        *name,
                            const char        *value)
{
  if (req->headers == NULL)
    req->headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (req->headers, g_strdup (name));
  g_ptr_array_add (req->headers, g_strdup (value));
}

void
gest_server_request_json_text (GestServerRequest *req,
                               guint              status,
                               GBytes            *text)
{
  req->status = status;
  g_free (req->content_type);
  req->content_type = g_strdup ("application/json");
  g_clear_pointer (&req->response, g_bytes_unref);
  req->response = text;
}

void
gest_server_request_json (GestServerRequest *req,
                          guint              status,
                          JsonNode          *node)
{
  char *text = json_to_string (node, FALSE);

  req->status = status;
  g_free (req->content_type);
  req->content_type = g_strdup ("application/json");
  g_clear_pointer (&req->response, g_bytes_unref);
  req->response = g_bytes_new_take (text, strlen (text));
}

void
gest_server_request_object (GestServerRequest *req,
                            guint              status,
                            JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  gest_server_request_json (req, status, node);
}

void
gest_server_request_error (GestServerRequest *req,
                           guint              status,
                           const char        *format,
                           ...)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  json_object_set_string_member (object, "error", message);
  gest_server_request_object (req, status, object);
}

JsonObject *
gest_server_request_body_object (GestServerRequest *req)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (req->body, &len);
  JsonNode *root;

  if (len == 0)
    {
      gest_server_request_error (req, 400, _("The request has no body: send a JSON object."));
      return NULL;
    }
  if (!g_utf8_validate (data, len, NULL))
    {
      gest_server_request_error (req, 400, _("The request body is not valid UTF-8: send a JSON object."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, len, &error))
    {
      gest_server_request_error (req, 400, _("The request body is not valid JSON (%s): send a JSON object."),
                                 error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      gest_server_request_error (req, 400, _("The request body must be a JSON object."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static PGconn *
worker_connection (const GestServerConfig  *config,
                   GError                 **error)
{
  PGconn *conn = g_private_get (&worker_conn);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    return conn;
  if (conn != NULL)
    {
      PQreset (conn);
      if (PQstatus (conn) == CONNECTION_OK)
        return conn;
    }
  conn = gest_pg_connect (config->pg, error);
  if (conn != NULL)
    g_private_replace (&worker_conn, conn);
  return conn;
}

/* Bearer token → (device, dealer) through the SECURITY DEFINER lookup. */
static gboolean
authenticate (GestServerRequest *req,
              PGconn            *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *hash = NULL;
  const char *token;

  if (req->authorization == NULL || !g_str_has_prefix (req->authorization, "Bearer "))
    {
      gest_server_request_error (req, 401, _("This request needs the header “Authorization: Bearer <token>”: enroll the device to get a token."));
      return FALSE;
    }
  token = req->authorization + strlen ("Bearer ");
  hash = gest_sha256_hex (token);
  res = gest_pg_query (conn, &error,
                       "SELECT device_id, dealer_id FROM gestiona_device_for_token ($1)", 1, hash);
  if (res == NULL)
    {
      g_warning ("token lookup: %s", error->message);
      gest_server_request_error (req, 503, _("The server cannot reach its database; try again later."));
      return FALSE;
    }
  if (PQntuples (res) != 1)
    {
      gest_server_request_error (req, 401, _("The device token is unknown or was revoked: enroll the device again with a new code from Conauto."));
      return FALSE;
    }
  req->device_id = g_strdup (PQgetvalue (res, 0, 0));
  req->dealer_id = g_strdup (PQgetvalue (res, 0, 1));
  return TRUE;
}

static void
route (GestServerRequest *req,
       PGconn            *conn)
{
  const char *path = req->path;
  const char *method = req->method;

  if (g_str_equal (path, "/v1/enroll"))
    {
      if (!g_str_equal (method, "POST"))
        gest_server_request_error (req, 405, _("Use POST for %s."), path);
      else
        gest_server_handle_enroll (req, conn);
      return;
    }

  if (!g_str_equal (path, "/v1/push") && !g_str_equal (path, "/v1/pull")
      && !g_str_has_prefix (path, "/v1/blobs/"))
    {
      gest_server_request_error (req, 404, _("There is no %s: the protocol has /v1/enroll, /v1/push, /v1/pull and /v1/blobs/<sha256>."),
                                 path);
      return;
    }

  if (!authenticate (req, conn))
    return;

  if (g_str_equal (path, "/v1/push"))
    {
      if (!g_str_equal (method, "POST"))
        gest_server_request_error (req, 405, _("Use POST for %s."), path);
      else
        gest_server_handle_push (req, conn);
    }
  else if (g_str_equal (path, "/v1/pull"))
    {
      if (!g_str_equal (method, "GET"))
        gest_server_request_error (req, 405, _("Use GET for %s."), path);
      else
        gest_server_handle_pull (req, conn);
    }
  else
    gest_server_handle_blob (req, conn, path + strlen ("/v1/blobs/"));
}

static gboolean
finish_in_main_cb (gpointer data)
{
  Job *job = data;
  GestServerRequest *req = &job->req;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (job->msg);

  for (guint i = 0; req->headers != NULL && i + 1 < req->headers->len; i += 2)
    soup_message_headers_replace (headers, req->headers->pdata[i], req->headers->pdata[i + 1]);
  soup_server_message_set_status (job->msg, req->status, NULL);
  if (req->response != NULL)
    {
      gsize len = 0;
      const char *bytes = g_bytes_get_data (req->response, &len);

      soup_server_message_set_response (job->msg, req->content_type, SOUP_MEMORY_COPY, bytes, len);
    }
  soup_server_message_unpause (job->msg);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
worker_cb (gpointer data,
           gpointer user_data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  PGconn *conn = worker_connection (job->server->config, &error);

  if (conn == NULL)
    {
      g_warning ("%s", error->message);
      gest_server_request_error (&job->req, 503, _("The server cannot reach its database; try again later."));
    }
  else
    {
      route (&job->req, conn);
      /* A handler never leaves a transaction open; make sure of it. */
      if (PQtransactionStatus (conn) != PQTRANS_IDLE)
        gest_pg_rollback (conn);
    }
  if (job->req.status == 0)
    gest_server_request_error (&job->req, 500, _("The server could not answer this request."));

  g_main_context_invoke (job->server->context, finish_in_main_cb, job);
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *message)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (object, "error", message);
  node = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (node, FALSE);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

/* After the headers: refuse a declared body over the limit before reading it. */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  GestServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && length > (goffset) server->config->max_body)
    {
      g_autofree char *message =
        g_strdup_printf (_("The request body has %lld bytes, more than this server's limit of %zu: send less per request."),
                         (long long) length, server->config->max_body);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      send_error (msg, 413, message);
    }
}

static char *
header_dup (SoupMessageHeaders *headers,
            const char         *name)
{
  return g_strdup (soup_message_headers_get_one (headers, name));
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  GestServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  Job *job;

  if (body->length > (goffset) server->config->max_body)
    {
      g_autofree char *message =
        g_strdup_printf (_("The request body has %lld bytes, more than this server's limit of %zu: send less per request."),
                         (long long) body->length, server->config->max_body);

      send_error (msg, 413, message);
      return;
    }

  job = g_new0 (Job, 1);
  job->server = server;
  job->msg = g_object_ref (msg);
  job->req.config = server->config;
  job->req.method = g_strdup (soup_server_message_get_method (msg));
  job->req.path = g_strdup (path);
  job->req.query = query != NULL ? g_hash_table_ref (query) : NULL;
  job->req.authorization = header_dup (headers, "Authorization");
  job->req.upload_offset = header_dup (headers, "Upload-Offset");
  job->req.upload_length = header_dup (headers, "Upload-Length");
  job->req.body = soup_message_body_flatten (body);

  soup_server_message_pause (msg);
  g_thread_pool_push (server->pool, job, NULL);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
gest_server_serve (const GestServerConfig *config)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) soup = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  GestServer server = { 0 };
  PGconn *probe;

  /* Fail at start, not at the first request, when the database is unreachable. */
  probe = gest_pg_connect (config->pg, &error);
  if (probe == NULL)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }
  PQfinish (probe);

  server.config = config;
  server.context = g_main_context_default ();
  server.pool = g_thread_pool_new (worker_cb, &server, config->workers, FALSE, &error);
  if (server.pool == NULL)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }

  soup = soup_server_new ("server-header", "gestiona-server/" PACKAGE_VERSION " ", NULL);
  soup_server_add_early_handler (soup, NULL, early_cb, &server, NULL);
  soup_server_add_handler (soup, NULL, handler_cb, &server, NULL);

  address = g_inet_socket_address_new_from_string (config->listen_host, config->listen_port);
  if (address == NULL)
    {
      g_printerr (_("gestiona-server: “%s” is not an IP address: listen takes an address such as 127.0.0.1:8080.\n"),
                  config->listen_host);
      return 1;
    }
  if (!soup_server_listen (soup, address, 0, &error))
    {
      g_printerr (_("gestiona-server: cannot listen on %s:%u: %s\n"),
                  config->listen_host, config->listen_port, error->message);
      return 1;
    }
  g_message ("listening on http://%s:%u/ with %u database workers",
             config->listen_host, config->listen_port, config->workers);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  soup_server_disconnect (soup);
  /* Let the running jobs end; their replies have nowhere to go any more. */
  g_thread_pool_free (server.pool, TRUE, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}

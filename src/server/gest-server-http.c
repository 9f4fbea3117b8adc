/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <microhttpd.h>
#include <string.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "gest-json-limits.h"
#include "gest-server-db.h"
#include "gest-server-http.h"
#include "gest-server-request.h"

/* The HTTP layer is libmicrohttpd: one polling thread (epoll) reads requests and writes
 * replies for every connection, with a timeout for silent connections (idle keep-alive and
 * half-sent requests alike), a cap on connections and a real listen backlog. A request's body
 * is counted as it arrives and refused with 413 as soon as it passes the limit of its
 * endpoint, declared or chunked. Once the body is whole the connection is suspended and the
 * request goes to the GThreadPool of database workers (one PostgreSQL connection each);
 * the worker resumes the connection and the polling thread sends the reply.
 *
 * libsoup 3.2.3's SoupServer, used before, keeps one socket open for every keep-alive
 * connection the client closes (5,000 connections, 5,010 open files), has no header or idle
 * timeout and listens with a backlog of 10 (see tests/server/measure-server.py). */

/* A client that writes its whole body before reading the reply (libsoup's, the desktop's)
 * gets a broken pipe instead of the 413 when the server closes in the middle of the body. So a
 * declared body at most this much over the limit is read and dropped, and the 413 comes after
 * it; one further over the limit (or sent with "Expect: 100-continue") is refused at once. */
#define DISCARD_MAX (16 * 1024 * 1024)

typedef struct
{
  const GestServerConfig *config;    /* borrowed */
  GThreadPool            *pool;
  gint                    in_flight; /* requests handed to the pool whose reply is not sent */
} GestServer;

typedef enum
{
  JOB_READING,   /* headers parsed, body arriving */
  JOB_REFUSED,   /* a reply is queued without running a handler */
  JOB_DISCARDING, /* a declared body a little over the limit: read, dropped, then 413 */
  JOB_RUNNING,   /* suspended, in the worker pool */
  JOB_DONE,      /* the worker finished: the reply waits to be queued */
} JobState;

typedef struct
{
  GestServerRequest      req;
  GestServer            *server;      /* borrowed */
  struct MHD_Connection *connection;  /* borrowed */
  GByteArray            *body;
  gsize                  limit;
  guint64                declared;    /* Content-Length, when over the limit */
  JobState               state;
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
  g_free (req->peer_address);
  g_free (req->forwarded_for);
  g_clear_pointer (&req->response, g_bytes_unref);
  g_clear_pointer (&req->headers, g_ptr_array_unref);
  g_clear_pointer (&job->body, g_byte_array_unref);
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

  /* A message may quote what the client sent (a cursor, json-glib's words about a bad key):
   * invalid UTF-8 would make the reply itself invalid JSON. */
  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);

      g_free (message);
      message = valid;
    }
  json_object_set_string_member (object, "error", message);
  gest_server_request_object (req, status, object);
}

JsonObject *
gest_server_request_body_object (GestServerRequest *req)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = req->body != NULL ? g_bytes_get_data (req->body, &len) : NULL;
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
  /* Before json-glib builds a tree: it recurses once per level and allocates per value. */
  if (!gest_json_limits_check (data, len, NULL, &error))
    {
      gest_server_request_error (req, 400, _("The request body was refused before parsing: %s"),
                                 error->message);
      return NULL;
    }
  parser = json_parser_new ();
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

  if (g_str_equal (path, "/v1/health"))
    {
      if (!g_str_equal (method, "GET"))
        gest_server_request_error (req, 405, _("Use GET for %s."), path);
      else
        gest_server_handle_health (req, conn);
      return;
    }
  /* The public web bookings: no token, the dealer is in the path. */
  if (gest_server_is_booking_path (path))
    {
      gest_server_handle_booking (req, conn);
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

  /* The last touch of the job here: once resumed, the polling thread sends and frees it. */
  job->state = JOB_DONE;
  MHD_resume_connection (job->connection);
}

static void
free_bytes_cb (void *cls)
{
  g_bytes_unref (cls);
}

/* Queues @req's reply on the connection (in the polling thread). */
static enum MHD_Result
queue_reply (struct MHD_Connection *connection,
             GestServerRequest     *req,
             gboolean               close)
{
  struct MHD_Response *response;
  enum MHD_Result ret;

  if (req->response != NULL)
    {
      gsize len = 0;
      gconstpointer data = g_bytes_get_data (req->response, &len);

      response = MHD_create_response_from_buffer_with_free_callback_cls (len, (void *) data, free_bytes_cb,
                                                                         g_bytes_ref (req->response));
    }
  else
    response = MHD_create_response_from_buffer (0, (void *) "", MHD_RESPMEM_PERSISTENT);
  if (response == NULL)
    return MHD_NO;

  MHD_add_response_header (response, MHD_HTTP_HEADER_SERVER, "gestiona-server/" PACKAGE_VERSION);
  if (req->content_type != NULL)
    MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE, req->content_type);
  for (guint i = 0; req->headers != NULL && i + 1 < req->headers->len; i += 2)
    {
      MHD_del_response_header (response, req->headers->pdata[i], NULL);
      MHD_add_response_header (response, req->headers->pdata[i], req->headers->pdata[i + 1]);
    }
  if (close)
    MHD_add_response_header (response, MHD_HTTP_HEADER_CONNECTION, "close");
  ret = MHD_queue_response (connection, req->status, response);
  MHD_destroy_response (response);
  return ret;
}

/* 413 now, and the connection closes after it: the rest of the body is never read. With the
 * headers only (a declared length), libmicrohttpd queues the reply. Once the body is arriving
 * (chunked), libmicrohttpd 0.9.75 no longer accepts a reply until the body ends, so the
 * reply goes to the socket here and the connection is dropped. */
static enum MHD_Result
refuse_too_large (Job     *job,
                  guint64  length)
{
  const union MHD_ConnectionInfo *info;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *body;

  job->state = JOB_REFUSED;
  g_clear_pointer (&job->body, g_byte_array_unref);
  if (length > 0)
    {
      gest_server_request_error (&job->req, 413,
                                 _("The request body has %llu bytes, more than this server's limit of %zu for %s: send less per request."),
                                 (unsigned long long) length, job->limit, job->req.path);
      return queue_reply (job->connection, &job->req, TRUE);
    }

  gest_server_request_error (&job->req, 413,
                             _("The request body is longer than this server's limit of %zu bytes for %s: send less per request."),
                             job->limit, job->req.path);
  info = MHD_get_connection_info (job->connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  if (info != NULL)
    {
      body = g_bytes_get_data (job->req.response, &len);
      text = g_strdup_printf ("HTTP/1.1 413 Content Too Large\r\n"
                              "Server: gestiona-server/" PACKAGE_VERSION "\r\n"
                              "Content-Type: application/json\r\n"
                              "Content-Length: %zu\r\n"
                              "Connection: close\r\n\r\n%.*s",
                              len, (int) len, body);
      /* A few hundred bytes on a socket that has nothing else to send: they fit at once. */
      if (send (info->connect_fd, text, strlen (text), MSG_NOSIGNAL | MSG_DONTWAIT) > 0)
        shutdown (info->connect_fd, SHUT_WR);
    }
  return MHD_NO;
}

static enum MHD_Result
query_cb (void               *cls,
          enum MHD_ValueKind  kind,
          const char         *key,
          const char         *value)
{
  GHashTable **query = cls;

  if (*query == NULL)
    *query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (*query, g_strdup (key), g_strdup (value != NULL ? value : ""));
  return MHD_YES;
}

static char *
header_dup (struct MHD_Connection *connection,
            const char            *name)
{
  return g_strdup (MHD_lookup_connection_value (connection, MHD_HEADER_KIND, name));
}

/* The socket's peer as text ("127.0.0.1", "::1"), or NULL. */
static char *
peer_address (struct MHD_Connection *connection)
{
  const union MHD_ConnectionInfo *info = MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  g_autoptr(GSocketAddress) address = NULL;
  gsize len;

  if (info == NULL || info->client_addr == NULL)
    return NULL;
  len = info->client_addr->sa_family == AF_INET6 ? sizeof (struct sockaddr_in6) : sizeof (struct sockaddr_in);
  address = g_socket_address_new_from_native (info->client_addr, len);
  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;
  return g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
}

/* The first call of a request: its headers are in, its body is not. */
static Job *
job_new (GestServer            *server,
         struct MHD_Connection *connection,
         const char            *url,
         const char            *method)
{
  Job *job = g_new0 (Job, 1);

  job->server = server;
  job->connection = connection;
  job->req.config = server->config;
  job->req.method = g_strdup (method);
  job->req.path = g_strdup (url);
  MHD_get_connection_values (connection, MHD_GET_ARGUMENT_KIND, query_cb, &job->req.query);
  job->req.authorization = header_dup (connection, MHD_HTTP_HEADER_AUTHORIZATION);
  job->req.upload_offset = header_dup (connection, "Upload-Offset");
  job->req.upload_length = header_dup (connection, "Upload-Length");
  job->req.forwarded_for = header_dup (connection, "X-Forwarded-For");
  job->req.peer_address = peer_address (connection);
  /* Before login only /v1/enroll and the web bookings answer: their bodies are small, and so
   * is their limit. */
  job->limit = g_str_equal (url, "/v1/enroll") || gest_server_is_booking_path (url)
               ? server->config->max_enroll_body : server->config->max_body;
  job->body = g_byte_array_new ();
  return job;
}

static enum MHD_Result
access_cb (void                  *cls,
           struct MHD_Connection *connection,
           const char            *url,
           const char            *method,
           const char            *version,
           const char            *upload_data,
           size_t                *upload_data_size,
           void                 **con_cls)
{
  GestServer *server = cls;
  Job *job = *con_cls;

  if (job == NULL)
    {
      const char *declared = MHD_lookup_connection_value (connection, MHD_HEADER_KIND,
                                                          MHD_HTTP_HEADER_CONTENT_LENGTH);
      guint64 length = 0;

      job = job_new (server, connection, url, method);
      *con_cls = job;
      if (declared != NULL && g_ascii_string_to_unsigned (declared, 10, 0, G_MAXUINT64, &length, NULL))
        {
          const char *expect = MHD_lookup_connection_value (connection, MHD_HEADER_KIND,
                                                            MHD_HTTP_HEADER_EXPECT);

          if (length > job->limit
              && (length - job->limit > DISCARD_MAX
                  || (expect != NULL && g_ascii_strcasecmp (expect, "100-continue") == 0)))
            return refuse_too_large (job, length);
          if (length > job->limit)
            {
              job->state = JOB_DISCARDING;
              job->declared = length;
              g_clear_pointer (&job->body, g_byte_array_unref);
              return MHD_YES;
            }
          /* Not more: a header alone must not reserve max_body per connection. */
          g_byte_array_set_size (job->body, MIN (length, 64 * 1024));
          g_byte_array_set_size (job->body, 0);
        }
      return MHD_YES;
    }

  switch (job->state)
    {
    case JOB_READING:
      if (*upload_data_size > 0)
        {
          gsize size = *upload_data_size;

          *upload_data_size = 0;
          if (size > job->limit - job->body->len)
            return refuse_too_large (job, 0);
          g_byte_array_append (job->body, (const guint8 *) upload_data, size);
          return MHD_YES;
        }
      job->req.body = g_byte_array_free_to_bytes (g_steal_pointer (&job->body));
      job->state = JOB_RUNNING;
      g_atomic_int_inc (&server->in_flight);
      MHD_suspend_connection (connection);
      g_thread_pool_push (server->pool, job, NULL);
      return MHD_YES;

    case JOB_REFUSED:
      /* Whatever of the body MHD still hands over is dropped. */
      *upload_data_size = 0;
      return MHD_YES;

    case JOB_DISCARDING:
      if (*upload_data_size > 0)
        {
          *upload_data_size = 0;
          return MHD_YES;
        }
      return refuse_too_large (job, job->declared);

    case JOB_RUNNING:
      return MHD_YES;

    case JOB_DONE:
    default:
      return queue_reply (connection, &job->req, FALSE);
    }
}

static void
completed_cb (void                            *cls,
              struct MHD_Connection           *connection,
              void                           **con_cls,
              enum MHD_RequestTerminationCode  toe)
{
  GestServer *server = cls;
  Job *job = *con_cls;

  if (job == NULL)
    return;
  if (job->state == JOB_DONE)
    g_atomic_int_dec_and_test (&server->in_flight);
  job_free (job);
  *con_cls = NULL;
}

static void G_GNUC_PRINTF (2, 0)
log_cb (void       *cls,
        const char *format,
        va_list     ap)
{
  g_autofree char *message = g_strdup_vprintf (format, ap);

  /* What refuse_too_large() does to a chunked body: already answered with a 413. */
  if (g_str_has_prefix (message, "Application reported internal error"))
    return;
  g_message ("http: %s", g_strchomp (message));
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Every connection is a file descriptor: take the hard limit, and say when it is too low. */
static void
raise_file_limit (const GestServerConfig *config)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0)
    return;
  if (limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
      getrlimit (RLIMIT_NOFILE, &limit);
    }
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < (rlim_t) config->max_connections + config->workers + 64)
    g_warning ("max_connections is %u but the process may open only %llu files: raise LimitNOFILE"
               " (ulimit -n) or lower max_connections",
               config->max_connections, (unsigned long long) limit.rlim_cur);
}

int
gest_server_serve (const GestServerConfig *config)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  struct sockaddr_storage native = { 0 };
  unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME
                       | MHD_USE_ERROR_LOG;
  struct MHD_Daemon *daemon;
  MHD_socket listen_fd;
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

  address = g_inet_socket_address_new_from_string (config->listen_host, config->listen_port);
  if (address == NULL || !g_socket_address_to_native (address, &native, sizeof native, NULL))
    {
      g_printerr (_("gestiona-server: “%s” is not an IP address: listen takes an address such as 127.0.0.1:8080.\n"),
                  config->listen_host);
      return 1;
    }
  if (g_socket_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    flags |= MHD_USE_IPv6;

  server.config = config;
  server.pool = g_thread_pool_new (worker_cb, &server, config->workers, FALSE, &error);
  if (server.pool == NULL)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }

  raise_file_limit (config);
  daemon = MHD_start_daemon (flags, config->listen_port, NULL, NULL, access_cb, &server,
                             MHD_OPTION_EXTERNAL_LOGGER, log_cb, NULL,
                             MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &native,
                             MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) config->timeout,
                             MHD_OPTION_CONNECTION_LIMIT, (unsigned int) config->max_connections,
                             MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int) config->max_connections_per_ip,
                             MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int) config->backlog,
                             MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) (64 * 1024),
                             MHD_OPTION_NOTIFY_COMPLETED, completed_cb, &server,
                             MHD_OPTION_END);
  if (daemon == NULL)
    {
      int saved = errno;

      g_printerr (_("gestiona-server: cannot listen on %s:%u: %s\n"),
                  config->listen_host, config->listen_port, g_strerror (saved));
      g_thread_pool_free (server.pool, TRUE, TRUE);
      return 1;
    }
  g_message ("listening on http://%s:%u/ with %u database workers, %u connections at most",
             config->listen_host, config->listen_port, config->workers, config->max_connections);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  /* No new connections; let the running requests end and their replies go out, briefly. */
  listen_fd = MHD_quiesce_daemon (daemon);
  g_thread_pool_free (server.pool, FALSE, TRUE);
  for (guint i = 0; i < 50 && g_atomic_int_get (&server.in_flight) > 0; i++)
    g_usleep (100 * 1000);
  MHD_stop_daemon (daemon);
  if (listen_fd != MHD_INVALID_SOCKET)
    close (listen_fd);
  return 0;
}

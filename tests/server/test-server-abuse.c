/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 16, items 1 and 2 (X3): gestiona-server under abuse before login. Runs under
 * tests/server/pg-env.sh (PostgreSQL and a first server, used here only to enroll a device)
 * and starts a second gestiona-server of its own, whose pid it knows and whose settings it
 * chooses: a 2 s connection timeout, 256 KiB for /v1/enroll, 1 MiB for the rest. Every test
 * checks afterwards that this server still answers; one that died is started again, so each
 * test stands on its own. Network: 127.0.0.1 only. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gest-server-test-util.h"

#define TIMEOUT_S        2
#define MAX_ENROLL_BODY  262144
#define MAX_BODY         1048576

static GPid server_pid;
static guint server_port;
static char *server_dir;

static guint
free_port (void)
{
  struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
  socklen_t len = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM, 0);

  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &addr, &len), ==, 0);
  close (fd);
  return ntohs (addr.sin_port);
}

/* A blocking socket to the server with a receive timeout; -1 when it refuses. */
static int
connect_server (void)
{
  struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons (server_port),
                              .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
  struct timeval tv = { .tv_sec = 10 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      close (fd);
      return -1;
    }
  setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt (fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  return fd;
}

static gboolean
send_all (int         fd,
          const void *data,
          gsize       len)
{
  const char *p = data;

  while (len > 0)
    {
      ssize_t n = send (fd, p, len, MSG_NOSIGNAL);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

/* Reads one reply with a Content-Length body; its status, or -1 when the connection ended
 * (or stayed silent 10 s) before a whole reply. @body_out (nullable) gets the body. */
static int
read_reply (int    fd,
            char **body_out)
{
  g_autoptr(GString) data = g_string_new (NULL);
  char buf[16384];
  const char *end;
  const char *cl;
  gsize length = 0;
  gsize head_len;
  int status = -1;

  while ((end = strstr (data->str, "\r\n\r\n")) == NULL)
    {
      ssize_t n = recv (fd, buf, sizeof buf, 0);

      if (n <= 0)
        return -1;
      g_string_append_len (data, buf, n);
    }
  head_len = end - data->str + 4;
  if (sscanf (data->str, "HTTP/1.%*d %d", &status) != 1)
    return -1;
  cl = g_strstr_len (data->str, head_len, "Content-Length:");
  if (cl != NULL)
    length = g_ascii_strtoull (cl + strlen ("Content-Length:"), NULL, 10);
  while (data->len < head_len + length)
    {
      ssize_t n = recv (fd, buf, sizeof buf, 0);

      if (n <= 0)
        return -1;
      g_string_append_len (data, buf, n);
    }
  if (body_out != NULL)
    *body_out = g_strndup (data->str + head_len, length);
  return status;
}

/* One request on a new connection; the reply's status or -1. */
static int
request (const char  *method,
         const char  *path,
         const char  *token,
         const char  *body,
         gsize        body_len,
         char       **reply_body)
{
  g_autofree char *head = NULL;
  int fd = connect_server ();
  int status;

  if (fd < 0)
    return -1;
  head = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s%s"
                          "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                          method, path, token != NULL ? "Authorization: Bearer " : "",
                          token != NULL ? token : "", token != NULL ? "\r\n" : "", body_len);
  status = (send_all (fd, head, strlen (head)) && send_all (fd, body, body_len))
           ? read_reply (fd, reply_body) : -1;
  close (fd);
  return status;
}

static gboolean
server_alive (void)
{
  int status = 0;

  return server_pid > 0 && waitpid (server_pid, &status, WNOHANG) == 0;
}

/* The server ends with the test, even when an assertion aborts it. */
static void
child_setup_cb (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
start_server (void)
{
  g_autofree char *config = g_build_filename (server_dir, "server.conf", NULL);
  g_autofree char *listen = NULL;
  g_autofree char *log = g_build_filename (server_dir, "server.log", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int log_fd;
  const char *argv[] = { g_getenv ("GESTIONA_SERVER"), "--config", config, "serve", NULL };

  server_port = free_port ();
  listen = g_strdup_printf ("127.0.0.1:%u", server_port);
  envp = g_environ_setenv (envp, "GESTIONA_SERVER_LISTEN", listen, TRUE);
  envp = g_environ_setenv (envp, "GESTIONA_SERVER_TIMEOUT", G_STRINGIFY (TIMEOUT_S), TRUE);
  envp = g_environ_setenv (envp, "GESTIONA_SERVER_MAX_ENROLL_BODY", G_STRINGIFY (MAX_ENROLL_BODY), TRUE);
  envp = g_environ_setenv (envp, "GESTIONA_SERVER_MAX_BODY", G_STRINGIFY (MAX_BODY), TRUE);
  envp = g_environ_setenv (envp, "GESTIONA_SERVER_MAX_CONNECTIONS", "8000", TRUE);
  envp = g_environ_setenv (envp, "GESTIONA_SERVER_WORKERS", "2", TRUE);
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  g_assert_true (g_file_set_contents (config, "[server]\nworkers = 2\n", -1, NULL));
  log_fd = g_open (log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                         child_setup_cb, NULL, &server_pid, -1, log_fd, log_fd, &error));
  g_assert_no_error (error);
  close (log_fd);
  for (guint i = 0; i < 100; i++)
    {
      int fd = connect_server ();

      if (fd >= 0)
        {
          close (fd);
          return;
        }
      g_assert_true (server_alive ());
      g_usleep (100 * 1000);
    }
  g_error ("the test's gestiona-server does not answer on %s (see %s)", listen, log);
}

static void
stop_server (void)
{
  if (server_pid <= 0)
    return;
  kill (server_pid, SIGTERM);
  waitpid (server_pid, NULL, 0);
  g_spawn_close_pid (server_pid);
  server_pid = 0;
}

/* Each test starts from a server that answers. */
static void
ensure_server (void)
{
  if (!server_alive ())
    {
      server_pid = 0;
      start_server ();
    }
}

static void
assert_server_answers (void)
{
  g_autofree char *body = NULL;

  g_assert_true (server_alive ());
  g_assert_cmpint (request ("GET", "/v1/pull", NULL, "", 0, &body), ==, 401);
}

static guint
server_open_files (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", server_pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* VmRSS or VmHWM of the server, in KiB. */
static guint64
server_memory_kib (const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", server_pid);
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10);
}

static int
cmp_int64 (gconstpointer a,
           gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static char *
nested (const char *prefix,
        guint       depth,
        const char *suffix)
{
  GString *s = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

/* 100,000 nested [ (200 KB, under /v1/enroll's limit here) overflowed json-glib's recursion. */
static void
test_enroll_nesting (void)
{
  g_autofree char *text = nested ("", 100000, "");
  g_autofree char *body = NULL;

  ensure_server ();
  g_assert_cmpint (request ("POST", "/v1/enroll", NULL, text, strlen (text), &body), ==, 400);
  g_assert_nonnull (strstr (body, "64 levels"));
  assert_server_answers ();
}

static void
test_push_fields_nesting (void)
{
  g_autofree char *dealer = test_new_dealer ("Abuso Nesting");
  g_autoptr(TestDevice) device = test_enroll (dealer, "caja");
  g_autofree char *text = nested ("{\"mutations\": [{\"n\": 1, \"entity\": \"tramite\", \"uuid\":"
                                  " \"0b5a43a2-4f0e-4d3e-9d55-2f1f6c1b7a01\", \"op\": \"upsert\","
                                  " \"base_version\": null, \"fields\": {\"notes\": ",
                                  60000, "}}]}");
  g_autofree char *body = NULL;

  ensure_server ();
  g_assert_cmpint (request ("POST", "/v1/push", device->token, text, strlen (text), &body), ==, 400);
  g_assert_nonnull (strstr (body, "64 levels"));
  assert_server_answers ();
}

/* A declared length far over the limit is refused from the headers alone; one a little over
 * it is read, dropped and refused (a client that writes its whole body before reading gets the
 * 413, not a broken pipe). /v1/enroll, before login, has a limit of its own, smaller than the
 * authenticated endpoints'. */
static void
test_declared_too_large (void)
{
  g_autofree char *big = g_strnfill (MAX_ENROLL_BODY + 1024, ' ');
  g_autofree char *body = NULL;
  const char *head = "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: 104857600\r\n\r\n";
  int fd;

  ensure_server ();
  fd = connect_server ();
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (send_all (fd, head, strlen (head)));
  g_assert_cmpint (read_reply (fd, NULL), ==, 413);
  close (fd);

  /* Under max_body, over max_enroll_body. */
  g_assert_cmpint (request ("POST", "/v1/enroll", NULL, big, strlen (big), &body), ==, 413);
  g_assert_nonnull (strstr (body, "/v1/enroll"));
  assert_server_answers ();
}

/* A chunked body is refused when it passes the limit, not buffered whole. */
static void
test_chunked_too_large (void)
{
  const gsize chunk_len = 64 * 1024;
  const gsize max_send = 64 * 1024 * 1024;
  g_autofree char *chunk = g_strnfill (chunk_len, '[');
  g_autofree char *frame = g_strdup_printf ("%zx\r\n%s\r\n", chunk_len, chunk);
  const char *head = "POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n";
  guint64 rss_before;
  guint64 rss_peak;
  gsize sent = 0;
  int status;
  int fd;

  ensure_server ();
  rss_before = server_memory_kib ("VmRSS:");
  rss_peak = rss_before;
  fd = connect_server ();
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (send_all (fd, head, strlen (head)));
  while (sent < max_send)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };

      if (poll (&pfd, 1, 0) > 0)
        break;   /* the server answered (or closed) */
      if (!send_all (fd, frame, strlen (frame)))
        break;
      sent += chunk_len;
      rss_peak = MAX (rss_peak, server_memory_kib ("VmRSS:"));
    }
  status = read_reply (fd, NULL);
  close (fd);
  g_test_message ("chunked: %zu KiB sent; server VmRSS %" G_GUINT64_FORMAT " KiB before, %"
                  G_GUINT64_FORMAT " KiB at most", sent / 1024, rss_before, rss_peak);
  g_assert_cmpint (status, ==, 413);
  /* The limit is 256 KiB; what is in flight in the socket buffers comes on top. */
  g_assert_cmpuint (sent, <, 16 * 1024 * 1024);
  g_assert_cmpuint (rss_peak, <, rss_before + 32 * 1024);
  assert_server_answers ();
}

/* libsoup 3.2.3 kept a socket for every keep-alive connection the client closed. */
static void
test_keepalive_fds (void)
{
  const char *req = "GET /v1/pull HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  guint before;
  guint after = 0;

  ensure_server ();
  assert_server_answers ();
  before = server_open_files ();
  for (guint i = 0; i < 3000; i++)
    {
      int fd = connect_server ();

      g_assert_cmpint (fd, >=, 0);
      g_assert_true (send_all (fd, req, strlen (req)));
      g_assert_cmpint (read_reply (fd, NULL), ==, 401);
      close (fd);   /* the client ends the keep-alive connection */
    }
  for (guint i = 0; i < 50; i++)
    {
      after = server_open_files ();
      if (after <= before + 10)
        break;
      g_usleep (100 * 1000);
    }
  g_test_message ("open files: %u before, %u after 3,000 connections", before, after);
  g_assert_cmpuint (after, <=, before + 10);
  assert_server_answers ();
}

/* Waits for the server to close @fd; TRUE when it did within @seconds. */
static gboolean
closed_within (int  fd,
               int  seconds)
{
  struct pollfd pfd = { .fd = fd, .events = POLLIN };
  char buf[4096];

  for (gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
       g_get_monotonic_time () < end;)
    {
      if (poll (&pfd, 1, 100) > 0)
        {
          ssize_t n = recv (fd, buf, sizeof buf, MSG_DONTWAIT);

          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_header_timeout (void)
{
  const char *half = "POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty";
  const char *req = "GET /v1/pull HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  int slow;
  int idle;

  ensure_server ();
  slow = connect_server ();
  idle = connect_server ();
  g_assert_cmpint (slow, >=, 0);
  g_assert_cmpint (idle, >=, 0);
  g_assert_true (send_all (slow, half, strlen (half)));
  g_assert_true (send_all (idle, req, strlen (req)));
  g_assert_cmpint (read_reply (idle, NULL), ==, 401);
  /* The timeout is 2 s here (30 s by default). */
  g_assert_true (closed_within (slow, TIMEOUT_S + 4));
  g_assert_true (closed_within (idle, 2));
  close (slow);
  close (idle);
  assert_server_answers ();
}

/* Many clients with half-sent headers: the others are still answered at once. */
static void
test_slow_clients (void)
{
  const guint n_slow = 3000;
  const char *half = "POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  g_autoptr(GArray) fds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  struct rlimit limit;
  gint64 median;

  getrlimit (RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit (RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < n_slow + 200)
    {
      g_test_skip ("this test needs ulimit -n of 3,200 or more");
      return;
    }

  ensure_server ();
  for (guint i = 0; i < n_slow; i++)
    {
      int fd = connect_server ();

      g_assert_cmpint (fd, >=, 0);
      g_assert_true (send_all (fd, half, strlen (half)));
      g_array_append_val (fds, fd);
    }
  for (guint i = 0; i < 21; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      g_assert_cmpint (request ("GET", "/v1/pull", NULL, "", 0, NULL), ==, 401);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
    }
  g_array_sort (times, cmp_int64);
  median = g_array_index (times, gint64, times->len / 2);
  g_test_message ("%u slow clients: a normal request takes %" G_GINT64_FORMAT " µs (median)",
                  n_slow, median);
  g_assert_cmpint (median, <, 50 * 1000);
  for (guint i = 0; i < fds->len; i++)
    close (g_array_index (fds, int, i));
  assert_server_answers ();
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  server_dir = g_dir_make_tmp ("gestiona-abuse-XXXXXX", NULL);
  g_assert_nonnull (server_dir);

  g_test_add_func ("/server/X3/16.1/enroll-nesting-depth-refused", test_enroll_nesting);
  g_test_add_func ("/server/X3/16.1/push-fields-nesting-refused", test_push_fields_nesting);
  g_test_add_func ("/server/X3/16.1/declared-body-over-limit-refused", test_declared_too_large);
  g_test_add_func ("/server/X3/16.1/chunked-body-over-limit-refused-at-once", test_chunked_too_large);
  g_test_add_func ("/server/X3/16.2/keepalive-closed-by-client-fds-flat", test_keepalive_fds);
  g_test_add_func ("/server/X3/16.2/half-sent-request-timed-out", test_header_timeout);
  g_test_add_func ("/server/X3/16.2/answers-while-slow-clients-connected", test_slow_clients);

  rc = g_test_run ();
  stop_server ();
  {
    g_autofree char *config = g_build_filename (server_dir, "server.conf", NULL);
    g_autofree char *log = g_build_filename (server_dir, "server.log", NULL);
    g_autofree char *text = NULL;

    /* The server's log goes to the test's log when something failed. */
    if (rc != 0 && g_file_get_contents (log, &text, NULL, NULL))
      g_printerr ("--- the test's gestiona-server log\n%s", text);
    g_remove (config);
    g_remove (log);
    g_rmdir (server_dir);
  }
  g_free (server_dir);
  return rc;
}

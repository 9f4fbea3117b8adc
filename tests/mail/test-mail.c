/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T4: the documents email, end to end against a real SMTP server (tests/smtp-sink.py, aiosmtpd
 * on 127.0.0.1): composing and queueing in one transaction with the activity entry, delivery
 * with the attachments byte for byte, a server that is down (nothing lost, retried, delivered
 * exactly once), refusals and logins with the server's reply recorded, the test email, the
 * settings, and the background service. No display. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-mail-mime.h"
#include "gest-mail-outbox.h"
#include "gest-mail-sender.h"
#include "gest-mail-service.h"
#include "gest-mail-settings.h"
#include "gest-test-util.h"
#include "gest-tramite.h"
#include "gest-tramite-mail.h"

#define DOCUMENTS_EMAIL "documentos@conauto.test"
#define DEALER_EMAIL "tramites@agencia.test"

typedef struct
{
  char         *dir;
  char         *sink_dir;
  GestStore    *store;
  GestTramite  *tramite;
  GPtrArray    *documents;   /* GestDocument */
  GPtrArray    *contents;    /* GBytes, as written to disk, same order */
  GSubprocess  *server;
  guint16       port;
} Fixture;

static const char *
find_python (void)
{
  static const char *python = NULL;
  const char *candidates[] = { "/usr/bin/python3", "python3" };

  if (python != NULL)
    return python;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import aiosmtpd", NULL };
      int status = -1;

      if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return python = candidates[i];
    }

  g_error ("No python3 with aiosmtpd: install the Debian package python3-aiosmtpd.");
  return NULL;
}

static void
start_sink (Fixture     *f,
            const char **extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "mail", "smtp-sink.py", NULL);
  g_autofree char *line = NULL;

  g_assert_null (f->server);
  g_ptr_array_add (argv, g_strdup (find_python ()));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup ("--dir"));
  g_ptr_array_add (argv, g_strdup (f->sink_dir));
  g_ptr_array_add (argv, g_strdup ("--port"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", f->port));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  f->server = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "READY "));
  f->port = atoi (line + strlen ("READY "));
  g_assert_cmpuint (f->port, >, 0);
}

static void
stop_sink (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (f->server);
  g_subprocess_send_signal (f->server, SIGTERM);
  g_assert_true (g_subprocess_wait (f->server, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->server);
}

static void
set_setting (Fixture    *f,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_setting (f->store, key, value, &error));
  g_assert_no_error (error);
}

static void
configure_smtp (Fixture    *f,
                const char *user)
{
  g_autoptr(GError) error = NULL;
  GestMailSettings settings = {
    .host = (char *) "127.0.0.1",
    .port = f->port,
    .security = GEST_SMTP_SECURITY_NONE,
    .user = (char *) user,
    .from = (char *) DEALER_EMAIL,
  };

  g_assert_true (gest_mail_settings_save (f->store, &settings, &error));
  g_assert_no_error (error);
  set_setting (f, GEST_SETTING_DOCUMENTS_EMAIL, DOCUMENTS_EMAIL);
}

static GestDocument *
attach (Fixture           *f,
        GestDocumentStore *documents,
        const char        *record,
        const char        *name,
        GBytes            *bytes,
        GestDocumentKind   kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GestDocument *document;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  document = gest_document_store_add (documents, record, file, kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocumentStore) documents = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *sql = NULL;
  GByteArray *pdf = g_byte_array_new ();
  GByteArray *jpeg = g_byte_array_new ();
  GDate today;
  GDate agreed;

  f->dir = gest_test_tmpdir_new ();
  f->sink_dir = g_build_filename (f->dir, "received", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->sink_dir, 0700), ==, 0);
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);

  gest_date_today (&today);
  as_of = gest_date_to_iso (&today);
  sql = g_strdup_printf ("INSERT INTO customers (uuid, name, rfc) VALUES ('cust-1', 'María Pérez López', 'PELM800101AB1');"
                         "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, overdue, life_insurance, as_of)"
                         " VALUES ('plan-1', 'PL-0001', 'cust-1', 150000, 12345678, 0, 250000, '%s');"
                         "INSERT INTO customers (uuid, name) VALUES ('cust-2', 'Otro Cliente');", as_of);
  g_assert_true (gest_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  agreed = today;
  g_date_add_days (&agreed, 3);
  f->tramite = gest_tramite_create (f->store, "PL-0001", 12345678, &agreed, "", &error);
  g_assert_no_error (error);

  /* Binary content that a lossy transfer would damage: every byte value, CR, LF, NUL, a
   * line that starts with a dot. */
  g_byte_array_append (pdf, (const guint8 *) "%PDF-1.4\n.\r\n.\n", 15);
  for (guint i = 0; i < 70000; i++)
    {
      guint8 b = (i * 7 + i / 251) & 0xff;
      g_byte_array_append (pdf, &b, 1);
    }
  g_byte_array_append (jpeg, (const guint8 *) "\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
  for (guint i = 0; i < 1000; i++)
    {
      guint8 b = g_test_rand_int_range (0, 256);
      g_byte_array_append (jpeg, &b, 1);
    }

  documents = gest_document_store_new (f->store);
  f->documents = g_ptr_array_new_with_free_func (g_object_unref);
  f->contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (f->contents, g_byte_array_free_to_bytes (pdf));
  g_ptr_array_add (f->contents, g_byte_array_free_to_bytes (jpeg));
  g_ptr_array_add (f->documents, attach (f, documents, f->tramite->uuid, "comprobante-pago.pdf",
                                         f->contents->pdata[0], GEST_DOCUMENT_KIND_PAYMENT_PROOF));
  g_ptr_array_add (f->documents, attach (f, documents, f->tramite->uuid, "identificación oficial.jpg",
                                         f->contents->pdata[1], GEST_DOCUMENT_KIND_IDENTIFICATION));

  g_unsetenv ("GESTIONA_SMTP_PASSWORD");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->server != NULL)
    stop_sink (f);
  g_clear_pointer (&f->documents, g_ptr_array_unref);
  g_clear_pointer (&f->contents, g_ptr_array_unref);
  g_clear_pointer (&f->tramite, gest_tramite_free);
  g_assert_finalize_object (f->store);
  g_free (f->sink_dir);
  gest_test_tmpdir_free (f->dir);
}

static GPtrArray *
document_uuids (Fixture *f)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < f->documents->len; i++)
    g_ptr_array_add (uuids, g_strdup (gest_document_get_uuid (f->documents->pdata[i])));

  return uuids;
}

/* Queues the trámite's documents and returns the new row. */
static GestMailOutboxEntry *
queue_documents (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = document_uuids (f);
  g_autoptr(GPtrArray) pending = NULL;

  g_assert_true (gest_mail_queue_tramite_documents (f->store, f->tramite->uuid, uuids, &error));
  g_assert_no_error (error);

  pending = gest_mail_outbox_list_pending (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, >, 0);

  return g_ptr_array_steal_index (pending, pending->len - 1);
}

static GestMailOutboxEntry *
lookup (Fixture    *f,
        const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GestMailOutboxEntry *entry = gest_mail_outbox_lookup (f->store, uuid, &error);

  g_assert_no_error (error);
  return entry;
}

static void
drain (Fixture *f,
       guint    expect_sent,
       guint    expect_failed)
{
  g_autoptr(GError) error = NULL;
  guint sent = 99;
  guint failed = 99;

  g_assert_true (gest_mail_sender_drain_full (f->store, NULL, &sent, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, expect_sent);
  g_assert_cmpuint (failed, ==, expect_failed);
}

/* The summaries smtp-sink.py wrote, in arrival order. */
static GPtrArray *
received (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->sink_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->sink_dir, names->pdata[i], NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_file (parser, path, &error));
      g_assert_no_error (error);
      g_ptr_array_add (messages, json_node_copy (json_parser_get_root (parser)));
    }

  return messages;
}

static GestActivityEntry *
last_activity (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gest_activity_log_list (f->store, f->tramite->uuid, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  return g_ptr_array_steal_index (entries, entries->len - 1);
}

/* T4: without Conauto's address nothing is queued, and the message says where to set it. */
static void
test_queue_needs_address (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = document_uuids (f);
  gint64 entries = gest_test_query_int (f->store, "SELECT count(*) FROM activity");

  g_assert_false (gest_mail_queue_tramite_documents (f->store, f->tramite->uuid, uuids, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Conauto’s documents email address is not set. Enter it in Preferences, Email, and send again.");
  g_clear_error (&error);

  set_setting (f, GEST_SETTING_DOCUMENTS_EMAIL, "documentos conauto");
  g_assert_false (gest_mail_queue_tramite_documents (f->store, f->tramite->uuid, uuids, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“documentos conauto” is not valid"));
  g_clear_error (&error);

  set_setting (f, GEST_SETTING_DOCUMENTS_EMAIL, DOCUMENTS_EMAIL);
  g_ptr_array_set_size (uuids, 0);
  g_assert_false (gest_mail_queue_tramite_documents (f->store, f->tramite->uuid, uuids, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose at least one document to send to Conauto.");

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, entries);
}

/* T4: a document of another record, or one that does not exist, is refused; nothing is
 * written, not even the first, valid attachment. */
static void
test_queue_refuses_foreign_document (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = document_uuids (f);
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (f->store);
  g_autoptr(GestDocument) other = attach (f, documents, "cust-2", "otro.pdf", f->contents->pdata[1],
                                          GEST_DOCUMENT_KIND_OTHER);
  gint64 entries = gest_test_query_int (f->store, "SELECT count(*) FROM activity");

  set_setting (f, GEST_SETTING_DOCUMENTS_EMAIL, DOCUMENTS_EMAIL);
  g_ptr_array_add (uuids, g_strdup (gest_document_get_uuid (other)));
  g_assert_false (gest_mail_queue_tramite_documents (f->store, f->tramite->uuid, uuids, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The document “otro.pdf” belongs to another record. Attach only this trámite’s documents.");
  g_clear_error (&error);

  g_ptr_array_remove_index (uuids, uuids->len - 1);
  g_ptr_array_add (uuids, g_strdup ("no-such-document"));
  g_assert_false (gest_mail_queue_tramite_documents (f->store, f->tramite->uuid, uuids, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_ptr_array_remove_index (uuids, uuids->len - 1);
  g_assert_false (gest_mail_queue_tramite_documents (f->store, "no-such-tramite", uuids, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM mail_outbox"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, entries);
}

/* T4: the composed email (recipient, folio in the subject, plan, customer, agreed amount and
 * date in the body, the chosen documents) and its activity entry, written together. */
static void
test_queue_composes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GestActivityEntry) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = g_strdup_printf ("Early payoff %s — María Pérez López", f->tramite->folio);
  g_autofree char *date = gest_date_format (&f->tramite->agreed_date);
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;

  set_setting (f, GEST_SETTING_DOCUMENTS_EMAIL, DOCUMENTS_EMAIL);
  entry = queue_documents (f);

  g_assert_cmpstr (entry->recipient, ==, DOCUMENTS_EMAIL);
  g_assert_cmpstr (entry->subject, ==, subject);
  g_assert_cmpstr (entry->record_uuid, ==, f->tramite->uuid);
  g_assert_nonnull (strstr (entry->body, "early payoff of plan PL-0001"));
  g_assert_nonnull (strstr (entry->body, "Customer: María Pérez López\n"));
  g_assert_nonnull (strstr (entry->body, "Agreed payoff amount: $123,456.78 (life insurance excluded)\n"));
  line = g_strdup_printf ("Agreed payment date: %s\n", date);
  g_assert_nonnull (strstr (entry->body, line));
  g_assert_nonnull (strstr (entry->body, "Attachments: comprobante-pago.pdf, identificación oficial.jpg\n"));
  g_assert_cmpuint (g_strv_length (entry->attachments), ==, 2);
  g_assert_cmpstr (entry->attachments[0], ==, gest_document_get_uuid (f->documents->pdata[0]));
  g_assert_cmpstr (entry->attachments[1], ==, gest_document_get_uuid (f->documents->pdata[1]));
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_QUEUED);
  g_assert_cmpuint (entry->attempts, ==, 0);
  g_assert_null (entry->last_error);
  g_assert_cmpint (gest_mail_outbox_count_pending (f->store, &error), ==, 1);
  g_assert_no_error (error);

  activity = last_activity (f);
  g_assert_cmpint (activity->kind, ==, GEST_ACTIVITY_EMAIL);
  text = g_strdup_printf ("Queued email to " DOCUMENTS_EMAIL ": “%s”, with 2 attachments: "
                          "comprobante-pago.pdf, identificación oficial.jpg.", subject);
  g_assert_cmpstr (activity->text, ==, text);
  g_assert_true (gest_activity_log_verify (f->store, f->tramite->uuid, &error));
  g_assert_no_error (error);
}

static void
assert_same_bytes (JsonObject *attachment,
                   GBytes     *expected)
{
  gsize length = 0;
  g_autofree guchar *decoded = g_base64_decode (json_object_get_string_member (attachment, "base64"), &length);

  g_assert_cmpstr (json_object_get_string_member (attachment, "transfer_encoding"), ==, "base64");
  g_assert_cmpmem (decoded, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* T4: delivered through SMTP with the folio in the (RFC 2047) subject and the documents
 * byte for byte, logged "Sent to …" on the trámite. */
static void
test_deliver (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestMailOutboxEntry) queued = NULL;
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GestActivityEntry) activity = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  JsonObject *message;
  JsonArray *attachments;

  start_sink (f, NULL);
  configure_smtp (f, "");
  queued = queue_documents (f);
  drain (f, 1, 0);

  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 1);
  message = json_node_get_object (messages->pdata[0]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (message, "defects")), ==, 0);
  g_assert_false (json_object_get_boolean_member (message, "bare_lf"));
  g_assert_cmpint (json_object_get_int_member (message, "max_line"), <=, 78);
  g_assert_cmpstr (json_object_get_string_member (message, "subject"), ==, queued->subject);
  g_assert_nonnull (strstr (json_object_get_string_member (message, "subject"), f->tramite->folio));
  g_assert_cmpstr (json_object_get_string_member (message, "mail_from"), ==, DEALER_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (message, "from"), ==, DEALER_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (message, "to"), ==, DOCUMENTS_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (message, "content_type"), ==, "multipart/mixed");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (message, "message_id"), "@agencia.test>"));
  g_assert_cmpstr (json_object_get_string_member (message, "date"), !=, "None");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (message, "rcpt_tos")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (message, "rcpt_tos"), 0),
                   ==, DOCUMENTS_EMAIL);
  body = g_strdup (json_object_get_string_member (message, "body"));
  g_strdelimit (body, "\r", ' ');
  g_assert_nonnull (strstr (body, "Customer: María Pérez López"));

  attachments = json_object_get_array_member (message, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 0), "filename"),
                   ==, "comprobante-pago.pdf");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 0), "content_type"),
                   ==, gest_document_get_mime_type (f->documents->pdata[0]));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 1), "filename"),
                   ==, "identificación oficial.jpg");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 1), "content_type"),
                   ==, "image/jpeg");
  assert_same_bytes (json_array_get_object_element (attachments, 0), f->contents->pdata[0]);
  assert_same_bytes (json_array_get_object_element (attachments, 1), f->contents->pdata[1]);

  entry = lookup (f, queued->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_SENT);
  g_assert_cmpuint (entry->attempts, ==, 1);
  g_assert_cmpint (entry->sent_at, >, 0);
  g_assert_null (entry->last_error);
  g_assert_cmpint (gest_mail_outbox_count_pending (f->store, &error), ==, 0);

  activity = last_activity (f);
  g_assert_cmpint (activity->kind, ==, GEST_ACTIVITY_EMAIL);
  text = g_strdup_printf ("Sent to " DOCUMENTS_EMAIL ": “%s”.", queued->subject);
  g_assert_cmpstr (activity->text, ==, text);

  /* T5: the delivered email ticked "documents sent" on the trámite. */
  {
    sqlite3_stmt *stmt = gest_store_prepare (f->store, "SELECT docs_sent_at FROM tramites WHERE uuid = ?1", NULL);

    sqlite3_bind_text (stmt, 1, f->tramite->uuid, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, entry->sent_at);
    sqlite3_finalize (stmt);
  }

  /* Nothing is due any more: a second drain sends nothing. */
  drain (f, 0, 0);
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 1);
}

/* T4: with the server down the email stays in the outbox with the error and the attempt
 * counted, is not retried before its time, and once the server is back it is delivered
 * exactly once. */
static void
test_server_down (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GestMailOutboxEntry) first = NULL;
  g_autoptr(GestMailOutboxEntry) second = NULL;
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GestActivityEntry) activity = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  start_sink (f, NULL);
  configure_smtp (f, "");
  first = queue_documents (f);
  drain (f, 1, 0);
  stop_sink (f);

  second = queue_documents (f);
  before = gest_timestamp_now ();
  drain (f, 0, 1);

  entry = lookup (f, second->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_FAILED);
  g_assert_cmpuint (entry->attempts, ==, 1);
  g_assert_nonnull (entry->last_error);
  g_assert_nonnull (strstr (entry->last_error, "connect"));
  g_assert_cmpint (entry->next_attempt, >=, before + gest_mail_outbox_backoff (1));
  g_assert_cmpint (gest_mail_outbox_count_pending (f->store, &error), ==, 1);

  activity = last_activity (f);
  g_assert_cmpint (activity->kind, ==, GEST_ACTIVITY_EMAIL);
  g_assert_true (g_str_has_prefix (activity->text, "Sending failed: "));
  g_assert_nonnull (strstr (activity->text, entry->last_error));

  /* Not due yet: the next drain leaves it alone. */
  drain (f, 0, 0);
  g_clear_pointer (&entry, gest_mail_outbox_entry_free);
  entry = lookup (f, second->uuid);
  g_assert_cmpuint (entry->attempts, ==, 1);

  start_sink (f, NULL);
  g_assert_true (gest_mail_outbox_retry_now (f->store, NULL, &error));
  g_assert_no_error (error);
  drain (f, 1, 0);
  drain (f, 0, 0);

  g_clear_pointer (&entry, gest_mail_outbox_entry_free);
  entry = lookup (f, second->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_SENT);
  g_assert_cmpuint (entry->attempts, ==, 2);

  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_cmpint (gest_mail_outbox_count_pending (f->store, &error), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE text LIKE 'Sent to %'"),
                   ==, 2);
}

/* T4: a refusal keeps the server's own reply, on the row and in the log. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const char *args[] = { "--reject", DOCUMENTS_EMAIL, NULL };
  g_autoptr(GestMailOutboxEntry) queued = NULL;
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GestActivityEntry) activity = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  start_sink (f, args);
  configure_smtp (f, "");
  queued = queue_documents (f);
  drain (f, 0, 1);

  entry = lookup (f, queued->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_FAILED);
  g_assert_true (g_str_has_prefix (entry->last_error,
                                   "550 5.1.1 <" DOCUMENTS_EMAIL ">: Recipient address rejected: mailbox unavailable ("));
  activity = last_activity (f);
  g_assert_true (g_str_has_prefix (activity->text,
                                   "Sending failed: 550 5.1.1 <" DOCUMENTS_EMAIL ">: Recipient address rejected"));
  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 0);
}

/* T4: a server that wants a login gets the password (from the test override of the keyring);
 * a wrong one is recorded with the server's 535 and delivered after it is corrected. */
static void
test_login (Fixture       *f,
            gconstpointer  data)
{
  const char *args[] = { "--user", "agencia", "--password", "s3cr3t ñ", NULL };
  g_autoptr(GestMailOutboxEntry) queued = NULL;
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;

  start_sink (f, args);
  configure_smtp (f, "agencia");

  g_setenv ("GESTIONA_SMTP_PASSWORD", "wrong", TRUE);
  queued = queue_documents (f);
  drain (f, 0, 1);
  entry = lookup (f, queued->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_FAILED);
  g_assert_true (g_str_has_prefix (entry->last_error, "535 "));

  g_setenv ("GESTIONA_SMTP_PASSWORD", "s3cr3t ñ", TRUE);
  g_assert_true (gest_mail_outbox_retry_now (f->store, queued->uuid, &error));
  drain (f, 1, 0);
  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 1);
}

/* Preferences' "Send Test Email", and the settings it depends on. */
static void
test_send_test_email (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *message;

  g_assert_false (gest_mail_send_test (f->store, "yo@agencia.test", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "No outgoing mail server is set. Enter the SMTP server in Preferences, Email.");
  g_clear_error (&error);

  start_sink (f, NULL);
  configure_smtp (f, "");
  g_assert_false (gest_mail_send_test (f->store, "not an address", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gest_mail_send_test (f->store, "yo@agencia.test", NULL, &error));
  g_assert_no_error (error);
  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 1);
  message = json_node_get_object (messages->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (message, "subject"), ==, "Gestiona test email");
  g_assert_cmpstr (json_object_get_string_member (message, "to"), ==, "yo@agencia.test");

  stop_sink (f);
  g_assert_false (gest_mail_send_test (f->store, "yo@agencia.test", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NETWORK);
  g_assert_true (g_str_has_prefix (error->message, "The test email could not be sent through 127.0.0.1, port "));
  g_assert_nonnull (strstr (error->message, "Check the server, port, security, user and password."));
  g_assert_null (strstr (error->message, ".."));
}

static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "gestiona.db", NULL);
  g_autoptr(GestStore) store = gest_store_open (path, &error);
  g_auto(GestMailSettings) loaded = { 0, };
  GestMailSettings settings = {
    .host = (char *) "smtp.agencia.test", .port = 0, .security = GEST_SMTP_SECURITY_TLS,
    .user = (char *) "tramites", .from = (char *) DEALER_EMAIL,
  };

  g_assert_no_error (error);
  gest_mail_settings_load (store, &loaded);
  g_assert_cmpstr (loaded.host, ==, "");
  g_assert_cmpint (loaded.security, ==, GEST_SMTP_SECURITY_STARTTLS);
  g_assert_cmpuint (gest_mail_settings_get_port (&loaded), ==, 587);
  g_assert_false (gest_mail_settings_check_ready (&loaded, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);
  gest_mail_settings_clear (&loaded);

  g_assert_true (gest_mail_settings_save (store, &settings, &error));
  g_assert_no_error (error);
  gest_mail_settings_load (store, &loaded);
  g_assert_cmpstr (loaded.host, ==, "smtp.agencia.test");
  g_assert_cmpint (loaded.security, ==, GEST_SMTP_SECURITY_TLS);
  g_assert_cmpuint (gest_mail_settings_get_port (&loaded), ==, 465);
  g_assert_cmpstr (loaded.user, ==, "tramites");
  g_assert_cmpstr (loaded.from, ==, DEALER_EMAIL);
  g_assert_true (gest_mail_settings_check_ready (&loaded, &error));
  gest_mail_settings_clear (&loaded);

  settings.host = (char *) "smtp agencia";
  g_assert_false (gest_mail_settings_save (store, &settings, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“smtp agencia” is not a mail server name. Enter a name such as smtp.example.com, without spaces.");
  g_clear_error (&error);
  settings.host = (char *) "smtp.agencia.test";
  settings.from = (char *) "tramites@";
  g_assert_false (gest_mail_settings_save (store, &settings, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);
  settings.from = (char *) DEALER_EMAIL;
  settings.port = 70000;
  g_assert_false (gest_mail_settings_save (store, &settings, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_clear_error (&error);

  /* From the preferences page: refused at once without a write, or saved on the writer. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    gest_mail_settings_save_async (store, &settings, NULL, gest_test_result_cb, &result);
    g_assert_cmpuint (gest_store_get_pending_writes (store), ==, 0);
    WAIT_UNTIL (result != NULL);
    g_assert_false (gest_mail_settings_save_finish (store, result, &error));
    g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_object (&result);

    settings.port = 2525;
    gest_mail_settings_save_async (store, &settings, NULL, gest_test_result_cb, &result);
    WAIT_UNTIL (result != NULL);
    g_assert_true (gest_mail_settings_save_finish (store, result, &error));
    g_assert_no_error (error);
    gest_mail_settings_load (store, &loaded);
    g_assert_cmpuint (loaded.port, ==, 2525);
    gest_mail_settings_clear (&loaded);
  }

  g_assert_true (gest_mail_address_is_valid ("a.b@c.mx"));
  g_assert_false (gest_mail_address_is_valid ("a@b@c"));
  g_assert_false (gest_mail_address_is_valid ("a@b.mx\r\nBcc: x@y"));
  g_assert_false (gest_mail_address_is_valid ("<a@b.mx>"));
  g_assert_false (gest_mail_address_is_valid ("@b.mx"));

  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_backoff (void)
{
  g_assert_cmpint (gest_mail_outbox_backoff (1), ==, 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (gest_mail_outbox_backoff (2), ==, 120 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (gest_mail_outbox_backoff (3), ==, 240 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (gest_mail_outbox_backoff (9), ==, 256 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (gest_mail_outbox_backoff (10), ==, 6 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (gest_mail_outbox_backoff (1000), ==, 6 * G_TIME_SPAN_HOUR);
}

/* RFC 2047: a long UTF-8 subject in encoded words of whole characters, lines under 78. */
static void
test_mime_subject (void)
{
  const char *subject = "Liquidación anticipada LIQ-2026-000123 — José Ñúñez Íñiguez Ávalos de la Peña y Güemes";
  g_autofree char *encoded = gest_mail_mime_encode_header (subject);
  g_auto(GStrv) lines = g_strsplit (encoded, "\r\n", -1);
  g_autoptr(GString) decoded = g_string_new (NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2026-03-03T09:05:00-06:00", NULL);
  g_autofree char *date_text = gest_mail_mime_format_date (date);
  g_autofree char *plain = gest_mail_mime_encode_header ("Plain ASCII\r\nBcc: x@y");

  g_assert_cmpuint (g_strv_length (lines), >, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *word = lines[i] + (i > 0 ? 1 : 0);
      g_autofree char *b64 = NULL;
      g_autofree guchar *bytes = NULL;
      gsize length;

      g_assert_cmpuint (strlen ("Subject: ") + strlen (lines[i]), <=, 78);
      g_assert_true (g_str_has_prefix (word, "=?UTF-8?B?"));
      g_assert_true (g_str_has_suffix (word, "?="));
      b64 = g_strndup (word + 10, strlen (word) - 12);
      bytes = g_base64_decode (b64, &length);
      g_assert_true (g_utf8_validate ((const char *) bytes, length, NULL));
      g_string_append_len (decoded, (const char *) bytes, length);
    }
  g_assert_cmpstr (decoded->str, ==, subject);
  g_assert_cmpstr (plain, ==, "Plain ASCII  Bcc: x@y");
  g_assert_cmpstr (date_text, ==, "Tue, 03 Mar 2026 09:05:00 -0600");
}

static void
drained_cb (GestMailService *service,
            guint            sent,
            guint            failed,
            const char      *error_message,
            gpointer         user_data)
{
  guint *total = user_data;

  g_assert_null (error_message);
  g_assert_cmpuint (failed, ==, 0);
  *total += sent;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("The mail service did not report in time.");
  return G_SOURCE_REMOVE;
}

/* The service drains on its own thread when kicked; the UI thread only waits for the signal. */
static void
test_service (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GestMailOutboxEntry) queued = NULL;
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  GestMailService *service;
  guint total = 0;
  guint timeout;

  start_sink (f, NULL);
  configure_smtp (f, "");
  service = gest_mail_service_new (f->store);
  g_signal_connect (service, "drained", G_CALLBACK (drained_cb), &total);
  gest_mail_service_start (service);

  queued = queue_documents (f);
  gest_mail_service_kick (service);
  timeout = g_timeout_add_seconds (20, timeout_cb, NULL);
  while (total < 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  gest_mail_service_stop (service);
  g_assert_finalize_object (service);

  entry = lookup (f, queued->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_SENT);
  messages = received (f);
  g_assert_cmpuint (messages->len, ==, 1);
}

/* Without a keyring (no Secret Service on the session bus) the password cannot be read: the
 * drain says so, in words the user can act on, and leaves the outbox untouched. */
static void
test_no_keyring (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GestMailOutboxEntry) queued = NULL;
  g_autoptr(GestMailOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bus = g_build_filename (f->dir, "no-bus", NULL);
  g_autofree char *address = g_strdup_printf ("unix:path=%s", bus);
  g_autofree char *password = NULL;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  start_sink (f, NULL);
  configure_smtp (f, "agencia");
  queued = queue_documents (f);

  password = gest_mail_password_lookup_sync ("127.0.0.1", "agencia", NULL, &error);
  g_assert_null (password);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_true (g_str_has_prefix (error->message, "The SMTP password could not be reached in the keyring ("));
  g_assert_nonnull (strstr (error->message, "install and unlock a keyring such as GNOME Keyring"));
  g_clear_error (&error);

  g_assert_false (gest_mail_sender_drain (f->store, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  entry = lookup (f, queued->uuid);
  g_assert_cmpint (entry->state, ==, GEST_MAIL_STATE_QUEUED);
  g_assert_cmpuint (entry->attempts, ==, 0);
}

/* Issue 12 (X5): the "Sent to …" entry, written when the mail service delivers on its own,
 * names the user who queued the email, not whoever is signed in at delivery (or nobody). */
static void
test_sent_entry_names_queuer (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GestMailOutboxEntry) queued = NULL;
  g_autoptr(GestActivityEntry) activity = NULL;
  GestUser *finance;
  GestUser *analyst;

  start_sink (f, NULL);
  configure_smtp (f, "");
  finance = gest_test_sign_in (f->store, GEST_ROLE_FINANCE_MANAGER);
  g_assert_cmpstr (finance->name, !=, "Usuario");
  queued = queue_documents (f);
  analyst = gest_test_sign_in (f->store, GEST_ROLE_CS_ANALYST);
  drain (f, 1, 0);

  activity = last_activity (f);
  g_assert_true (g_str_has_prefix (activity->text, "Sent to "));
  g_assert_cmpstr (activity->user_name, ==, "Test finance-manager");
  g_assert_cmpstr (activity->user_role, ==, "finance-manager");
  /* The store's own session is left as it was. */
  g_assert_true (gest_store_get_user (f->store) == analyst);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail/T4/settings", test_settings);
  g_test_add_func ("/mail/T4/backoff", test_backoff);
  g_test_add_func ("/mail/T4/mime-subject-rfc2047", test_mime_subject);
  g_test_add ("/mail/T4/queue-needs-documents-address", Fixture, NULL,
              fixture_setup, test_queue_needs_address, fixture_teardown);
  g_test_add ("/mail/T4/queue-refuses-foreign-document", Fixture, NULL,
              fixture_setup, test_queue_refuses_foreign_document, fixture_teardown);
  g_test_add ("/mail/T4/queue-composes-and-logs", Fixture, NULL,
              fixture_setup, test_queue_composes, fixture_teardown);
  g_test_add ("/mail/X5/sent-entry-names-queuer", Fixture, NULL,
              fixture_setup, test_sent_entry_names_queuer, fixture_teardown);
  g_test_add ("/mail/T4/deliver-attachments-byte-for-byte", Fixture, NULL,
              fixture_setup, test_deliver, fixture_teardown);
  g_test_add ("/mail/T4/server-down-retried-delivered-once", Fixture, NULL,
              fixture_setup, test_server_down, fixture_teardown);
  g_test_add ("/mail/T4/refusal-keeps-server-reply", Fixture, NULL,
              fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/mail/T4/login-password", Fixture, NULL,
              fixture_setup, test_login, fixture_teardown);
  g_test_add ("/mail/T4/send-test-email", Fixture, NULL,
              fixture_setup, test_send_test_email, fixture_teardown);
  g_test_add ("/mail/T4/no-keyring-says-so", Fixture, NULL,
              fixture_setup, test_no_keyring, fixture_teardown);
  g_test_add ("/mail/T4/service-drains-on-kick", Fixture, NULL,
              fixture_setup, test_service, fixture_teardown);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-sender"

#include "config.h"

#include <string.h>

#include <curl/curl.h>
#include <glib/gi18n.h>

#include "gest-blob.h"
#include "gest-date.h"
#include "gest-mail-mime.h"
#include "gest-mail-outbox.h"
#include "gest-mail-sender.h"

#define CONNECT_TIMEOUT_S 20L
/* Whole transfer; the outbox's claim lease (15 min) must stay longer. */
#define TRANSFER_TIMEOUT_S 300L

typedef struct
{
  const guchar *data;
  gsize         size;
  gsize         offset;
  GString      *last_reply;    /* the server's last refusal line (4xx, 5xx) */
  GCancellable *cancellable;
} Transfer;

static gpointer
init_curl_once (gpointer data)
{
  curl_global_init (CURL_GLOBAL_DEFAULT);
  return NULL;
}

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  nitems,
         void   *user_data)
{
  Transfer *transfer = user_data;
  gsize n = MIN (size * nitems, transfer->size - transfer->offset);

  memcpy (buffer, transfer->data + transfer->offset, n);
  transfer->offset += n;

  return n;
}

/* Keeps the server's last refusal ("550 5.1.1 <x@y>: Recipient address rejected"): curl
 * says QUIT after it, so the very last line is only "221 Bye". */
static int
debug_cb (CURL          *handle,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  Transfer *transfer = user_data;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (type != CURLINFO_HEADER_IN)
    return 0;

  text = g_strndup (data, size);
  lines = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if ((lines[i][0] == '4' || lines[i][0] == '5') && g_ascii_isdigit (lines[i][1]) &&
          g_ascii_isdigit (lines[i][2]) && g_utf8_validate (lines[i], -1, NULL))
        g_string_assign (transfer->last_reply, lines[i]);
    }

  return 0;
}

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Transfer *transfer = user_data;

  return g_cancellable_is_cancelled (transfer->cancellable) ? 1 : 0;
}

static gboolean
is_connection_failure (CURLcode code)
{
  switch ((int) code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_LOGIN_DENIED:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
build_url (const GestMailSettings *settings)
{
  const char *scheme = settings->security == GEST_SMTP_SECURITY_TLS ? "smtps" : "smtp";
  const char *local = g_get_host_name ();
  gboolean ipv6 = strchr (settings->host, ':') != NULL;

  /* The path is the name curl gives in EHLO; keep it to characters a URL needs no escape for. */
  for (const char *p = local; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        {
          local = "localhost";
          break;
        }
    }

  return g_strdup_printf ("%s://%s%s%s:%u/%s", scheme, ipv6 ? "[" : "", settings->host,
                          ipv6 ? "]" : "", gest_mail_settings_get_port (settings), local);
}

gboolean
gest_mail_sender_send (const GestMailSettings  *settings,
                       const char              *password,
                       const char              *recipient,
                       GBytes                  *message,
                       gboolean                *out_connection_failed,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  static GOnce curl_once = G_ONCE_INIT;
  g_autoptr(GString) last_reply = g_string_new (NULL);
  g_autofree char *url = NULL;
  g_autofree char *mail_from = NULL;
  g_autofree char *rcpt = NULL;
  char error_buffer[CURL_ERROR_SIZE] = "";
  struct curl_slist *recipients = NULL;
  Transfer transfer = { 0, };
  long response = 0;
  CURLcode code;
  CURL *curl;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (out_connection_failed != NULL)
    *out_connection_failed = FALSE;

  if (!gest_mail_settings_check_ready (settings, error))
    return FALSE;

  g_once (&curl_once, init_curl_once, NULL);

  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NETWORK, "curl_easy_init() failed");
      return FALSE;
    }

  transfer.data = g_bytes_get_data (message, &transfer.size);
  transfer.last_reply = last_reply;
  transfer.cancellable = cancellable;

  url = build_url (settings);
  mail_from = g_strdup_printf ("<%s>", settings->from);
  rcpt = g_strdup_printf ("<%s>", recipient);
  recipients = curl_slist_append (NULL, rcpt);

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_S);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, TRANSFER_TIMEOUT_S);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, mail_from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) transfer.size);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &transfer);
  if (settings->security == GEST_SMTP_SECURITY_STARTTLS)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  if (settings->user != NULL && *settings->user != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, settings->user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, password != NULL ? password : "");
    }

  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &response);
  curl_slist_free_all (recipients);
  curl_easy_cleanup (curl);

  if (code == CURLE_OK)
    return TRUE;

  if (code == CURLE_ABORTED_BY_CALLBACK && g_cancellable_is_cancelled (cancellable))
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  if (out_connection_failed != NULL)
    *out_connection_failed = is_connection_failure (code);

  {
    g_autofree char *reason = g_strdup (*error_buffer != '\0' ? error_buffer : curl_easy_strerror (code));
    gsize len = strlen (g_strchomp (reason));

    /* Messages built on this one add their own full stop. */
    while (len > 0 && reason[len - 1] == '.')
      reason[--len] = '\0';

    /* The server's own words first when it answered with a refusal; curl's summary after. */
    if (response >= 400 && last_reply->len > 0)
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK, "%s (%s)", last_reply->str, reason);
    else
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NETWORK, reason);
  }

  return FALSE;
}

/* The documents' bytes, read from the content-addressed store. */
static GPtrArray *
load_attachments (GestStore            *store,
                  GestMailOutboxEntry  *entry,
                  GError              **error)
{
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_mail_attachment_free);
  sqlite3_stmt *stmt;

  stmt = gest_store_prepare (store, "SELECT filename, mime_type, sha256 FROM documents WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; entry->attachments[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, entry->attachments[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("The attached document %s is no longer in the database."), entry->attachments[i]);
          sqlite3_finalize (stmt);
          return NULL;
        }

      path = gest_blob_path (gest_store_get_files_dir (store), (const char *) sqlite3_column_text (stmt, 2));
      if (!g_file_get_contents (path, &contents, &length, &local_error))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("The file of the attached document “%s” cannot be read: %s"),
                       (const char *) sqlite3_column_text (stmt, 0), local_error->message);
          sqlite3_finalize (stmt);
          return NULL;
        }

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      g_ptr_array_add (attachments,
                       gest_mail_attachment_new ((const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1),
                                                 bytes));
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&attachments);
}

static char *
lookup_password (const GestMailSettings  *settings,
                 GCancellable            *cancellable,
                 gboolean                *ok,
                 GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  *ok = TRUE;
  if (*settings->user == '\0')
    return NULL;

  password = gest_mail_password_lookup_sync (settings->host, settings->user, cancellable, &local_error);
  if (local_error != NULL)
    {
      *ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return password;
}

gboolean
gest_mail_sender_drain_full (GestStore     *store,
                             GCancellable  *cancellable,
                             guint         *out_sent,
                             guint         *out_failed,
                             GError       **error)
{
  g_auto(GestMailSettings) settings = { 0, };
  g_autofree char *password = NULL;
  guint sent = 0;
  guint failed = 0;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (out_sent != NULL)
    *out_sent = 0;
  if (out_failed != NULL)
    *out_failed = 0;

  /* Nothing to send: no need for a mail server yet (a new dealer has none configured). */
  {
    GError *count_error = NULL;
    gint64 pending = gest_mail_outbox_count_pending (store, &count_error);

    if (pending < 0)
      {
        g_propagate_error (error, count_error);
        return FALSE;
      }
    if (pending == 0)
      return TRUE;
  }

  gest_mail_settings_load (store, &settings);
  if (!gest_mail_settings_check_ready (&settings, error))
    return FALSE;

  password = lookup_password (&settings, cancellable, &ok, error);
  if (!ok)
    return FALSE;

  while (!g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GestMailOutboxEntry) entry = NULL;
      g_autoptr(GPtrArray) attachments = NULL;
      g_autoptr(GBytes) message = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean connection_failed = FALSE;
      GestMailMessage mail = { 0, };

      entry = gest_mail_outbox_claim_next (store, gest_timestamp_now (), &local_error);
      if (entry == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }

      attachments = load_attachments (store, entry, &local_error);
      if (attachments != NULL)
        {
          mail.from = settings.from;
          mail.to = entry->recipient;
          mail.subject = entry->subject;
          mail.body = entry->body;
          mail.attachments = attachments;
          message = gest_mail_mime_build (&mail);

          if (gest_mail_sender_send (&settings, password, entry->recipient, message,
                                     &connection_failed, cancellable, &local_error))
            {
              if (!gest_mail_outbox_mark_sent (store, entry, error))
                return FALSE;
              sent++;
              continue;
            }
        }

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gest_mail_outbox_release (store, entry, NULL);
          break;
        }

      g_debug ("Sending %s failed: %s", entry->uuid, local_error->message);
      if (!gest_mail_outbox_mark_failed (store, entry, local_error->message, error))
        return FALSE;
      failed++;

      /* The server is down or refuses the login: the others would fail the same way. */
      if (connection_failed)
        break;
    }

  if (out_sent != NULL)
    *out_sent = sent;
  if (out_failed != NULL)
    *out_failed = failed;

  return TRUE;
}

gboolean
gest_mail_sender_drain (GestStore  *store,
                        GError    **error)
{
  return gest_mail_sender_drain_full (store, NULL, NULL, NULL, error);
}

gboolean
gest_mail_send_test (GestStore     *store,
                     const char    *to,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_auto(GestMailSettings) settings = { 0, };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) message = NULL;
  g_autofree char *password = NULL;
  GestMailMessage mail = { 0, };
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (!gest_mail_address_is_valid (to))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an email address. Enter the address to send the test to as name@domain."),
                   to != NULL ? to : "");
      return FALSE;
    }

  gest_mail_settings_load (store, &settings);
  if (!gest_mail_settings_check_ready (&settings, error))
    return FALSE;

  password = lookup_password (&settings, cancellable, &ok, error);
  if (!ok)
    return FALSE;

  mail.from = settings.from;
  mail.to = to;
  mail.subject = _("Gestiona test email");
  mail.body = _("This is a test email from Gestiona. If you can read it, the outgoing mail settings work.");
  message = gest_mail_mime_build (&mail);

  if (gest_mail_sender_send (&settings, password, to, message, NULL, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
               _("The test email could not be sent through %s, port %u: %s. Check the server, port, "
                 "security, user and password."),
               settings.host, gest_mail_settings_get_port (&settings), local_error->message);
  return FALSE;
}

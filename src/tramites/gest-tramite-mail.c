/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-mail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-mail-outbox.h"
#include "gest-mail-settings.h"
#include "gest-money.h"
#include "gest-tramite-mail.h"
#include "gest-tramites-domain.h"

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

typedef struct
{
  char      *folio;
  char      *plan_number;
  char      *customer;
  GestMoney  agreed_amount;
  GDate      agreed_date;
} TramiteFacts;

static void
tramite_facts_clear (TramiteFacts *facts)
{
  g_free (facts->folio);
  g_free (facts->plan_number);
  g_free (facts->customer);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TramiteFacts, tramite_facts_clear)

static gboolean
load_tramite_facts (GestStore     *store,
                    const char    *tramite_uuid,
                    TramiteFacts  *out,
                    GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = gest_store_prepare (store,
                             "SELECT t.folio, p.number, c.name, t.agreed_amount, t.agreed_date"
                             " FROM tramites t JOIN plans p ON p.uuid = t.plan_uuid"
                             " JOIN customers c ON c.uuid = p.customer_uuid"
                             " WHERE t.uuid = ?1 AND t.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tramite_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The trámite to send documents for no longer exists. Refresh the board and open it again."));
      return FALSE;
    }

  out->folio = g_strdup (column_text (stmt, 0));
  out->plan_number = g_strdup (column_text (stmt, 1));
  out->customer = g_strdup (column_text (stmt, 2));
  out->agreed_amount = sqlite3_column_int64 (stmt, 3);
  g_date_clear (&out->agreed_date, 1);
  gest_date_from_iso (column_text (stmt, 4), &out->agreed_date);
  sqlite3_finalize (stmt);

  return TRUE;
}

static char *
compose_body (GestStore          *store,
              const TramiteFacts *facts,
              const char         *attachment_names)
{
  g_autofree char *amount = gest_money_format (facts->agreed_amount);
  g_autofree char *date = g_date_valid (&facts->agreed_date) ? gest_date_format (&facts->agreed_date)
                                                             : g_strdup ("");
  g_autofree char *user = gest_store_get_user_name (store);

  /* Translators: the email to Conauto with a payoff's documents. %1$s plan number,
   * %2$s folio, %3$s customer, %4$s agreed amount, %5$s agreed payment date (dd/mm/yyyy),
   * %6$s the attached file names, %7$s the user who sends it. */
  return g_strdup_printf (_("Hello,\n\n"
                            "Attached are the documents for the early payoff of plan %1$s.\n\n"
                            "Folio: %2$s\n"
                            "Customer: %3$s\n"
                            "Plan: %1$s\n"
                            "Agreed payoff amount: %4$s (life insurance excluded)\n"
                            "Agreed payment date: %5$s\n\n"
                            "Attachments: %6$s\n\n"
                            "Regards,\n%7$s\n"),
                          facts->plan_number, facts->folio, facts->customer, amount, date,
                          attachment_names, user);
}

gboolean
gest_mail_queue_tramite_documents (GestStore   *store,
                                   const char  *tramite_uuid,
                                   GPtrArray   *document_uuids,
                                   GError     **error)
{
  g_auto(TramiteFacts) facts = { 0, };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *recipient = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  guint n_documents = document_uuids != NULL ? document_uuids->len : 0;
  gboolean own, ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (tramite_uuid != NULL, FALSE);

  recipient = gest_store_get_setting (store, GEST_SETTING_DOCUMENTS_EMAIL);
  if (recipient != NULL)
    g_strstrip (recipient);
  if (recipient == NULL || *recipient == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Conauto’s documents email address is not set. Enter it in Preferences, Email, and send again."));
      return FALSE;
    }
  if (!gest_mail_address_is_valid (recipient))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Conauto’s documents email address “%s” is not valid. Correct it in Preferences, Email, and send again."),
                   recipient);
      return FALSE;
    }

  if (n_documents == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Choose at least one document to send to Conauto."));
      return FALSE;
    }

  if (!gest_store_begin_change (store, "gest_mail_documents", &own, error))
    return FALSE;

  ok = load_tramite_facts (store, tramite_uuid, &facts, error) &&
       gest_mail_outbox_check_attachments (store, tramite_uuid, document_uuids,
                                           _("Attach only this trámite’s documents."), names, error);
  if (ok)
    {
      /* Translators: the subject of the email to Conauto: folio, then the customer's name. */
      subject = g_strdup_printf (_("Early payoff %s — %s"), facts.folio, facts.customer);
      body = compose_body (store, &facts, names->str);
      text = g_strdup_printf (ngettext ("Queued email to %s: “%s”, with %u attachment: %s.",
                                        "Queued email to %s: “%s”, with %u attachments: %s.",
                                        n_documents),
                              recipient, subject, n_documents, names->str);
      ok = gest_mail_outbox_queue (store, GEST_TRAMITES_MODULE_ID, GEST_TRAMITE_MAIL_DOCUMENTS,
                                   tramite_uuid, recipient, subject, body, document_uuids,
                                   NULL, error) &&
           gest_activity_log_append (store, tramite_uuid, GEST_ACTIVITY_EMAIL, text, NULL, NULL,
                                     error) > 0;
    }
  return gest_store_end_change (store, "gest_mail_documents", own, ok, error);
}

typedef struct
{
  char      *tramite_uuid;
  GPtrArray *document_uuids;
} QueueDocuments;

static void
queue_documents_free (QueueDocuments *queue)
{
  g_free (queue->tramite_uuid);
  g_ptr_array_unref (queue->document_uuids);
  g_free (queue);
}

/* On the writer thread. */
static gboolean
queue_documents_write (GestStore  *store,
                       gpointer    data,
                       GError    **error)
{
  QueueDocuments *queue = data;

  return gest_mail_queue_tramite_documents (store, queue->tramite_uuid, queue->document_uuids, error);
}

void
gest_mail_queue_tramite_documents_async (GestStore           *store,
                                         const char          *tramite_uuid,
                                         GPtrArray           *document_uuids,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  QueueDocuments *queue;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (tramite_uuid != NULL);

  queue = g_new0 (QueueDocuments, 1);
  queue->tramite_uuid = g_strdup (tramite_uuid);
  queue->document_uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; document_uuids != NULL && i < document_uuids->len; i++)
    g_ptr_array_add (queue->document_uuids, g_strdup (g_ptr_array_index (document_uuids, i)));
  gest_store_write_async (store, queue_documents_write, queue, (GDestroyNotify) queue_documents_free,
                          cancellable, callback, user_data);
}

gboolean
gest_mail_queue_tramite_documents_finish (GestStore     *store,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return gest_store_write_finish (store, result, error);
}

gboolean
gest_tramite_mail_sent (GestStore   *store,
                        const char  *purpose,
                        const char  *tramite_uuid,
                        gint64       sent_at,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (tramite_uuid != NULL, FALSE);

  if (g_strcmp0 (purpose, GEST_TRAMITE_MAIL_DOCUMENTS) != 0)
    return TRUE;
  stmt = gest_store_prepare (store,
                             "UPDATE tramites SET docs_sent_at = ?2, updated_at = ?2"
                             " WHERE uuid = ?1 AND docs_sent_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tramite_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sent_at);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

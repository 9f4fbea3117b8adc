/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-letter"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-activity-log.h"
#include "gest-campaign.h"
#include "gest-contact-letter-private.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-error.h"
#include "gest-letter-pdf.h"
#include "gest-mail-outbox.h"
#include "gest-mail-settings.h"
#include "gest-retention-domain.h"

/* S15: after the fifth failed attempt, the target gets one letter or email (contact_letters,
 * unique per target). An email goes through the mail outbox at once; a letter waits in the
 * batch to print, and is resolved from the letter template when it is printed (the day's
 * promotions, the vehicle's open field actions of that day), then kept as a document of the
 * target. */

/* A contact target as the letter needs it. */
typedef struct
{
  char    *source;
  char    *record_uuid;
  char    *customer_uuid;
  char    *vehicle_uuid;
  gboolean recall_source;   /* the field action's own call: its VIN list's data may serve */
  gboolean recall_only;     /* the customer's data came only with a VIN list */
  char    *list_owner;      /* the list's data, for the recall only */
  char    *list_email;
  char    *list_address;
} Target;

/* One letter of a batch, with the strings its GestLetter borrows. */
typedef struct
{
  char *recipient;
  char *subject;
  char *body;
  char *signature;
} LetterParts;

static void
target_clear (Target *target)
{
  g_free (target->source);
  g_free (target->record_uuid);
  g_free (target->customer_uuid);
  g_free (target->vehicle_uuid);
  g_free (target->list_owner);
  g_free (target->list_email);
  g_free (target->list_address);
}

static void
letter_parts_clear (gpointer data)
{
  LetterParts *parts = data;

  g_free (parts->recipient);
  g_free (parts->subject);
  g_free (parts->body);
  g_free (parts->signature);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static gboolean
target_load (GestStore   *store,
             const char  *target_uuid,
             Target      *target,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT source, record_uuid, customer_uuid, vehicle_uuid FROM contact_targets"
                             " WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The contact of this letter no longer exists. Reload the list."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  target->source = dup_column (stmt, 0);
  target->record_uuid = dup_column (stmt, 1);
  target->customer_uuid = dup_column (stmt, 2);
  target->vehicle_uuid = dup_column (stmt, 3);
  g_clear_pointer (&stmt, sqlite3_finalize);

  target->recall_source = g_strcmp0 (target->source, GEST_CAMPAIGN_CONTACT_SOURCE) == 0;
  target->recall_only = gest_campaign_customer_is_recall_only (store, target->customer_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (target->recall_source)
    {
      stmt = gest_store_prepare (store,
                                 "SELECT list_owner, list_email, list_address FROM campaign_vehicles"
                                 " WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, target->record_uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          target->list_owner = dup_column (stmt, 0);
          target->list_email = dup_column (stmt, 1);
          target->list_address = dup_column (stmt, 2);
        }
    }
  return TRUE;
}

/* The values of @target's letter or email on @day: promotions only when the data-use rule
 * allows them; for the recall's own contact, the VIN list's data fills what the customer
 * record lacks. */
static GHashTable *
target_values (GestStore   *store,
               Target      *target,
               const char  *day,
               GError     **error)
{
  GHashTable *values = gest_contact_values_new (store, target->source, target->record_uuid,
                                                target->customer_uuid, target->vehicle_uuid,
                                                target->recall_only ? NULL : day, error);
  const struct { const char *name; const char *list_value; } fill[] = {
    { "customer.name", target->list_owner },
    { "customer.email", target->list_email },
    { "customer.address", target->list_address },
  };

  if (values == NULL || !target->recall_source)
    return values;
  for (guint i = 0; i < G_N_ELEMENTS (fill); i++)
    {
      const char *value = g_hash_table_lookup (values, fill[i].name);

      if ((value == NULL || value[0] == '\0') && fill[i].list_value != NULL)
        g_hash_table_insert (values, (gpointer) fill[i].name, g_strdup (fill[i].list_value));
    }
  return values;
}

static const char *
value_of (GHashTable *values,
          const char *name)
{
  const char *value = g_hash_table_lookup (values, name);

  return value != NULL ? value : "";
}

/* An email subject is one line. */
static char *
resolve_subject (const char *text,
                 GHashTable *values)
{
  char *subject = gest_template_resolve (text != NULL ? text : "", values, GEST_TEMPLATE_PLAIN);

  g_strdelimit (subject, "\r\n", ' ');
  return g_strstrip (subject);
}

static gboolean
log_on (GestStore         *store,
        const char        *record_uuid,
        GestActivityKind   kind,
        const char        *text,
        GError           **error)
{
  if (record_uuid == NULL)
    return TRUE;
  return gest_activity_log_append (store, record_uuid, kind, text, NULL, NULL, error) >= 0;
}

static gboolean
letter_exists (GestStore   *store,
               const char  *target_uuid,
               gboolean    *out_exists,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                     "SELECT 1 FROM contact_letters"
                                                     " WHERE target_uuid = ?1 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
insert_letter (GestStore   *store,
               const char  *uuid,
               const char  *target_uuid,
               const char  *channel,
               const char  *outbox_uuid,
               gint64       now,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestUser *user = gest_store_get_user (store);

  stmt = gest_store_prepare (store,
                             "INSERT INTO contact_letters (uuid, target_uuid, channel, mail_outbox_uuid,"
                             " created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, target_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, channel, -1, SQLITE_STATIC);
  if (outbox_uuid != NULL)
    sqlite3_bind_text (stmt, 4, outbox_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, user != NULL ? user->uuid : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
create_in_transaction (GestStore   *store,
                       const char  *target_uuid,
                       gint64       now,
                       GError     **error)
{
  Target target = { 0 };
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GestTemplateRecord) email_template = NULL;
  g_autofree char *day = gest_contact_day_of (now);
  g_autofree char *letter_uuid = gest_uuid_new ();
  g_autofree char *outbox_uuid = NULL;
  g_autofree char *text = NULL;
  const char *email;
  const char *name;
  gboolean exists = FALSE;
  gboolean ok;

  ok = letter_exists (store, target_uuid, &exists, error) && target_load (store, target_uuid, &target, error);
  if (!ok || exists)
    {
      target_clear (&target);
      return ok;
    }

  /* The data-use rule: contact data that came only with a VIN list serves that recall only. */
  if (target.recall_only && !target.recall_source)
    {
      ok = log_on (store, target_uuid, GEST_ACTIVITY_NOTE,
                   _("No letter or email was sent after the fifth failed attempt: the customer’s contact data "
                     "came only with a field action’s VIN list, and may be used only for that recall. Confirm "
                     "the customer’s data to contact them for anything else."), error);
      target_clear (&target);
      return ok;
    }

  values = target_values (store, &target, day, error);
  ok = values != NULL;
  email = ok ? value_of (values, "customer.email") : "";
  name = ok ? value_of (values, "customer.name") : "";
  if (ok && gest_mail_address_is_valid (email))
    {
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;

      email_template = gest_contact_template_get (store, GEST_CONTACT_TEMPLATE_EMAIL, error);
      ok = email_template != NULL;
      if (ok)
        {
          subject = resolve_subject (email_template->subject, values);
          body = gest_contact_resolve (email_template->body, values, GEST_TEMPLATE_PLAIN);
          ok = gest_mail_outbox_queue (store, GEST_RETENTION_MODULE_ID, GEST_CONTACT_LETTER_PURPOSE, target_uuid,
                                       email, subject, body, NULL, &outbox_uuid, error);
        }
      ok = ok && insert_letter (store, letter_uuid, target_uuid, "email", outbox_uuid, now, error);
      text = g_strdup_printf (_("Email to %s (%s) queued after five failed attempts."), name, email);
      ok = ok && log_on (store, target_uuid, GEST_ACTIVITY_EMAIL, text, error)
              && log_on (store, target.customer_uuid, GEST_ACTIVITY_EMAIL, text, error);
    }
  else if (ok)
    {
      ok = insert_letter (store, letter_uuid, target_uuid, "letter", NULL, now, error);
      text = g_strdup_printf (_("Letter to %s waiting to be printed after five failed attempts."), name);
      ok = ok && log_on (store, target_uuid, GEST_ACTIVITY_LETTER, text, error)
              && log_on (store, target.customer_uuid, GEST_ACTIVITY_LETTER, text, error);
    }
  target_clear (&target);
  return ok;
}

gboolean
gest_contact_letter_create (GestStore   *store,
                            const char  *target_uuid,
                            gint64       now,
                            GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (target_uuid != NULL, FALSE);

  gest_contact_templates_init ();
  if (!gest_store_begin_change (store, "contact_letter_create", &own, error))
    return FALSE;
  ok = create_in_transaction (store, target_uuid, now, error);
  return gest_store_end_change (store, "contact_letter_create", own, ok, ok ? error : NULL) && ok;
}

gboolean
gest_contact_letter_mail_sent (GestDomainModule  *module,
                               GestStore         *store,
                               const char        *purpose,
                               const char        *record_uuid,
                               gint64             sent_at,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (g_strcmp0 (purpose, GEST_CONTACT_LETTER_PURPOSE) != 0 || record_uuid == NULL)
    return TRUE;
  stmt = gest_store_prepare (store,
                             "UPDATE contact_letters SET sent_at = ?2, updated_at = max (updated_at + 1, ?2)"
                             " WHERE target_uuid = ?1 AND channel = 'email' AND deleted = 0 AND sent_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, sent_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (sqlite3_changes (gest_store_get_db (store)) == 0)
    return TRUE;
  return log_on (store, record_uuid, GEST_ACTIVITY_EMAIL, _("The email after five failed attempts was delivered."),
                 error);
}

GPtrArray *
gest_contact_letters_to_print (GestStore  *store,
                               GError    **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  stmt = gest_store_prepare (store,
                             "SELECT uuid FROM contact_letters WHERE deleted = 0 AND channel = 'letter'"
                             " AND printed_at IS NULL ORDER BY created_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&uuids);
}

/* The parts of letter @letter_uuid resolved on @day from @template. */
static gboolean
letter_prepare (GestStore                *store,
                const char               *letter_uuid,
                const GestTemplateRecord *template_,
                const GestLetterHead     *head,
                const char               *day,
                LetterParts              *parts,
                GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *target_uuid = NULL;
  Target target = { 0 };
  const char *address;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT target_uuid FROM contact_letters WHERE uuid = ?1 AND deleted = 0"
                             " AND channel = 'letter'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, letter_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("A letter of the batch no longer exists. Reload the letters to print."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  target_uuid = dup_column (stmt, 0);

  if (!target_load (store, target_uuid, &target, error))
    {
      target_clear (&target);
      return FALSE;
    }
  values = target_values (store, &target, day, error);
  target_clear (&target);
  if (values == NULL)
    return FALSE;

  address = value_of (values, "customer.address");
  parts->recipient = address[0] != '\0' ? g_strdup_printf ("%s\n%s", value_of (values, "customer.name"), address)
                                        : g_strdup (value_of (values, "customer.name"));
  parts->subject = resolve_subject (template_->subject, values);
  parts->body = gest_contact_resolve (template_->body, values, GEST_TEMPLATE_MARKUP);
  parts->signature = g_strdup_printf ("Atentamente\n\n\n%s", head->name != NULL ? head->name : "");
  return TRUE;
}

/* The PDF of @letter_uuids (a batch, or one letter) on the dealer's @day. */
static GBytes *
render_letters (GestStore     *store,
                GPtrArray     *letter_uuids,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GestLetterHead) head = gest_letter_head_load (store);
  g_autoptr(GestTemplateRecord) template_ = NULL;
  g_autoptr(GArray) parts = g_array_sized_new (FALSE, TRUE, sizeof (LetterParts), letter_uuids->len);
  g_autofree GestLetter *letters = NULL;
  g_autofree char *day = gest_contact_day_of (g_get_real_time ());
  g_autofree char *reservations = gest_store_get_setting (store, "dealer.reservation_phones");
  GDate date;

  if (letter_uuids->len == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("There are no letters to print. Choose at least one letter."));
      return NULL;
    }
  /* The letterhead gives the phones for reservations when the dealer has them. */
  if (reservations != NULL && reservations[0] != '\0')
    {
      g_free (head->phones);
      head->phones = g_steal_pointer (&reservations);
    }
  template_ = gest_contact_template_get (store, GEST_CONTACT_TEMPLATE_LETTER, error);
  if (template_ == NULL)
    return NULL;
  g_array_set_clear_func (parts, letter_parts_clear);
  g_array_set_size (parts, letter_uuids->len);
  g_date_clear (&date, 1);
  gest_date_from_iso (day, &date);
  letters = g_new0 (GestLetter, letter_uuids->len);
  for (guint i = 0; i < letter_uuids->len; i++)
    {
      LetterParts *part = &g_array_index (parts, LetterParts, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!letter_prepare (store, g_ptr_array_index (letter_uuids, i), template_, head, day, part, error))
        return NULL;
      letters[i].head = head;
      letters[i].date = date;
      letters[i].recipient = part->recipient;
      letters[i].subject = part->subject;
      letters[i].body = part->body;
      letters[i].signature = part->signature;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return gest_letter_pdf_render_many (letters, letter_uuids->len, error);
}

GBytes *
gest_contact_letters_render (GestStore     *store,
                             GPtrArray     *letter_uuids,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (letter_uuids != NULL, NULL);

  gest_contact_templates_init ();
  return render_letters (store, letter_uuids, cancellable, error);
}

/* Stores @pdf as a customer-letter document of the target, in the caller's transaction. */
static char *
store_pdf (GestStore   *store,
           const char  *target_uuid,
           GBytes      *pdf,
           GError     **error)
{
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);
  g_autoptr(GestDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gestiona-letter-XXXXXX", &local_error);
  g_autofree char *path = NULL;

  if (dir == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("The letter could not be written to a temporary file: %s"), local_error->message);
      return NULL;
    }
  path = g_build_filename (dir, "Carta de contacto.pdf", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &local_error))
    {
      file = g_file_new_for_path (path);
      document = gest_document_store_add (documents, target_uuid, file, GEST_DOCUMENT_KIND_CUSTOMER_LETTER,
                                          NULL, error);
    }
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                 _("The letter could not be written to a temporary file: %s"), local_error->message);
  g_unlink (path);
  g_rmdir (dir);
  return document != NULL ? g_strdup (gest_document_get_uuid (document)) : NULL;
}

static gboolean
mark_one (GestStore   *store,
          const char  *letter_uuid,
          gint64       now,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *target_uuid = NULL;
  g_autofree char *document_uuid = NULL;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT target_uuid FROM contact_letters WHERE uuid = ?1 AND deleted = 0"
                             " AND channel = 'letter' AND printed_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, letter_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;   /* printed by someone else meanwhile: nothing to do */
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  target_uuid = dup_column (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_ptr_array_add (one, (gpointer) letter_uuid);
  pdf = render_letters (store, one, NULL, error);
  if (pdf == NULL)
    return FALSE;
  document_uuid = store_pdf (store, target_uuid, pdf, error);
  if (document_uuid == NULL)
    return FALSE;

  stmt = gest_store_prepare (store,
                             "UPDATE contact_letters SET printed_at = ?2, document_uuid = ?3,"
                             " updated_at = max (updated_at + 1, ?2) WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, letter_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, document_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return log_on (store, target_uuid, GEST_ACTIVITY_LETTER, _("Letter printed and kept with the contact’s documents."),
                 error);
}

gboolean
gest_contact_letters_mark_printed (GestStore   *store,
                                   GPtrArray   *letter_uuids,
                                   gint64       now,
                                   GError     **error)
{
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (letter_uuids != NULL, FALSE);

  gest_contact_templates_init ();
  if (!gest_store_begin_change (store, "contact_letters_printed", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_CONTACT_PERMISSION_LETTERS, error);
  for (guint i = 0; ok && i < letter_uuids->len; i++)
    ok = mark_one (store, g_ptr_array_index (letter_uuids, i), now, error);
  return gest_store_end_change (store, "contact_letters_printed", own, ok, ok ? error : NULL) && ok;
}

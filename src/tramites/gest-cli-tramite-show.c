/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-tramite"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-cli-tramite.h"
#include "gest-cli-tramite-private.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-domain-module.h"
#include "gest-tramite.h"

static void
print_money (const char *label,
             GestMoney   amount)
{
  g_autofree char *text = gest_money_format (amount);

  g_print ("%s: %s\n", label, text);
}

static void
print_item (const char *label,
            gint64      done_at)
{
  if (done_at != 0)
    {
      g_autofree char *when = gest_timestamp_format (done_at);

      g_print ("  [x] %s (%s)\n", label, when);
    }
  else
    g_print ("  [ ] %s\n", label);
}

static void
print_payment (const GestTramite *t)
{
  const char *label = gest_tramite_item_label (GEST_TRAMITE_ITEM_PAYMENT);

  if (t->has_payment)
    {
      g_autofree char *amount = gest_money_format (t->payment_amount);
      g_autofree char *date = gest_date_format (&t->payment_date);

      g_print ("  [x] ");
      if (t->payment_proof_uuid != NULL)
        g_print (_("%s: %s on %s, reference %s, proof %s\n"), label, amount, date,
                 t->payment_reference, t->payment_proof_uuid);
      else
        g_print (_("%s: %s on %s, reference %s, no proof attached\n"), label, amount, date,
                 t->payment_reference);
    }
  else
    g_print ("  [ ] %s\n", label);
}

static void
print_statement (GestStore         *store,
                 const GestTramite *t)
{
  g_auto(GestRoutingSettings) settings = { 0 };
  g_autofree char *as_of = g_date_valid (&t->statement.as_of) ? gest_date_format (&t->statement.as_of)
                                                               : g_strdup ("—");
  g_autofree char *low = gest_money_format (t->routing_low_limit);
  const GestAreaContact *area;

  g_print (_("Statement as of %s (when registered):\n"), as_of);
  g_print ("  ");
  print_money (_("Balance"), t->statement.balance);
  g_print ("  ");
  print_money (_("Overdue"), t->statement.overdue);
  g_print ("  ");
  print_money (_("Installment"), t->statement.installment);
  g_print ("  ");
  print_money (_("Life insurance (not included)"), t->statement.life_insurance);

  gest_store_load_routing_settings (store, &settings);
  area = &settings.areas[t->routing_area];
  g_print (_("Routing: %s (%s) [%s]\n"), area->name, area->phones, gest_area_id (t->routing_area));
  g_print ("  ");
  g_print (_("Reason: %s\n"), t->routing_reason);
  g_print ("  ");
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Thresholds used: %s; %u installment\n",
                        "Thresholds used: %s; %u installments\n",
                        t->routing_installments),
           low, t->routing_installments);
}

static gboolean
print_documents (GestStore         *store,
                 const GestTramite *t,
                 GError           **error)
{
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);
  g_autoptr(GListModel) list = gest_document_store_list (documents, t->uuid, error);
  guint n;

  if (list == NULL)
    return FALSE;
  n = g_list_model_get_n_items (list);
  g_print (_("Documents (%u):\n"), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GestDocument) doc = g_list_model_get_item (list, i);
      g_autofree char *when = gest_timestamp_format (gest_document_get_added_at (doc));

      g_print ("  %s\t%s\t%s\t%s\t%s\n", gest_document_get_uuid (doc),
               gest_document_kind_id (gest_document_get_kind (doc)),
               gest_document_get_filename (doc), when, gest_document_get_sha256 (doc));
    }
  return TRUE;
}

static gboolean
print_timeline (GestStore         *store,
                const GestTramite *t,
                GError           **error)
{
  g_autoptr(GPtrArray) entries = gest_activity_log_list (store, t->uuid, error);

  if (entries == NULL)
    return FALSE;
  g_print (_("Timeline (%u):\n"), entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      GestActivityEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = gest_timestamp_format (entry->at);

      g_print ("  %s\t%s (%s)\t%s\t%s", when, entry->user_name, entry->user_role,
               gest_activity_kind_id (entry->kind), entry->text);
      if (entry->contact_name != NULL)
        g_print (" [%s%s%s]", entry->contact_name,
                 entry->contact_role != NULL ? ", " : "",
                 entry->contact_role != NULL ? entry->contact_role : "");
      g_print ("\n");
    }
  return TRUE;
}

int
gest_cli_tramite_show (GestStore  *store,
                       int         argc,
                       char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *since = NULL;
  g_autofree char *agreed_date = NULL;
  g_autofree char *created = NULL;

  if (!gest_cli_tramite_parse (_("FOLIO"), _("Shows everything about one trámite."),
                               NULL, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 1)
    return gest_cli_tramite_usage (_("Usage: tramite show FOLIO"));

  t = gest_tramite_load_by_folio (store, rest[0], &error);
  if (t == NULL)
    return gest_cli_fail (error);

  since = gest_timestamp_format (t->step_since);
  agreed_date = gest_date_format (&t->agreed_date);
  created = gest_timestamp_format (t->created_at);

  g_print (_("Folio: %s\n"), t->folio);
  g_print (_("Step: %d (%s), since %s\n"), t->step, gest_tramite_step_title (t->step), since);
  g_print (_("Plan: %s\n"), t->statement.plan_number);
  g_print (_("Customer: %s\n"), t->statement.customer_name);
  if (*t->statement.vehicle != '\0')
    g_print (_("Vehicle: %s\n"), t->statement.vehicle);
  print_money (_("Agreed amount"), t->agreed_amount);
  g_print (_("Agreed payment date: %s\n"), agreed_date);
  if (t->notes != NULL && *t->notes != '\0')
    g_print (_("Notes: %s\n"), t->notes);
  g_print (_("Registered by %s on %s\n"), t->created_by, created);
  print_statement (store, t);

  g_print (_("Checklist:\n"));
  print_item (gest_tramite_item_label (GEST_TRAMITE_ITEM_DOCS_SENT), t->docs_sent_at);
  print_payment (t);
  print_item (gest_tramite_item_label (GEST_TRAMITE_ITEM_INSURANCE_CANCELLED), t->insurance_cancelled_at);
  print_item (gest_tramite_item_label (GEST_TRAMITE_ITEM_INVOICE_RELEASED), t->invoice_released_at);
  print_item (gest_tramite_item_label (GEST_TRAMITE_ITEM_INVOICE_DELIVERED), t->invoice_delivered_at);
  print_item (gest_tramite_item_label (GEST_TRAMITE_ITEM_ACK_RETURNED), t->ack_returned_at);

  if (!print_documents (store, t, &error) || !print_timeline (store, t, &error))
    return gest_cli_fail (error);
  return GEST_CLI_EXIT_OK;
}

/* Stores @path as a document of @t; links it as the payment proof when it is one and the
 * trámite has none yet, or when @replace_proof (up to step 3, as the rules say). */
static int
attach_file (GestStore         *store,
             const GestTramite *t,
             GestDocumentKind   kind,
             const char        *path,
             gboolean           replace_proof)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GestDocument) doc = NULL;

  doc = gest_document_store_add (documents, t->uuid, file, kind, NULL, &error);
  if (doc == NULL)
    return gest_cli_fail (error);
  g_print (_("Attached %s (%s) to %s: %s\n"), gest_document_get_filename (doc),
           gest_document_kind_id (kind), t->folio, gest_document_get_uuid (doc));

  if (kind == GEST_DOCUMENT_KIND_PAYMENT_PROOF && (replace_proof || t->payment_proof_uuid == NULL) &&
      t->step <= 3)
    {
      if (!gest_tramite_link_payment_proof (store, t->uuid, gest_document_get_uuid (doc), &error))
        return gest_cli_fail (error);
      g_print (_("Linked as the customer’s payment proof.\n"));
    }
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_tramite_attach (GestStore  *store,
                         int         argc,
                         char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t = NULL;
  g_auto(GStrv) rest = NULL;
  GestDocumentKind kind;

  if (!gest_cli_tramite_parse (_("FOLIO KIND FILE"),
                               _("Attaches a file. KIND: payment-proof, identification, plan-statement, invoice, acknowledgment, other."),
                               NULL, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 3)
    return gest_cli_tramite_usage (_("Usage: tramite attach FOLIO KIND FILE"));
  if (!gest_document_kind_from_id (rest[1], &kind))
    {
      g_printerr (_("gestiona-cli: “%s” is not a document kind. Kinds: payment-proof, identification, plan-statement, invoice, acknowledgment, other.\n"),
                  rest[1]);
      return GEST_CLI_EXIT_USAGE;
    }

  t = gest_tramite_load_by_folio (store, rest[0], &error);
  if (t == NULL)
    return gest_cli_fail (error);
  return attach_file (store, t, kind, rest[2], FALSE);
}

int
gest_cli_tramite_check (GestStore  *store,
                        int         argc,
                        char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *proof = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) rest = NULL;
  GestTramiteItem item;
  GestMoney amount;
  GDate date;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why a payment departs from the agreed amount or is dated before the folio (payment; needs the approve permission)"), N_("TEXT") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("Amount the customer paid (payment)"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Date of the payment (payment)"), N_("DD/MM/YYYY") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("Deposit or transfer reference (payment)"), N_("REF") },
    { "proof", 0, 0, G_OPTION_ARG_FILENAME, &proof, N_("File of the payment proof, attached and linked (payment)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_tramite_parse (_("FOLIO ITEM"),
                               _("Records a checklist item. ITEM: docs-sent, payment, insurance-cancelled, invoice-released, invoice-delivered, ack-returned."),
                               entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 2)
    return gest_cli_tramite_usage (_("Usage: tramite check FOLIO ITEM"));
  if (!gest_tramite_item_from_id (rest[1], &item))
    {
      g_printerr (_("gestiona-cli: “%s” is not a checklist item. Items: docs-sent, payment, insurance-cancelled, invoice-released, invoice-delivered, ack-returned.\n"),
                  rest[1]);
      return GEST_CLI_EXIT_USAGE;
    }

  t = gest_tramite_load_by_folio (store, rest[0], &error);
  if (t == NULL)
    return gest_cli_fail (error);

  if (item != GEST_TRAMITE_ITEM_PAYMENT)
    {
      if (amount_text != NULL || date_text != NULL || reference != NULL || proof != NULL || reason != NULL)
        return gest_cli_tramite_usage (_("--amount, --date, --reference, --proof and --reason go with the payment item only."));
      if (!gest_tramite_check_item (store, t->uuid, item, &error))
        return gest_cli_fail (error);
      g_print (_("%s: %s recorded.\n"), t->folio, gest_tramite_item_label (item));
      return GEST_CLI_EXIT_OK;
    }

  if (amount_text == NULL || date_text == NULL || reference == NULL)
    return gest_cli_tramite_usage (_("The payment needs --amount AMOUNT, --date DD/MM/YYYY and --reference REF."));
  if (!gest_money_parse (amount_text, &amount, &error) ||
      !gest_date_parse (date_text, &date, &error))
    return gest_cli_fail (error);

  /* The payment first: should the file then fail to attach, the payment stays recorded and
   * only the proof is missing, which step 4's refusal names. */
  if (!gest_tramite_record_payment_full (store, t->uuid, amount, &date, reference, NULL, reason, &error))
    return gest_cli_fail (error);
  g_print (_("%s: %s recorded.\n"), t->folio, gest_tramite_item_label (item));

  if (proof != NULL)
    {
      g_autoptr(GestTramite) reloaded = gest_tramite_load_by_uuid (store, t->uuid, &error);

      if (reloaded == NULL)
        return gest_cli_fail (error);
      return attach_file (store, reloaded, GEST_DOCUMENT_KIND_PAYMENT_PROOF, proof, TRUE);
    }
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_tramite_uncheck (GestStore  *store,
                          int         argc,
                          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) t = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) rest = NULL;
  GestTramiteItem item;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the item is undone (recorded in the log)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_tramite_parse (_("FOLIO ITEM --reason TEXT"),
                               _("Undoes a checklist item, with the reason. ITEM: docs-sent, invoice-delivered, ack-returned."),
                               entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 2)
    return gest_cli_tramite_usage (_("Usage: tramite uncheck FOLIO ITEM --reason TEXT"));
  if (!gest_tramite_item_from_id (rest[1], &item) || item == GEST_TRAMITE_ITEM_PAYMENT)
    {
      g_printerr (_("gestiona-cli: “%s” is not a checklist item that can be undone. Items: docs-sent, invoice-delivered, ack-returned.\n"),
                  rest[1]);
      return GEST_CLI_EXIT_USAGE;
    }

  t = gest_tramite_load_by_folio (store, rest[0], &error);
  if (t == NULL)
    return gest_cli_fail (error);
  if (!gest_tramite_uncheck_item (store, t->uuid, item, reason, &error))
    return gest_cli_fail (error);
  g_print (_("%s: %s undone.\n"), t->folio, gest_tramite_item_label (item));
  return GEST_CLI_EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-anulacion"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment.h"
#include "gest-cfdi.h"
#include "gest-cli-anulacion.h"
#include "gest-cli-session.h"
#include "gest-date.h"
#include "gest-document-store.h"
#include "gest-domain-module.h"
#include "gest-error.h"

static int
usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

static gboolean
parse (const char     *syntax,
       const char     *summary,
       GOptionEntry   *entries,
       int             argc,
       char          **argv,
       GStrv          *out_rest,
       GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (syntax);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_strv_builder_add (builder, "gestiona-cli");
  for (int i = 0; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);
  args = g_strv_builder_end (builder);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;
  *out_rest = g_strdupv (args + 1);
  return TRUE;
}

/* The customer by uuid, RFC or a plan's number; the plan's uuid too when a plan was given. */
static gboolean
find_customer (GestStore   *store,
               const char  *customer,
               const char  *plan,
               char       **out_customer,
               char       **out_plan,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (plan != NULL)
    stmt = gest_store_prepare (store, "SELECT customer_uuid, uuid FROM plans WHERE number = ?1 AND deleted = 0", error);
  else
    stmt = gest_store_prepare (store,
                               "SELECT uuid, NULL FROM customers WHERE (uuid = ?1 OR rfc = upper (?1))"
                               " AND deleted = 0 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan != NULL ? plan : customer, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_customer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_plan = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   plan != NULL ? _("There is no plan “%s”.") : _("There is no customer “%s” (give a uuid or an RFC)."),
                   plan != NULL ? plan : customer);
      return FALSE;
    }
  return rc == SQLITE_ROW || gest_store_set_error (store, error);
}

static int
cmd_new (GestStore  *store,
         int         argc,
         char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *city = NULL;
  g_autofree char *invoice = NULL;
  g_autofree char *cfdi = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *substitute = NULL;
  g_autofree char *costs = NULL;
  g_autofree char *customer_uuid = NULL;
  g_autofree char *plan_uuid = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean no_reinvoice = FALSE;
  GestAnnulmentRequest request = { 0 };
  GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer (uuid or RFC)"), N_("CUSTOMER") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("The plan (its customer is the annulment’s)"), N_("NUMBER") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("The city (ANULADO-name-CITY)"), N_("CITY") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING, &invoice, N_("The invoice number"), N_("NUMBER") },
    { "cfdi", 0, 0, G_OPTION_ARG_STRING, &cfdi, N_("The invoice’s CFDI folio fiscal"), N_("UUID") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The SAT cancellation reason (01 to 04)"), N_("CODE") },
    { "substitute", 0, 0, G_OPTION_ARG_STRING, &substitute, N_("The substituting CFDI’s folio fiscal (reason 01)"), N_("UUID") },
    { "costs", 0, 0, G_OPTION_ARG_STRING, &costs, N_("Administrative costs charged to the customer"), N_("AMOUNT") },
    { "no-reinvoice", 0, 0, G_OPTION_ARG_NONE, &no_reinvoice, N_("No re-invoicing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse ("--customer CUSTOMER|--plan NUMBER --city CITY --cfdi UUID --reason CODE",
              _("Makes an annulment request and prints its folio."), entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL || (customer == NULL) == (plan == NULL) || city == NULL)
    return usage (_("anulacion new needs --customer CUSTOMER or --plan NUMBER, and --city CITY."));
  if (costs != NULL && !gest_money_parse (costs, &request.costs_amount, &error))
    return gest_cli_fail (error);
  if (!find_customer (store, customer, plan, &customer_uuid, &plan_uuid, &error))
    return gest_cli_fail (error);
  request.customer_uuid = customer_uuid;
  request.plan_uuid = plan_uuid;
  request.city = city;
  request.invoice_number = invoice;
  request.cfdi_uuid = cfdi;
  request.cancel_reason = reason != NULL ? reason : GEST_CFDI_REASON_ERRORS_WITHOUT_RELATION;
  request.substitute_cfdi_uuid = substitute;
  request.with_costs = costs != NULL && request.costs_amount > 0;
  request.reinvoice = !no_reinvoice;
  if (!gest_annulment_create (store, &request, NULL, &uuid, &folio, &error))
    return gest_cli_fail (error);
  g_print (_("Folio: %s\n"), folio);
  return GEST_CLI_EXIT_OK;
}

static void
print_time (const char *label,
            gint64      at,
            const char *who)
{
  g_autofree char *when = NULL;

  if (at == 0)
    return;
  when = gest_timestamp_format (at);
  if (who != NULL)
    g_print ("%s: %s (%s)\n", label, when, who);
  else
    g_print ("%s: %s\n", label, when);
}

static int
cmd_show (GestAnnulment *annulment)
{
  g_autofree char *costs = gest_money_format (annulment->costs_amount);
  g_autofree char *subject = gest_annulment_mail_subject (annulment->customer_name, annulment->city);

  g_print (_("Folio: %s\n"), annulment->folio);
  g_print (_("Stage: %s\n"), gest_annulment_stage_title (annulment->stage));
  g_print (_("Customer: %s\n"), annulment->customer_name);
  if (annulment->plan_number != NULL)
    g_print (_("Plan: %s\n"), annulment->plan_number);
  if (annulment->complaint_folio != NULL)
    g_print (_("Complaint: %s\n"), annulment->complaint_folio);
  g_print (_("City: %s\n"), annulment->city);
  g_print (_("Invoice: %s\n"), annulment->invoice_number);
  g_print (_("CFDI folio fiscal: %s\n"), annulment->cfdi_uuid);
  g_print (_("Cancellation reason: %s\n"), gest_cfdi_reason_label (annulment->cancel_reason));
  if (annulment->substitute_cfdi_uuid != NULL)
    g_print (_("Substituting CFDI: %s\n"), annulment->substitute_cfdi_uuid);
  g_print (_("Administrative costs: %s\n"), annulment->with_costs ? costs : _("none"));
  g_print (_("Re-invoicing: %s\n"), annulment->reinvoice ? _("yes") : _("no"));
  g_print (_("Email subject: %s\n"), subject);
  print_time (_("Sent"), annulment->sent_at, NULL);
  print_time (_("Approved"), annulment->approved_at, annulment->approved_by);
  print_time (_("Registered"), annulment->registered_at, annulment->registered_by);
  print_time (_("Re-invoicing approved"), annulment->reinvoice_approved_at, annulment->reinvoice_approved_by);
  print_time (_("Filed"), annulment->filed_at, NULL);
  g_print (_("Documents:\n"));
  for (guint i = 0; i < GEST_ANNULMENT_N_DOCS; i++)
    {
      const GestAnnulmentDocStatus *status = &annulment->docs[i];

      if (!status->needed)
        continue;
      if (status->document_uuid == NULL)
        g_print (_("  [ ] %s (%s): missing\n"), gest_annulment_doc_title (i), gest_annulment_doc_format (i));
      else if (!status->right_format)
        g_print (_("  [!] %s: “%s” is not %s\n"), gest_annulment_doc_title (i), status->filename,
                 gest_annulment_doc_format (i));
      else
        g_print (_("  [x] %s: %s\n"), gest_annulment_doc_title (i), status->filename);
    }
  return GEST_CLI_EXIT_OK;
}

static int
cmd_list (GestStore  *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  int stage = -1;
  sqlite3_stmt *stmt;
  int rc;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_INT, &stage, N_("Only this stage (0 request to 5 filed)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!parse (NULL, _("Lists annulments by stage, oldest in their stage first."), entries, argc, argv,
              &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL || stage < -1 || stage >= GEST_N_ANNULMENT_STAGES)
    return usage (_("Usage: anulacion list [--stage N] (N from 0 to 5)"));
  stmt = gest_store_prepare (store,
                             "SELECT a.folio, a.stage, c.name, a.city FROM annulments a"
                             " JOIN customers c ON c.uuid = a.customer_uuid"
                             " WHERE a.deleted = 0 AND (?1 < 0 OR a.stage = ?1)"
                             " ORDER BY a.stage, a.stage_since, a.folio", &error);
  if (stmt == NULL)
    return gest_cli_fail (error);
  sqlite3_bind_int (stmt, 1, stage);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_print ("%s\t%d\t%s\t%s\t%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1),
             gest_annulment_stage_title (sqlite3_column_int (stmt, 1)),
             sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, &error);
      return gest_cli_fail (error);
    }
  return GEST_CLI_EXIT_OK;
}

static int
cmd_attach (GestStore     *store,
            GestAnnulment *annulment,
            char         **rest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocumentStore) documents = gest_document_store_new (store);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GestDocument) document = NULL;
  GestDocumentKind kind;

  if (g_strv_length (rest) != 3)
    return usage (_("Usage: anulacion attach FOLIO KIND FILE"));
  if (!gest_document_kind_from_id (rest[1], &kind))
    return usage (_("KIND is one of memo, invoice, customer-letter, answer-letter, contact-report, signed-acceptance, stamped-memo."));
  {
    g_autofree char *refusal = gest_annulment_attach_refusal (annulment, kind);

    if (refusal != NULL)
      {
        g_set_error_literal (&error, GEST_ERROR, GEST_ERROR_REFUSED, refusal);
        return gest_cli_fail (error);
      }
  }
  file = g_file_new_for_commandline_arg (rest[2]);
  document = gest_document_store_add (documents, annulment->uuid, file, kind, NULL, &error);
  if (document == NULL)
    return gest_cli_fail (error);
  g_print (_("Attached %s to %s: %s\n"), gest_document_kind_id (kind), annulment->folio,
           gest_document_get_uuid (document));
  return GEST_CLI_EXIT_OK;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: gestiona-cli [--db PATH] anulacion COMMAND …\n"
                     "\n"
                     "  new --customer CUSTOMER|--plan NUMBER --city CITY [--invoice NUMBER] [--cfdi UUID]\n"
                     "      [--reason 01|02|03|04] [--substitute UUID] [--costs AMOUNT] [--no-reinvoice]\n"
                     "  show FOLIO\n"
                     "  list [--stage N]\n"
                     "  attach FOLIO KIND FILE   (KIND: memo, invoice, customer-letter, answer-letter,\n"
                     "                            contact-report, signed-acceptance, stamped-memo)\n"
                     "  send FOLIO        the request with its five documents to the head of customer service\n"
                     "  approve FOLIO     the head of customer service\n"
                     "  register FOLIO    the coordinator: the customer in the annulled list\n"
                     "  reinvoice FOLIO   the coordinator approves the re-invoicing\n"
                     "  file FOLIO        the memo filed with billing, its stamped copy attached\n"
                     "\n"
                     "Exit status: 0 done, 1 refused by a rule or a permission, 2 bad input, 3 database error."));
  return GEST_CLI_EXIT_OK;
}

static const char * const commands[] = {
  "new", "show", "list", "attach", "send", "approve", "register", "reinvoice", "file", NULL
};

int
gest_cli_anulacion (const char  *db_path,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestAnnulment) annulment = NULL;
  const char *command;
  gboolean ok;

  if (argc > 0 && g_str_equal (argv[0], "anulacion"))
    {
      argc--;
      argv++;
    }
  if (argc == 0)
    {
      print_help ();
      return GEST_CLI_EXIT_USAGE;
    }
  command = argv[0];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    return print_help ();
  if (!g_strv_contains (commands, command))
    {
      g_printerr (_("gestiona-cli: “%s” is not an anulacion command. See gestiona-cli anulacion --help.\n"), command);
      return GEST_CLI_EXIT_USAGE;
    }
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  argc--;
  argv++;
  if (g_str_equal (command, "new"))
    return cmd_new (store, argc, argv);
  if (g_str_equal (command, "list"))
    return cmd_list (store, argc, argv);
  if (argc < 1)
    return usage (_("Give the annulment’s folio (ANU-…)."));
  annulment = gest_annulment_load_by_folio (store, argv[0], &error);
  if (annulment == NULL)
    return gest_cli_fail (error);
  if (g_str_equal (command, "show"))
    return cmd_show (annulment);
  if (g_str_equal (command, "attach"))
    return cmd_attach (store, annulment, argv);
  if (argc != 1)
    return usage (_("This command takes only the folio."));
  if (g_str_equal (command, "send"))
    ok = gest_annulment_send (store, annulment->uuid, &error);
  else if (g_str_equal (command, "approve"))
    ok = gest_annulment_approve (store, annulment->uuid, &error);
  else if (g_str_equal (command, "register"))
    ok = gest_annulment_register (store, annulment->uuid, &error);
  else if (g_str_equal (command, "reinvoice"))
    ok = gest_annulment_approve_reinvoice (store, annulment->uuid, &error);
  else
    ok = gest_annulment_file (store, annulment->uuid, &error);
  if (!ok)
    return gest_cli_fail (error);
  g_clear_pointer (&annulment, gest_annulment_free);
  annulment = gest_annulment_load_by_folio (store, argv[0], &error);
  if (annulment == NULL)
    return gest_cli_fail (error);
  g_print (_("%s is now at “%s”.\n"), annulment->folio, gest_annulment_stage_title (annulment->stage));
  return GEST_CLI_EXIT_OK;
}

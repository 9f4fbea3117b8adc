/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-queja"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-cli-queja.h"
#include "gest-cli-session.h"
#include "gest-complaint-board-source.h"
#include "gest-complaint-workflow.h"
#include "gest-complaint.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-error.h"
#include "gest-user.h"

/* `gestiona-cli queja`: the analysts' cases from a terminal (issue 13.8). Every change goes
 * through gest-complaint.h, so it obeys the same rules and permissions as the pages. */

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
  GStrv args;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_strv_builder_add (builder, "gestiona-cli");
  for (int i = 0; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);
  args = g_strv_builder_end (builder);
  if (!g_option_context_parse_strv (context, &args, error))
    {
      g_strfreev (args);
      return FALSE;
    }
  *out_rest = g_strdupv (args + 1);
  g_strfreev (args);
  return TRUE;
}

/* One text column of one row, or NULL (and @error only on a database error). */
static char *
query_text (GestStore   *store,
            const char  *sql,
            const char  *key,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    gest_store_set_error (store, error);
  return NULL;
}

static int
cmd_new (GestStore  *store,
         int         argc,
         char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL, *channel = NULL, *customer = NULL, *plan = NULL, *invoice = NULL;
  g_autofree char *complainant = NULL, *role = NULL, *summary = NULL, *letter = NULL;
  g_autofree char *responsible = NULL, *customer_uuid = NULL, *plan_uuid = NULL;
  g_autofree char *responsible_uuid = NULL, *folio = NULL;
  g_auto(GStrv) rest = NULL;
  GestComplaintIntake intake = { 0 };
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("complaint (default) or claim"), N_("KIND") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("phone (default) or writing"), N_("CHANNEL") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer, by RFC or id"), N_("CUSTOMER") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("The plan it is about (its customer is the customer)"), N_("NUMBER") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING, &invoice, N_("The invoice it is about"), N_("NUMBER") },
    { "complainant", 0, 0, G_OPTION_ARG_STRING, &complainant, N_("Name of the person who complains"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role (titular, spouse…)"), N_("ROLE") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What the customer says (the letter’s text in writing)"), N_("TEXT") },
    { "letter", 0, 0, G_OPTION_ARG_FILENAME, &letter, N_("The scanned letter (in writing)"), N_("FILE") },
    { "responsible", 0, 0, G_OPTION_ARG_STRING, &responsible, N_("Login of the primary responsible (default: you)"), N_("LOGIN") },
    G_OPTION_ENTRY_NULL
  };

  if (!parse ("--customer RFC|--plan NUMBER --complainant NAME --summary TEXT",
              _("Registers a complaint or claim and prints its folio."),
              entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return usage (_("queja new takes no positional arguments."));
  intake.kind = GEST_COMPLAINT_KIND_COMPLAINT;
  intake.channel = GEST_COMPLAINT_CHANNEL_PHONE;
  if (kind != NULL && !gest_complaint_kind_from_id (kind, &intake.kind))
    return usage (_("--kind is complaint or claim."));
  if (channel != NULL && !gest_complaint_channel_from_id (channel, &intake.channel))
    return usage (_("--channel is phone or writing."));
  if ((customer == NULL) == (plan == NULL))
    return usage (_("queja new needs the customer: --customer RFC or --plan NUMBER (one of them)."));

  if (plan != NULL)
    {
      plan_uuid = query_text (store, "SELECT uuid FROM plans WHERE number = ?1 AND deleted = 0", plan, &error);
      customer_uuid = query_text (store, "SELECT customer_uuid FROM plans WHERE number = ?1 AND deleted = 0", plan, &error);
      if (plan_uuid == NULL && error == NULL)
        g_set_error (&error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("There is no plan “%s”."), plan);
    }
  else
    {
      customer_uuid = query_text (store, "SELECT uuid FROM customers WHERE (uuid = ?1 OR rfc = upper (?1))"
                                  " AND deleted = 0 LIMIT 1", customer, &error);
      if (customer_uuid == NULL && error == NULL)
        g_set_error (&error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("There is no customer “%s”: give their RFC, or register them first."), customer);
    }
  if (error != NULL)
    return gest_cli_fail (error);

  if (responsible != NULL)
    {
      responsible_uuid = query_text (store, "SELECT uuid FROM users WHERE login = lower (?1) AND deleted = 0",
                                     responsible, &error);
      if (responsible_uuid == NULL && error == NULL)
        g_set_error (&error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("There is no user “%s”."), responsible);
      if (error != NULL)
        return gest_cli_fail (error);
    }
  else if (gest_store_get_user (store) != NULL)
    responsible_uuid = g_strdup (gest_store_get_user (store)->uuid);

  intake.customer_uuid = customer_uuid;
  intake.plan_uuid = plan_uuid;
  intake.invoice_number = invoice;
  intake.complainant_name = complainant;
  intake.complainant_role = role;
  intake.summary = summary;
  intake.letter_path = letter;
  intake.responsible_uuid = responsible_uuid;
  if (!gest_complaint_create (store, &intake, NULL, &folio, &error))
    return gest_cli_fail (error);
  g_print (_("Folio: %s\n"), folio);
  return GEST_CLI_EXIT_OK;
}

static gboolean
parse_stage (const char          *text,
             GestComplaintStage  *out,
             GError             **error)
{
  gint64 number;
  int stage = gest_complaint_workflow_stage_from_id (text);

  if (stage < 0 && g_ascii_string_to_signed (text, 10, 0, GEST_N_COMPLAINT_STAGES - 1, &number, NULL))
    stage = (int) number;
  if (stage < 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a stage: write received, assigned, monitoring, negotiation, answered, annulment or closed (or 0 to 6)."),
                   text);
      return FALSE;
    }
  *out = (GestComplaintStage) stage;
  return TRUE;
}

static int
cmd_move (GestStore  *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) complaint = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) rest = NULL;
  GestComplaintStage to;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the case moves back (required for a move back)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!parse (_("FOLIO STAGE"),
              _("Moves a case to another stage if its prerequisites are met, or back with a reason. Closing needs the cause, error and area: use the case’s page."),
              entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 2)
    return usage (_("Usage: queja move FOLIO STAGE [--reason TEXT]"));
  if (!parse_stage (rest[1], &to, &error))
    return gest_cli_fail (error);
  complaint = gest_complaint_load (store, rest[0], &error);
  if (complaint == NULL || !gest_complaint_move (store, complaint->uuid, to, reason, &error))
    return gest_cli_fail (error);
  g_print (_("%s moved from “%s” to “%s”.\n"), complaint->folio,
           gest_complaint_stage_label (complaint->stage), gest_complaint_stage_label (to));
  return GEST_CLI_EXIT_OK;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%s: %s\n", label, value);
}

static void
print_moment (const char *label,
              gint64      at)
{
  if (at != 0)
    {
      g_autofree char *when = gest_timestamp_format (at);

      g_print ("%s: %s\n", label, when);
    }
}

static int
cmd_show (GestStore  *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaint) q = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  GestDocumentStatus status;

  if (argc != 1)
    return usage (_("Usage: queja show FOLIO"));
  q = gest_complaint_load (store, argv[0], &error);
  if (q == NULL)
    return gest_cli_fail (error);
  g_print ("%s — %s (%s)\n", q->folio, gest_complaint_kind_label (q->kind), gest_complaint_channel_label (q->channel));
  print_field (_("Stage"), gest_complaint_stage_label (q->stage));
  print_field (_("Customer"), q->customer_name);
  print_field (_("Plan"), q->plan_number);
  print_field (_("Vehicle"), q->vehicle_label);
  print_field (_("Invoice"), q->invoice_number);
  print_field (_("Complainant"), q->complainant_name);
  print_field (_("Role"), q->complainant_role);
  print_field (_("Summary"), q->summary);
  print_field (_("Responsible"), q->responsible_name);
  print_moment (_("“In process” message sent"), q->in_process_sent_at);
  if (q->document_status != NULL && gest_document_status_from_code (q->document_status, &status))
    g_print ("%s: %s — %s\n", _("Document status"), q->document_status, gest_document_status_meaning (status));
  print_field (_("Advisor"), q->advisor_name);
  print_field (_("Commercial coordinator"), q->commercial_coordinator);
  print_field (_("Solution"), q->solution);
  if (q->solution_approved_at != 0)
    {
      g_autofree char *when = gest_timestamp_format (q->solution_approved_at);

      g_print (_("Approved by %s on %s\n"), q->solution_approved_by_name, when);
    }
  print_moment (_("Answer letter sent"), q->answer_sent_at);
  print_moment (_("Receipt confirmed"), q->receipt_confirmed_at);
  print_moment (_("Accepting call"), q->acceptance_call_at);
  print_field (_("Cause"), q->cause_label);
  print_field (_("Error"), q->error_label);
  print_field (_("Responsible area"), q->area_label);
  print_moment (_("Closed"), q->closed_at);

  tasks = gest_complaint_list_tasks (store, q->uuid, NULL, &error);
  if (tasks == NULL)
    return gest_cli_fail (error);
  if (tasks->len > 0)
    g_print ("\n%s\n", _("Tasks:"));
  for (guint i = 0; i < tasks->len; i++)
    {
      GestComplaintTask *t = g_ptr_array_index (tasks, i);
      g_autofree char *due = gest_date_format (&t->due);

      g_print ("  [%s] %s — %s (%s)\n", t->done_at != 0 ? "x" : " ", t->description,
               t->assignee_name != NULL ? t->assignee_name : "—", due);
    }

  log = gest_activity_log_list (store, q->uuid, &error);
  if (log == NULL)
    return gest_cli_fail (error);
  g_print ("\n%s\n", _("Log:"));
  for (guint i = 0; i < log->len; i++)
    {
      GestActivityEntry *e = g_ptr_array_index (log, i);
      g_autofree char *when = gest_timestamp_format (e->at);

      g_print ("  %s  %s (%s): %s\n", when, e->user_name, gest_activity_kind_label (e->kind), e->text);
    }
  return GEST_CLI_EXIT_OK;
}

static int
cmd_list (GestStore  *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestComplaintBoardSource) source = NULL;
  g_autofree char *stage_text = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) rest = NULL;
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };
  guint counts[GEST_N_COMPLAINT_STAGES];
  GestComplaintStage stage = 0;
  gboolean count = FALSE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_text, N_("Only this stage"), N_("STAGE") },
    { "count", 0, 0, G_OPTION_ARG_NONE, &count, N_("Print how many, per stage"), NULL },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Only those whose folio, customer or complainant matches"), N_("TEXT") },
    { "no-entry-today", 0, 0, G_OPTION_ARG_NONE, &filter.overdue_only, N_("Only open cases without a log entry today"), NULL },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &filter.mine_only, N_("Only cases whose responsible is you"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse (NULL, _("Lists cases, oldest in their stage first: folio, stage, customer, type and responsible, days open."),
              entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return usage (_("Usage: queja list [--stage STAGE] [--count] [--text TEXT] [--no-entry-today] [--mine]"));
  if (stage_text != NULL && !parse_stage (stage_text, &stage, &error))
    return gest_cli_fail (error);
  filter.text = text;
  filter.column = stage_text != NULL ? (int) stage : -1;
  source = gest_complaint_board_source_new (store);

  if (count)
    {
      if (!gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error))
        return gest_cli_fail (error);
      for (int i = 0; i < GEST_N_COMPLAINT_STAGES; i++)
        if (stage_text == NULL || i == (int) stage)
          g_print ("%s\t%s\t%u\n", gest_complaint_workflow_stage_id (i), gest_complaint_stage_label (i), counts[i]);
      return GEST_CLI_EXIT_OK;
    }
  for (int column = 0; column < GEST_N_COMPLAINT_STAGES; column++)
    {
      g_autoptr(GArray) ids = NULL;

      if (stage_text != NULL && column != (int) stage)
        continue;
      ids = gest_board_source_load_column_ids (GEST_BOARD_SOURCE (source), column, &filter, NULL, &error);
      if (ids == NULL)
        return gest_cli_fail (error);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(GestBoardItem) item =
            gest_board_source_fetch_item (GEST_BOARD_SOURCE (source), g_array_index (ids, gint64, i));
          GestBoardItemFlags flags;

          if (item == NULL)
            continue;
          flags = gest_board_item_get_flags (item);
          g_print ("%s\t%s\t%s\t%s\t%s%s%s\n", gest_board_item_get_title (item),
                   gest_complaint_workflow_stage_id (column), gest_board_item_get_subtitle (item),
                   gest_board_item_get_amount (item),
                   gest_board_item_get_date (item) != NULL ? gest_board_item_get_date (item) : "",
                   (flags & GEST_BOARD_ITEM_FLAG_OVERDUE) ? _("\tno entry today") : "",
                   (flags & GEST_BOARD_ITEM_FLAG_MISSING_DOCS) ? _("\tSLA") : "");
        }
    }
  return GEST_CLI_EXIT_OK;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: gestiona-cli [--db PATH] [--user LOGIN] queja COMMAND …\n"
                     "\n"
                     "  new (--customer RFC | --plan NUMBER) --complainant NAME --summary TEXT\n"
                     "      [--kind complaint|claim] [--channel phone|writing] [--letter FILE]\n"
                     "      [--role ROLE] [--invoice NUMBER] [--responsible LOGIN]\n"
                     "  move FOLIO STAGE [--reason TEXT]   (a move back needs --reason)\n"
                     "  show FOLIO\n"
                     "  list [--stage STAGE] [--count] [--text TEXT] [--no-entry-today] [--mine]\n"
                     "\n"
                     "Stages: received, assigned, monitoring, negotiation, answered, annulment, closed.\n"
                     "\n"
                     "Exit status: 0 done, 1 refused by a rule or a permission, 2 bad input, 3 database error."));
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_queja (const char  *db_path,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  const char *command;

  if (argc > 0 && g_str_equal (argv[0], "queja"))
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
  if (!g_str_equal (command, "new") && !g_str_equal (command, "move") &&
      !g_str_equal (command, "show") && !g_str_equal (command, "list"))
    {
      g_printerr (_("gestiona-cli: “%s” is not a queja command. See gestiona-cli queja --help.\n"), command);
      return GEST_CLI_EXIT_USAGE;
    }
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  argc--;
  argv++;
  if (g_str_equal (command, "new"))
    return cmd_new (store, argc, argv);
  if (g_str_equal (command, "move"))
    return cmd_move (store, argc, argv);
  if (g_str_equal (command, "show"))
    return cmd_show (store, argc, argv);
  return cmd_list (store, argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-tramite"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "gest-cli-tramite.h"
#include "gest-cli-session.h"
#include "gest-cli-tramite-private.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-roles.h"
#include "gest-tramite.h"
#include "gest-tramite-board-source.h"

int
gest_cli_tramite_usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

/* Parses @entries out of @argv (the words after the subcommand); what is left (the positional
 * arguments) goes to @out_rest. */
gboolean
gest_cli_tramite_parse (const char     *usage,
                        const char     *summary,
                        GOptionEntry   *entries,
                        int             argc,
                        char          **argv,
                        GStrv          *out_rest,
                        GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv args;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
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
  /* Drop the program name. */
  *out_rest = g_strdupv (args + 1);
  g_strfreev (args);
  return TRUE;
}

GestStore *
gest_cli_tramite_open (const char  *db_path,
                       GError     **error)
{
  /* Signed in as gestiona-cli --user (issue 12). */
  return gest_cli_open_store (db_path, error);
}

gboolean
gest_cli_tramite_parse_step (const char  *text,
                             int         *out,
                             GError     **error)
{
  gint64 step;

  if (!g_ascii_string_to_signed (text, 10, 1, GEST_TRAMITE_N_STEPS, &step, NULL))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a step: write a number from 1 to 8."), text);
      return FALSE;
    }
  *out = (int) step;
  return TRUE;
}

static void
print_routing (GestStore         *store,
               const GestTramite *tramite)
{
  g_auto(GestRoutingSettings) settings = { 0 };
  const GestAreaContact *area;

  gest_store_load_routing_settings (store, &settings);
  area = &settings.areas[tramite->routing_area];
  g_print (_("Call: %s (%s)\n"), area->name, area->phones);
  g_print (_("Reason: %s\n"), tramite->routing_reason);
}

static int
cmd_new (GestStore  *store,
         int         argc,
         char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) rest = NULL;
  int repeat = 1;
  GestMoney amount;
  GDate date;
  GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("The plan to pay off"), N_("NUMBER") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("Payoff amount agreed with Conauto, without life insurance"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Payment date agreed with Conauto"), N_("DD/MM/YYYY") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why an amount above the balance or below the overdue amount was agreed (needs the approve permission)"), N_("TEXT") },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("Register N trámites with these terms, each in its own transaction (load tests)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_tramite_parse ("--plan NUMBER --amount AMOUNT --date DD/MM/YYYY",
                               _("Registers an early-payoff trámite and prints its folio and whom to call."),
                               entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return gest_cli_tramite_usage (_("tramite new takes no positional arguments; use --plan, --amount and --date."));
  if (plan == NULL || amount_text == NULL || date_text == NULL)
    return gest_cli_tramite_usage (_("tramite new needs --plan NUMBER, --amount AMOUNT and --date DD/MM/YYYY."));
  if (repeat < 1)
    return gest_cli_tramite_usage (_("--repeat needs a number of 1 or more."));

  if (!gest_money_parse (amount_text, &amount, &error) ||
      !gest_date_parse (date_text, &date, &error))
    return gest_cli_fail (error);

  for (int i = 0; i < repeat; i++)
    {
      g_autoptr(GestTramite) tramite = gest_tramite_create_full (store, plan, amount, &date, notes, reason, &error);

      if (tramite == NULL)
        return gest_cli_fail (error);
      g_print (_("Folio: %s\n"), tramite->folio);
      if (repeat == 1)
        print_routing (store, tramite);
    }
  return GEST_CLI_EXIT_OK;
}

static int
cmd_move (GestStore  *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramite) tramite = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) rest = NULL;
  int step;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the timeline"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the trámite moves back a step (required for a move back)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_tramite_parse (_("FOLIO STEP"),
                               _("Moves a trámite one step forward, if its prerequisites are met, or back with a reason. Conauto’s steps (4 to 6) arrive through the sync or Conauto’s signed update file."),
                               entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 2)
    return gest_cli_tramite_usage (_("Usage: tramite move FOLIO STEP [--reason TEXT]"));
  if (note != NULL && reason != NULL)
    return gest_cli_tramite_usage (_("Give either --note or --reason, not both."));
  if (!gest_cli_tramite_parse_step (rest[1], &step, &error))
    return gest_cli_fail (error);

  tramite = gest_tramite_load_by_folio (store, rest[0], &error);
  if (tramite == NULL)
    return gest_cli_fail (error);

  if (!gest_tramite_move (store, tramite->uuid, step, reason != NULL ? reason : note, &error))
    return gest_cli_fail (error);

  g_print (_("%s moved from step %d (%s) to step %d (%s).\n"), tramite->folio,
           tramite->step, gest_tramite_step_title (tramite->step),
           step, gest_tramite_step_title (step));
  return GEST_CLI_EXIT_OK;
}

static int
cmd_list (GestStore  *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramiteBoardSource) source = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) rest = NULL;
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };
  guint counts[GEST_TRAMITE_N_STEPS];
  gboolean count = FALSE;
  int step = G_MININT;   /* not given */
  GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_INT, &step, N_("Only this step (1 to 8)"), N_("N") },
    { "count", 0, 0, G_OPTION_ARG_NONE, &count, N_("Print how many, per step"), NULL },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Only those whose folio, plan or customer matches"), N_("TEXT") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &filter.overdue_only, N_("Only those whose agreed payment date passed unpaid"), NULL },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &filter.mine_only, N_("Only those registered by the current user"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_tramite_parse (NULL, _("Lists trámites, oldest in their step first."),
                               entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return gest_cli_tramite_usage (_("Usage: tramite list [--step N] [--count]"));
  /* Issue 16.9: --step 0 (or -3, or 9) is a mistake, not "every step". */
  if (step != G_MININT && !gest_tramite_step_is_valid (step))
    return gest_cli_tramite_usage (_("--step needs a number from 1 to 8."));
  if (step == G_MININT)
    step = 0;

  filter.text = text;
  filter.column = step - 1;
  source = gest_tramite_board_source_new (store);

  if (count)
    {
      if (!gest_tramite_board_source_count_columns (source, &filter, counts, NULL, &error))
        return gest_cli_fail (error);
      if (step != 0)
        g_print ("%u\n", counts[step - 1]);
      else
        for (int i = 0; i < GEST_TRAMITE_N_STEPS; i++)
          g_print ("%d\t%s\t%u\n", i + 1, gest_tramite_step_title (i + 1), counts[i]);
      return GEST_CLI_EXIT_OK;
    }

  for (int column = 0; column < GEST_TRAMITE_N_STEPS; column++)
    {
      g_autoptr(GArray) ids = NULL;

      if (step != 0 && column != step - 1)
        continue;
      ids = gest_board_source_load_column_ids (GEST_BOARD_SOURCE (source), column, &filter, NULL, &error);
      if (ids == NULL)
        return gest_cli_fail (error);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(GestBoardItem) item =
            gest_board_source_fetch_item (GEST_BOARD_SOURCE (source), g_array_index (ids, gint64, i));

          if (item == NULL)
            continue;
          g_print ("%s\t%d\t%s\t%s\t%s\n",
                   gest_board_item_get_title (item), column + 1,
                   gest_board_item_get_subtitle (item),
                   gest_board_item_get_amount (item),
                   gest_board_item_get_date (item) != NULL ? gest_board_item_get_date (item) : "");
        }
    }
  return GEST_CLI_EXIT_OK;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: gestiona-cli [--db PATH] tramite COMMAND …\n"
                     "\n"
                     "  new --plan NUMBER --amount AMOUNT --date DD/MM/YYYY [--notes TEXT] [--reason TEXT]\n"
                     "  move FOLIO STEP [--note TEXT | --reason TEXT]   (a move back needs --reason)\n"
                     "  show FOLIO\n"
                     "  list [--step N] [--count] [--text TEXT] [--overdue] [--mine]\n"
                     "  check FOLIO docs-sent|insurance-cancelled|invoice-released|invoice-delivered|ack-returned\n"
                     "  check FOLIO payment --amount AMOUNT --date DD/MM/YYYY --reference REF [--proof FILE] [--reason TEXT]\n"
                     "  uncheck FOLIO docs-sent|invoice-delivered|ack-returned --reason TEXT\n"
                     "  attach FOLIO KIND FILE   (KIND: payment-proof, identification, plan-statement,\n"
                     "                            invoice, acknowledgment, other)\n"
                     "\n"
                     "Conauto’s steps (4 to 6) and items arrive through the sync or Conauto’s signed update file.\n"
                     "\n"
                     "Exit status: 0 done, 1 refused by a rule or a permission, 2 bad input, 3 database error."));
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_tramite (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  const char *command;

  if (argc > 0 && g_str_equal (argv[0], "tramite"))
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
      !g_str_equal (command, "uncheck") && !g_str_equal (command, "show") &&
      !g_str_equal (command, "list") && !g_str_equal (command, "check") &&
      !g_str_equal (command, "attach"))
    {
      g_printerr (_("gestiona-cli: “%s” is not a tramite command. See gestiona-cli tramite --help.\n"), command);
      return GEST_CLI_EXIT_USAGE;
    }

  store = gest_cli_tramite_open (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  argc--;
  argv++;
  if (g_str_equal (command, "new"))
    return cmd_new (store, argc, argv);
  if (g_str_equal (command, "move"))
    return cmd_move (store, argc, argv);
  if (g_str_equal (command, "uncheck"))
    return gest_cli_tramite_uncheck (store, argc, argv);
  if (g_str_equal (command, "list"))
    return cmd_list (store, argc, argv);
  if (g_str_equal (command, "show"))
    return gest_cli_tramite_show (store, argc, argv);
  if (g_str_equal (command, "check"))
    return gest_cli_tramite_check (store, argc, argv);
  return gest_cli_tramite_attach (store, argc, argv);
}

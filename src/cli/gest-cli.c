/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-cli-conauto.h" /* Conauto's signed update file (issue 12) */
#include "gest-cli-sync.h"   /* sync helper: gestiona-cli sync */
#include "gest-domain-module.h"
#include "gest-i18n.h"

int
gest_cli_usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  g_printerr ("%s\n", _("Run “gestiona-cli --help” to see the commands."));
  return GEST_CLI_EXIT_USAGE;
}

gboolean
gest_cli_parse (const char     *parameters,
                const char     *summary,
                GOptionEntry   *entries,
                int             argc,
                char          **argv,
                GStrv          *out_rest,
                GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autofree char *program = NULL;

  g_assert (argc >= 1);

  /* GOption prints “Usage: gestiona-cli COMMAND [OPTION…] PARAMETERS” from the program name. */
  program = g_strdup_printf ("gestiona-cli %s", argv[0]);
  g_set_prgname (program);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  for (int i = 0; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);
  args = g_strv_builder_end (builder);

  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;
  /* Drop the command word. */
  *out_rest = g_strdupv (args + 1);
  return TRUE;
}

gboolean
gest_cli_parse_money (const char *option,
                      const char *text,
                      GestMoney  *out)
{
  g_autoptr(GError) error = NULL;

  if (!gest_money_parse (text, out, &error))
    {
      /* TRANSLATORS: the first %s is an option (--debt), the second why its value is wrong. */
      g_printerr (_("gestiona-cli: %s: %s\n"), option, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The modules' verbs, from the registry: "  VERB …   summary". */
static void
print_module_verbs (void)
{
  GPtrArray *modules = gest_domain_modules_get ();

  for (guint i = 0; modules != NULL && i < modules->len; i++)
    {
      guint n;
      const GestCliVerb *verbs = gest_domain_module_get_cli_verbs (g_ptr_array_index (modules, i), &n);

      for (guint v = 0; v < n; v++)
        {
          const char *synopsis = verbs[v].synopsis != NULL ? verbs[v].synopsis : verbs[v].verb;
          /* Pads by characters: synopses may hold "…". */
          glong pad = 43 - g_utf8_strlen (synopsis, -1);

          g_print ("  %s%*s%s\n", synopsis, (int) MAX (pad, 1), "",
                   verbs[v].summary != NULL ? _(verbs[v].summary) : "");
        }
    }
}

static void
print_help (void)
{
  g_autofree char *default_path = gest_store_default_path ();

  g_print (_("Usage: gestiona-cli [--db PATH] [--user LOGIN] COMMAND [ARGUMENTS…]\n"
             "\n"
             "Gestiona without its window: the same database and the same rules.\n"
             "\n"
             "Options:\n"
             "  --db PATH      the database (default: %s)\n"
             "  --user LOGIN   sign in as LOGIN; the password comes from $GESTIONA_PASSWORD,\n"
             "                 or is asked for when there is a terminal\n"
             "  -h, --help     show this help\n"
             "  --version      show the version\n"
             "\n"
             "Commands:\n"
             "  init                                       create the database or bring it up to date\n"
             "  demo --scale N [--seed S]                  fill an empty database with N demonstration customers\n"
             "  check rfc VALUE                            validate an RFC\n"
             "  check vin VALUE                            validate a VIN\n"
             "  route --debt AMOUNT --installment AMOUNT   whom to call about an early payoff (T2)\n"
             "  verify-log                                 check that no activity log entry was altered\n"),
           default_path);
  print_module_verbs ();
  g_print ("%s", _("  import conauto-updates FILE                Conauto's signed update file (dealers without sync)\n"
                   "  conauto-key KEY [DEALER_NUMBER]            Conauto's public key for its update files\n"));
  g_print ("%s", _("  report ID|MODULE [--from DD/MM/YYYY --to DD/MM/YYYY] [--xlsx FILE] [--pdf FILE]\n"
                   "                                             run a report, or a module’s reports, over a period\n"));
  g_print ("%s", _("  user [list]                                show the signed-in user, or list the users\n"
                   "  user first LOGIN --name NAME               create the general manager of a database without users\n"
                   "  user add LOGIN --name NAME --role ROLE [--email EMAIL]  add a user\n"
                   "  user set-role LOGIN ROLE                   change a user’s role\n"
                   "  user deactivate|activate LOGIN             stop or allow a user’s sign-in\n"
                   "  user passwd LOGIN                          set a user’s password\n"
                   "  settings routing [--low-debt-limit AMOUNT] [--installments N]  show or change the routing thresholds (T2)\n"
                   "  import customers|plans|vehicles FILE [--dry-run] [--errors OUT.csv]\n"
                   "                                             import rows from a CSV or XLSX file\n"
                   "  sync [--server URL] [--enroll CODE] [--status]  exchange changes with Conauto's sync server\n"
                   "\n"
                   "New passwords come from $GESTIONA_NEW_PASSWORD, or are asked for when there is a terminal.\n"
                   "Amounts are written like 1234.56, 1,234.56 or $1,234.56.\n"
                   "Exit status: 0 done, 1 refused or found wrong, 2 bad input, 3 database error.\n"));
}

int
main (int    argc,
      char **argv)
{
  const char *db_path = NULL;
  const char *login = NULL;
  const char *command;
  int i;

  gest_i18n_init ();
  gest_domain_modules_init ();
  g_set_prgname ("gestiona-cli");

  /* Global options come before the command; everything after it belongs to the command. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return gest_cli_usage (_("--db needs the path of a database file."));
          db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          db_path = arg + strlen ("--db=");
          if (db_path[0] == '\0')
            return gest_cli_usage (_("--db needs the path of a database file."));
        }
      else if (g_str_equal (arg, "--user") || g_str_has_prefix (arg, "--user="))
        {
          if (g_str_equal (arg, "--user"))
            login = i + 1 < argc ? argv[++i] : NULL;
          else
            login = arg + strlen ("--user=");
          if (login == NULL || login[0] == '\0')
            return gest_cli_usage (_("--user needs the login of a user."));
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "help"))
        {
          print_help ();
          return GEST_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("gestiona-cli %s\n", PACKAGE_VERSION);
          return GEST_CLI_EXIT_OK;
        }
      else if (arg[0] == '-')
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an option."), arg);

          return gest_cli_usage (message);
        }
      else
        break;
    }

  if (i >= argc)
    return gest_cli_usage (_("A command is missing."));

  command = argv[i];
  argc -= i;
  argv += i;

  /* Issue 12: every command acts as the signed-in user; the stores commands open sign them in
   * (gest_cli_open_store()), so a wrong password fails there, with the sign-in's message. */
  if (login != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *password = gest_cli_read_password ("GESTIONA_PASSWORD", login, FALSE, &error);

      if (password == NULL)
        return gest_cli_fail (error);
      gest_cli_session_set_credentials (login, password);
    }

  if (g_str_equal (command, "init"))
    return gest_cli_init (db_path, argc, argv);
  if (g_str_equal (command, "demo"))
    return gest_cli_demo (db_path, argc, argv);
  if (g_str_equal (command, "check"))
    return gest_cli_check (argc, argv);
  if (g_str_equal (command, "route"))
    return gest_cli_route (db_path, argc, argv);
  if (g_str_equal (command, "verify-log"))
    return gest_cli_verify_log (db_path, argc, argv);
  if (g_str_equal (command, "user"))
    return gest_cli_user (db_path, argc, argv);
  if (g_str_equal (command, "settings"))
    return gest_cli_settings (db_path, argc, argv);
  /* Conauto's signed update file (issue 12): src/cli/gest-cli-conauto.c; before the other
   * imports (src/cli/gest-cli-import.c), which would take "conauto-updates" for a kind. */
  if (g_str_equal (command, "import") && argc >= 2 && g_str_equal (argv[1], "conauto-updates"))
    return gest_cli_import_conauto (db_path, argc, argv);
  if (g_str_equal (command, "import"))
    return gest_cli_import (db_path, argc, argv);
  if (g_str_equal (command, "sync"))   /* src/cli/gest-cli-sync.c */
    return gest_cli_sync (db_path, argc, argv);
  if (g_str_equal (command, "conauto-key"))
    return gest_cli_conauto_key (db_path, argc, argv);
  if (g_str_equal (command, "report"))   /* src/cli/gest-cli-report.c */
    return gest_cli_report (db_path, argc, argv);

  {
    const GestCliVerb *verb = NULL;

    if (gest_domain_modules_find_cli_verb (command, &verb) != NULL && verb->run != NULL)
      return verb->run (db_path, argc, argv);
  }
  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a command."), command);

    return gest_cli_usage (message);
  }
}

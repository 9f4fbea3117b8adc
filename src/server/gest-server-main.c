/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdlib.h>

#include "gest-i18n.h"
#include "gest-server-admin.h"
#include "gest-server-config.h"
#include "gest-server-http.h"
#include "gest-server-updates.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GestServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *summary = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path,
      /* The default is GEST_SERVER_DEFAULT_CONFIG. */
      N_("Configuration file (default /etc/gestiona/server.conf)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  gest_i18n_init ();
  /* libsodium hashes uploads (gest-server-sha256.c); it asks to be initialised first. */
  if (sodium_init () < 0)
    {
      g_printerr ("gestiona-server: libsodium could not be initialised.\n");
      return 1;
    }

  context = g_option_context_new (_("[serve | admin COMMAND ARGS…]"));
  summary = g_strconcat (_("Gestiona's sync server for Conauto (data/sync-protocol.md).\n\n"
                                  "  serve                         answer the desktops (the default)\n"
                                  "  admin migrate                 create or upgrade the database (owner role)\n"
                                  "  admin create-dealer NAME      add a dealer; prints its id\n"
                                  "  admin list-dealers            each dealer's number, id and name\n"
                                  "  admin enroll-code DEALER      a single-use enrollment code, valid 7 days\n"
                                  "  admin revoke DEVICE           the device's token stops working at once\n"
                                  "  admin load-plans DEALER FILE  plan balances from a CSV file\n"
                                  "  admin advance [DEALER] FOLIO STEP  move a trámite to Conauto's step 4, 5 or 6\n"
                                  "  admin publish DEALER TEXT     send a message to a dealer"), "\n",
                         /* Issue 12: Conauto's signed update file. */
                         _("  public-key                    the public key of Conauto’s update files (base64)\n"
                           "  export-updates --dealer DEALER [--since VERSION] --output FILE\n"
                           "                                Conauto’s changes for a dealer without sync, signed"),
                         NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
                                    _("Environment: GESTIONA_SERVER_LISTEN, GESTIONA_SERVER_PG, GESTIONA_SERVER_ADMIN_PG,\n"
                                      "GESTIONA_SERVER_MAX_BODY, GESTIONA_SERVER_MAX_ENROLL_BODY, GESTIONA_SERVER_MAX_BLOB,\n"
                                      "GESTIONA_SERVER_WORKERS, GESTIONA_SERVER_TIMEOUT, GESTIONA_SERVER_MAX_CONNECTIONS,\n"
                                      "GESTIONA_SERVER_MAX_CONNECTIONS_PER_IP and GESTIONA_SERVER_BACKLOG override the file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("gestiona-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  config = gest_server_config_load (config_path, &error);
  if (config == NULL)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 2;
    }

  if (argc < 2 || g_str_equal (argv[1], "serve"))
    return gest_server_serve (config);
  if (g_str_equal (argv[1], "public-key"))
    return gest_server_cmd_public_key (config, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export-updates"))
    return gest_server_cmd_export_updates (config, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "admin"))
    return gest_server_admin (config, argc - 2, argv + 2);

  g_printerr (_("gestiona-server: unknown command “%s”; see gestiona-server --help.\n"), argv[1]);
  return 2;
}

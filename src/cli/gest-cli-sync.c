/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-cli-sync.h"
#include "gest-sync-client.h"

int
gest_cli_sync (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_autofree char *server = NULL;
  g_autofree char *code = NULL;
  g_autofree char *device_name = NULL;
  g_autofree char *ca_file = NULL;
  gboolean status_only = FALSE;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The sync server’s address"), N_("URL") },
    { "enroll", 0, 0, G_OPTION_ARG_STRING, &code, N_("Enroll this database with a code from Conauto"), N_("CODE") },
    { "device-name", 0, 0, G_OPTION_ARG_STRING, &device_name, N_("How the server names this desktop"), N_("NAME") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Trust the server’s certificate through this CA file (PEM) instead of the system’s; an empty value goes back to the system’s"), N_("FILE") },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status_only, N_("Only show the sync status"), NULL },
    { NULL }
  };
  g_auto(GStrv) rest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *url = NULL;
  GestSyncReport report = { 0, };

  if (!gest_cli_parse (NULL, _("Sends this database’s changes to the Conauto sync server and "
                               "brings the dealer’s changes back (one full round)."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest != NULL && rest[0] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an argument of sync."), rest[0]);

      return gest_cli_usage (message);
    }

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  if (status_only)
    {
      g_autofree char *last_error = gest_sync_get_last_error (store);
      g_autofree char *address = gest_sync_get_server_url (store);
      gint64 last = gest_sync_get_last_sync (store);
      g_autofree char *when = NULL;

      if (last > 0)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (last / G_USEC_PER_SEC);

          when = g_date_time_format (dt, "%d/%m/%Y %H:%M:%S");
        }
      g_print (_("Server: %s\n"), address != NULL ? address : _("none"));
      g_print (_("Enrolled: %s\n"), gest_sync_is_enrolled (store) ? _("yes") : _("no"));
      g_print (_("Pending changes: %lld\n"), (long long) gest_sync_count_pending (store));
      g_print (_("Last sync: %s\n"), when != NULL ? when : _("never"));
      if (last_error != NULL)
        g_print (_("Last error: %s\n"), last_error);
      return GEST_CLI_EXIT_OK;
    }

  if (ca_file != NULL)
    {
      g_autofree char *absolute = ca_file[0] != '\0' ? g_canonicalize_filename (ca_file, NULL) : g_strdup ("");

      if (!gest_store_set_setting (store, "sync.ca-file", absolute, &error))
        return gest_cli_fail (error);
    }

  /* Enrolling stores the address only when the server accepts the code, so a mistyped
   * address or code leaves an enrolled desktop as it was. */
  if (code != NULL)
    {
      url = server != NULL ? g_strdup (server) : gest_sync_get_server_url (store);
      if (url == NULL)
        return gest_cli_usage (_("--enroll needs the server’s address: add --server URL."));
      if (!gest_sync_enroll (store, url, code, device_name, NULL, &error))
        return gest_cli_fail (error);
      g_print (_("Enrolled with %s.\n"), url);
    }
  else if (server != NULL && !gest_sync_set_server_url (store, server, &error))
    return gest_cli_fail (error);

  if (!gest_sync_run_once_report (store, &report, NULL, &error))
    return gest_cli_fail (error);

  g_print (_("Sent %u changes, received %u; %u rejected, %u conflicts. %lld"
             " changes wait.\n"),
           report.pushed, report.pulled, report.rejected, report.conflicts,
           (long long) gest_sync_count_pending (store));
  return GEST_CLI_EXIT_OK;
}

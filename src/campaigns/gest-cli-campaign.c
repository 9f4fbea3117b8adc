/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-campaign"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-cli-campaign.h"
#include "gest-cli-session.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-error.h"

static int
usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: gestiona-cli campaign COMMAND …\n"
                     "\n"
                     "Ford field-action campaigns:\n"
                     "  new CODE KIND DESCRIPTION [--starts DD/MM/YYYY --ends DD/MM/YYYY] [--no-parts]\n"
                     "                 KIND is safety-recall, satisfaction or emissions\n"
                     "  list           the campaigns with their board's counts\n"
                     "  show CODE      one campaign, its parts and its counts\n"
                     "  import-vins CODE FILE\n"
                     "                 Ford's VIN list (CSV or XLSX): the report of every row not imported\n"
                     "  part CODE PART-NUMBER QTY-PER-VEHICLE QTY-REQUESTED [DESCRIPTION]\n"
                     "  receive CODE PART-NUMBER TOTAL-RECEIVED\n"
                     "  review CODE [NOTE]  stamps this week's review"));
  return GEST_CLI_EXIT_OK;
}

/* "24/12/2026" to "2026-12-24"; NULL for NULL. */
static gboolean
parse_date (const char  *text,
            char       **out,
            GError     **error)
{
  GDate date;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!gest_date_parse (text, &date, error))
    return FALSE;
  *out = gest_date_to_iso (&date);
  return TRUE;
}

static int
cmd_new (GestStore  *store,
         int         argc,
         char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *uuid = NULL;
  const char *starts_text = NULL;
  const char *ends_text = NULL;
  GestCampaignFields fields = { 0 };
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();

  fields.needs_parts = TRUE;
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--no-parts"))
        fields.needs_parts = FALSE;
      else if (g_str_equal (argv[i], "--starts") && i + 1 < argc)
        starts_text = argv[++i];
      else if (g_str_equal (argv[i], "--ends") && i + 1 < argc)
        ends_text = argv[++i];
      else
        g_ptr_array_add (positional, argv[i]);
    }
  if (positional->len != 3)
    return usage (_("Give the campaign’s code, type and description: campaign new 24S12 safety-recall \"…\"."));
  if (!gest_campaign_kind_from_id (g_ptr_array_index (positional, 1), &fields.kind))
    return usage (_("The type is safety-recall, satisfaction or emissions."));
  if (!parse_date (starts_text, &starts, &error) || !parse_date (ends_text, &ends, &error))
    return gest_cli_fail (error);
  fields.code = g_ptr_array_index (positional, 0);
  fields.description = g_ptr_array_index (positional, 2);
  fields.starts_on = starts;
  fields.ends_on = ends;
  if (!gest_campaign_create (store, &fields, &uuid, &error))
    return gest_cli_fail (error);
  g_print (_("Campaign %s created.\n"), fields.code);
  return GEST_CLI_EXIT_OK;
}

static void
print_counts (const GestCampaign *campaign)
{
  guint total = 0;

  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    total += campaign->counts[i];
  g_print ("%s\t%s\t%u", campaign->code, gest_campaign_kind_label (campaign->kind), total);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    g_print ("\t%u", campaign->counts[i]);
  g_print ("\t%s\n", campaign->description);
}

static int
cmd_list (GestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gest_campaign_list (store, &error);

  if (list == NULL)
    return gest_cli_fail (error);
  g_print ("%s\t%s\t%s", _("Code"), _("Type"), _("Affected"));
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    g_print ("\t%s", gest_campaign_stage_label (i));
  g_print ("\t%s\n", _("Description"));
  for (guint i = 0; i < list->len; i++)
    print_counts (g_ptr_array_index (list, i));
  return GEST_CLI_EXIT_OK;
}

static int
cmd_show (GestStore          *store,
          const GestCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = gest_campaign_parts_list (store, campaign->uuid, &error);
  guint covered;

  if (parts == NULL)
    return gest_cli_fail (error);
  covered = gest_campaign_vehicles_covered (store, campaign->uuid, &error);
  if (error != NULL)
    return gest_cli_fail (error);
  g_print ("%s: %s\n", _("Code"), campaign->code);
  g_print ("%s: %s\n", _("Type"), gest_campaign_kind_label (campaign->kind));
  g_print ("%s: %s\n", _("Description"), campaign->description);
  if (campaign->starts_on != NULL)
    g_print ("%s: %s – %s\n", _("Dates"), campaign->starts_on, campaign->ends_on);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    g_print ("%s: %u\n", gest_campaign_stage_label (i), campaign->counts[i]);
  if (covered == G_MAXUINT)
    g_print ("%s\n", _("Needs no parts."));
  else
    g_print (_("Vehicles the received parts cover: %u\n"), covered);
  for (guint i = 0; i < parts->len; i++)
    {
      GestCampaignPart *part = g_ptr_array_index (parts, i);

      g_print (_("Part %s (%s): %u per vehicle, %u requested, %u received, %s\n"), part->part_number,
               part->description, part->qty_per_vehicle, part->qty_requested, part->qty_received,
               gest_campaign_part_status_label (part->status));
    }
  return GEST_CLI_EXIT_OK;
}

static int
cmd_import (GestStore          *store,
            const GestCampaign *campaign,
            const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GestVinListReport) report = gest_campaign_import_vins (store, campaign->uuid, file, NULL, &error);

  if (report == NULL)
    return gest_cli_fail (error);
  g_print (_("%u rows read: %u vehicles added to %s (%u new to the dealer), %u duplicates, %u rows with problems.\n"),
           report->n_rows, report->n_added, campaign->code, report->n_vehicles_created,
           report->n_duplicates, report->problems->len - report->n_duplicates);
  for (guint i = 0; i < report->problems->len; i++)
    {
      GestVinListProblem *problem = g_ptr_array_index (report->problems, i);

      g_print (_("Line %u: %s\n"), problem->line, problem->message);
    }
  return GEST_CLI_EXIT_OK;
}

static GestCampaignPart *
find_part (GPtrArray  *parts,
           const char *number)
{
  for (guint i = 0; i < parts->len; i++)
    {
      GestCampaignPart *part = g_ptr_array_index (parts, i);

      if (g_ascii_strcasecmp (part->part_number, number) == 0)
        return part;
    }
  return NULL;
}

static gboolean
parse_count (const char *text,
             guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static int
cmd_part (GestStore          *store,
          const GestCampaign *campaign,
          int                 argc,
          char              **argv)
{
  g_autoptr(GError) error = NULL;
  guint per_vehicle, requested;

  if (argc < 3 || argc > 4 || !parse_count (argv[1], &per_vehicle) || !parse_count (argv[2], &requested))
    return usage (_("Give the part number, the quantity per vehicle and the quantity requested."));
  if (!gest_campaign_part_add (store, campaign->uuid, argv[0], argc == 4 ? argv[3] : "", per_vehicle,
                               requested, NULL, &error))
    return gest_cli_fail (error);
  g_print (_("Part %s requested for %s.\n"), argv[0], campaign->code);
  return GEST_CLI_EXIT_OK;
}

static int
cmd_receive (GestStore          *store,
             const GestCampaign *campaign,
             int                 argc,
             char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GestCampaign) after = NULL;
  GestCampaignPart *part;
  guint received;

  if (argc != 2 || !parse_count (argv[1], &received))
    return usage (_("Give the part number and the total received so far."));
  parts = gest_campaign_parts_list (store, campaign->uuid, &error);
  if (parts == NULL)
    return gest_cli_fail (error);
  part = find_part (parts, argv[0]);
  if (part == NULL)
    {
      g_printerr (_("gestiona-cli: campaign %s has no part %s. See gestiona-cli campaign show %s.\n"),
                  campaign->code, argv[0], campaign->code);
      return GEST_CLI_EXIT_USAGE;
    }
  if (!gest_campaign_part_set_status (store, part->uuid, GEST_CAMPAIGN_PART_RECEIVED, received, NULL, &error))
    return gest_cli_fail (error);
  after = gest_campaign_load (store, campaign->uuid, &error);
  if (after == NULL)
    return gest_cli_fail (error);
  g_print (_("Part %s: %u received. %u vehicles to contact, %u waiting for parts.\n"), part->part_number,
           received, after->counts[GEST_CAMPAIGN_TO_CONTACT], after->counts[GEST_CAMPAIGN_PARTS_PENDING]);
  return GEST_CLI_EXIT_OK;
}

static const char * const commands[] = {
  "new", "list", "show", "import-vins", "part", "receive", "review", NULL
};

int
gest_cli_campaign (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestCampaign) campaign = NULL;
  const char *command;

  if (argc > 0 && g_str_equal (argv[0], "campaign"))
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
      g_printerr (_("gestiona-cli: “%s” is not a campaign command. See gestiona-cli campaign --help.\n"), command);
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
    return cmd_list (store);
  if (argc < 1)
    return usage (_("Give the campaign’s code (24S12)."));
  campaign = gest_campaign_find_by_code (store, argv[0], &error);
  if (campaign == NULL)
    return gest_cli_fail (error);
  argc--;
  argv++;
  if (g_str_equal (command, "show"))
    return cmd_show (store, campaign);
  if (g_str_equal (command, "import-vins"))
    {
      if (argc != 1)
        return usage (_("Give the campaign’s code and the VIN list’s file."));
      return cmd_import (store, campaign, argv[0]);
    }
  if (g_str_equal (command, "part"))
    return cmd_part (store, campaign, argc, argv);
  if (g_str_equal (command, "receive"))
    return cmd_receive (store, campaign, argc, argv);
  if (!gest_campaign_review (store, campaign->uuid, gest_timestamp_now (), argc > 0 ? argv[0] : NULL, &error))
    return gest_cli_fail (error);
  g_print (_("Campaign %s reviewed this week.\n"), campaign->code);
  return GEST_CLI_EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-campaign.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* Imports Ford's VIN list (S1) into a campaign: "Choose File" opens a GtkFileChooserNative
 * (CSV or XLSX); the import runs in a GTask thread on its own connection, as the signed-in
 * user; then the dialog shows the report: rows read, vehicles added, vehicles created, duplicates, and
 * every row not imported with its line and message (a list view: a list may have thousands).
 * A file that cannot be read shows its error in full.
 *
 * Signal imported: the campaign has new vehicles (the board reloads). */
#define GEST_TYPE_CAMPAIGN_IMPORT_DIALOG (gest_campaign_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestCampaignImportDialog, gest_campaign_import_dialog, GEST, CAMPAIGN_IMPORT_DIALOG, AdwWindow)

GestCampaignImportDialog *gest_campaign_import_dialog_new         (GtkWindow                *parent,
                                                                   GestContext              *context,
                                                                   const char               *campaign_uuid);
/* Imports @file as the chooser does. */
void                      gest_campaign_import_dialog_import_file (GestCampaignImportDialog *self,
                                                                   GFile                    *file);
/* "choose", "running", "report" or "failed". */
const char               *gest_campaign_import_dialog_get_view    (GestCampaignImportDialog *self);
/* The last import's report, or NULL. */
const GestVinListReport  *gest_campaign_import_dialog_get_report  (GestCampaignImportDialog *self);
/* The report's summary rows: "Rows Read", "Added", "Vehicles Created", "Duplicates". */
const char               *gest_campaign_import_dialog_get_row_text (GestCampaignImportDialog *self,
                                                                    const char               *title);
/* The rows not imported as listed ("Line 4 · 1FT… · message"). */
GListModel               *gest_campaign_import_dialog_get_problems (GestCampaignImportDialog *self);
/* The error of a file that could not be imported, or NULL. */
const char               *gest_campaign_import_dialog_get_error   (GestCampaignImportDialog *self);

G_END_DECLS

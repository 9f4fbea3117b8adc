/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* "Mantenimiento vencido" (S4): the month's list of vehicles with no maintenance in six months
 * (gest_lapsed_maintenance_list(), in a thread), with a month chooser, the open field actions
 * flagged (S8), contact data that may not be used for it marked (the data-use rule), and
 * "Export…" to an XLSX file (real cells, through the reports' XLSX writer). */
#define GEST_TYPE_RETENTION_LAPSED_VIEW (gest_retention_lapsed_view_get_type ())
G_DECLARE_FINAL_TYPE (GestRetentionLapsedView, gest_retention_lapsed_view, GEST, RETENTION_LAPSED_VIEW, GtkWidget)

GtkWidget *gest_retention_lapsed_view_new         (GestContext             *context);
/* Shows the list of @month_day's month (yyyy-mm-dd, any day of it); loads in a thread and
 * emits "loaded". */
void       gest_retention_lapsed_view_set_month   (GestRetentionLapsedView *self,
                                                   const char              *month_day);
guint      gest_retention_lapsed_view_get_n_items (GestRetentionLapsedView *self);
/* Writes the shown month's list to the XLSX file @path in a thread ("exported" follows, with
 * the error message or NULL). */
void       gest_retention_lapsed_view_export      (GestRetentionLapsedView *self,
                                                   const char              *path);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* "Visitas" (S4): a service visit recorded in the app (the vehicle found by VIN or plate, the
 * repair order, the days in and out, the mileage and the kind; rules in GestVisitFormValues)
 * and the import of the DMS's repair orders (CSV or XLSX, on the store's writer thread) with
 * its report: rows read, added, updated and every bad row with its line. */
#define GEST_TYPE_RETENTION_VISITS_VIEW (gest_retention_visits_view_get_type ())
G_DECLARE_FINAL_TYPE (GestRetentionVisitsView, gest_retention_visits_view, GEST, RETENTION_VISITS_VIEW, GtkWidget)

GtkWidget *gest_retention_visits_view_new    (GestContext             *context);
/* Imports @file as the file chooser would; "imported" follows. */
void       gest_retention_visits_view_import (GestRetentionVisitsView *self,
                                              GFile                   *file);

G_END_DECLS

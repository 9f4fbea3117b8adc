/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Helpers the complaints' windows share: combo rows of the active users and of a Q10
 * catalog, each with the uuids behind its entries. */

/* Fills @row with the active users ("Laura Méndez Ortiz · Analista de servicio al cliente"),
 * @none_label first when given, and selects @selected_uuid (or the first entry). Returns the
 * uuids parallel to the entries ("" for none). */
GStrv       gest_complaint_rows_fill_users   (AdwComboRow *row,
                                              GestStore   *store,
                                              const char  *selected_uuid,
                                              const char  *none_label);
/* Fills @row with the active entries of catalog @kind ("cause", "error", "area"), @none_label
 * first, selecting @selected_uuid. Returns the uuids parallel to the entries. */
GStrv       gest_complaint_rows_fill_catalog (AdwComboRow *row,
                                              GestStore   *store,
                                              const char  *kind,
                                              const char  *selected_uuid,
                                              const char  *none_label);
/* The uuid behind @row's selection in @uuids, or NULL for none. */
const char *gest_complaint_rows_selected     (AdwComboRow *row,
                                              GStrv        uuids);
G_END_DECLS

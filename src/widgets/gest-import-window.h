/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

#define GEST_TYPE_IMPORT_WINDOW (gest_import_window_get_type ())

G_DECLARE_FINAL_TYPE (GestImportWindow, gest_import_window, GEST, IMPORT_WINDOW, AdwWindow)

/* The import of customers, vehicles or plans from a CSV or XLSX file (issue 12): the file, its
 * kind, a preview with the detected encoding and separator, a field per column, the rows
 * checked (errors listed and exportable), then the import in a thread with a progress bar and
 * a cancel button. Reads and writes through its own connections to @store's database, as
 * @store's signed-in user. */
GestImportWindow *gest_import_window_new       (GtkWindow        *parent,
                                                GestStore        *store);
/* Opens @path as if chosen in the file chooser (tests). */
void              gest_import_window_open_file (GestImportWindow *self,
                                                const char       *path);

G_END_DECLS

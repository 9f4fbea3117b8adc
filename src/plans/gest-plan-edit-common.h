/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* What the customer, vehicle and plan saves share (issue 12): a text column bound or empty,
 * the one-row update that names the version it read, the timestamp of a change. Private to
 * src/plans. */

/* The change's moment: now, and always after @version so the row's version moves forward. */
gint64   gest_plan_edit_now            (gint64        version);
/* Steps @stmt (an UPDATE … WHERE uuid = … AND updated_at = @version …) and turns "no row
 * changed" into GEST_ERROR_CONFLICT: someone else changed the record meanwhile. */
gboolean gest_plan_edit_step_update    (GestStore    *store,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
/* Steps an INSERT (or any statement that returns no row). */
gboolean gest_plan_edit_step           (GestStore    *store,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
/* The string of a text column, "" for NULL (newly allocated). */
char    *gest_plan_edit_column_text    (sqlite3_stmt *stmt,
                                        int           column);
/* Whether @a and @b differ, NULL taken as "". */
gboolean gest_plan_edit_changed        (const char   *a,
                                        const char   *b);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The canonical line of one record, the unit of gest_sync_dump(): "entity uuid deleted
 * {fields}" with only the entity's pushable fields, keys sorted, null fields left out.
 * Returns NULL for entities the desktop does not store. Tests build the server's side of
 * the comparison with it from the server's records. */
char *gest_sync_dump_line (const char *entity,
                           const char *uuid,
                           gboolean    deleted,
                           JsonObject *fields);

G_END_DECLS

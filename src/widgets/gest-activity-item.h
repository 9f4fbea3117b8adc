/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gest-activity.h"

G_BEGIN_DECLS

/* X5: one activity-log entry as a GObject, so that a GListModel (the timeline's list view)
 * can hold it. Immutable: it owns a copy of the entry. */
#define GEST_TYPE_ACTIVITY_ITEM (gest_activity_item_get_type ())
G_DECLARE_FINAL_TYPE (GestActivityItem, gest_activity_item, GEST, ACTIVITY_ITEM, GObject)

/* Takes ownership of @entry. */
GestActivityItem        *gest_activity_item_new       (GestActivityEntry *entry);
const GestActivityEntry *gest_activity_item_get_entry (GestActivityItem  *self);

G_END_DECLS

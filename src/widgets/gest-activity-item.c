/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-activity-item"

#include "config.h"

#include "gest-activity-item.h"

struct _GestActivityItem
{
  GObject            parent_instance;

  GestActivityEntry *entry;
};

G_DEFINE_FINAL_TYPE (GestActivityItem, gest_activity_item, G_TYPE_OBJECT)

static void
gest_activity_item_finalize (GObject *object)
{
  GestActivityItem *self = (GestActivityItem *) object;

  g_clear_pointer (&self->entry, gest_activity_entry_free);

  G_OBJECT_CLASS (gest_activity_item_parent_class)->finalize (object);
}

static void
gest_activity_item_class_init (GestActivityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gest_activity_item_finalize;
}

static void
gest_activity_item_init (GestActivityItem *self)
{
}

GestActivityItem *
gest_activity_item_new (GestActivityEntry *entry)
{
  GestActivityItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (GEST_TYPE_ACTIVITY_ITEM, NULL);
  self->entry = entry;
  return self;
}

const GestActivityEntry *
gest_activity_item_get_entry (GestActivityItem *self)
{
  g_return_val_if_fail (GEST_IS_ACTIVITY_ITEM (self), NULL);

  return self->entry;
}

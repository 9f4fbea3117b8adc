/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-item"

#include "config.h"

#include "gest-contact.h"
#include "gest-customer-item.h"

struct _GestCustomerItem
{
  GObject  parent_instance;

  char    *uuid;
  char    *name;
  char    *summary;
};

G_DEFINE_FINAL_TYPE (GestCustomerItem, gest_customer_item, G_TYPE_OBJECT)

static void
gest_customer_item_finalize (GObject *object)
{
  GestCustomerItem *self = GEST_CUSTOMER_ITEM (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->summary);

  G_OBJECT_CLASS (gest_customer_item_parent_class)->finalize (object);
}

static void
gest_customer_item_class_init (GestCustomerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gest_customer_item_finalize;
}

static void
gest_customer_item_init (GestCustomerItem *self)
{
}

GestCustomerItem *
gest_customer_item_new (const char *uuid,
                        const char *name,
                        const char *rfc,
                        const char *phone,
                        const char *city)
{
  GestCustomerItem *self;
  GString *summary = g_string_new (NULL);
  const char *parts[3] = { rfc, NULL, city };
  g_autofree char *formatted = NULL;

  g_return_val_if_fail (uuid != NULL, NULL);

  if (phone != NULL && *phone != '\0')
    parts[1] = formatted = gest_phone_format (phone);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", parts[i]);

  self = g_object_new (GEST_TYPE_CUSTOMER_ITEM, NULL);
  self->uuid = g_strdup (uuid);
  self->name = g_strdup (name != NULL ? name : "");
  self->summary = g_string_free (summary, FALSE);
  return self;
}

const char *
gest_customer_item_get_uuid (GestCustomerItem *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_ITEM (self), NULL);

  return self->uuid;
}

const char *
gest_customer_item_get_name (GestCustomerItem *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_ITEM (self), NULL);

  return self->name;
}

const char *
gest_customer_item_get_summary (GestCustomerItem *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_ITEM (self), NULL);

  return self->summary;
}

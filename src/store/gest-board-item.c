/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-item"

#include "config.h"

#include "gest-board-item.h"

struct _GestBoardItem
{
  GObject             parent_instance;

  gint64              id;
  char               *uuid;
  char               *title;
  char               *subtitle;
  char               *amount;
  char               *date;
  char               *date_label;
  int                 days_in_column;
  GestBoardItemFlags  flags;
  char               *thumbnail_sha256;
  const char         *overdue_text;      /* static, or NULL */
  const char         *missing_docs_text; /* static, or NULL */
};

G_DEFINE_FINAL_TYPE (GestBoardItem, gest_board_item, G_TYPE_OBJECT)

/* Read-only properties, so that card widgets can bind to them. */
enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_AMOUNT,
  PROP_DATE,
  PROP_DATE_LABEL,
  PROP_DAYS_IN_COLUMN,
  PROP_FLAGS,
  PROP_THUMBNAIL_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gest_board_item_finalize (GObject *object)
{
  GestBoardItem *self = (GestBoardItem *) object;

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->amount);
  g_free (self->date);
  g_free (self->date_label);
  g_free (self->thumbnail_sha256);

  G_OBJECT_CLASS (gest_board_item_parent_class)->finalize (object);
}

static void
gest_board_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GestBoardItem *self = GEST_BOARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_AMOUNT:
      g_value_set_string (value, self->amount);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_DATE_LABEL:
      g_value_set_string (value, self->date_label);
      break;
    case PROP_DAYS_IN_COLUMN:
      g_value_set_int (value, self->days_in_column);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    case PROP_THUMBNAIL_SHA256:
      g_value_set_string (value, self->thumbnail_sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_item_class_init (GestBoardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gest_board_item_finalize;
  object_class->get_property = gest_board_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] = g_param_spec_string ("amount", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_DATE_LABEL] = g_param_spec_string ("date-label", NULL, NULL, NULL, flags);
  properties[PROP_DAYS_IN_COLUMN] = g_param_spec_int ("days-in-column", NULL, NULL,
                                                      G_MININT, G_MAXINT, 0, flags);
  /* GestBoardItemFlags has no registered GType: a plain uint. */
  properties[PROP_FLAGS] = g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_THUMBNAIL_SHA256] = g_param_spec_string ("thumbnail-sha256", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_board_item_init (GestBoardItem *self)
{
}

GestBoardItem *
gest_board_item_new (gint64              id,
                     const char         *uuid,
                     const char         *title,
                     const char         *subtitle,
                     const char         *amount,
                     const char         *date,
                     int                 days_in_column,
                     GestBoardItemFlags  flags,
                     const char         *thumbnail_sha256)
{
  GestBoardItem *self = g_object_new (GEST_TYPE_BOARD_ITEM, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->amount = g_strdup (amount);
  self->date = g_strdup (date);
  self->days_in_column = days_in_column;
  self->flags = flags;
  self->thumbnail_sha256 = g_strdup (thumbnail_sha256);
  return self;
}

gint64
gest_board_item_get_id (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), 0);

  return self->id;
}

const char *
gest_board_item_get_uuid (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->uuid;
}

const char *
gest_board_item_get_title (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->title;
}

const char *
gest_board_item_get_subtitle (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->subtitle;
}

const char *
gest_board_item_get_amount (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->amount;
}

const char *
gest_board_item_get_date (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->date;
}

int
gest_board_item_get_days_in_column (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), 0);

  return self->days_in_column;
}

GestBoardItemFlags
gest_board_item_get_flags (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), GEST_BOARD_ITEM_FLAG_NONE);

  return self->flags;
}

const char *
gest_board_item_get_thumbnail_sha256 (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->thumbnail_sha256;
}

void
gest_board_item_set_date_label (GestBoardItem *self,
                                const char    *date_label)
{
  g_return_if_fail (GEST_IS_BOARD_ITEM (self));

  /* Like the rest of the item, set before anyone looks at it: nothing to notify. */
  g_free (self->date_label);
  self->date_label = g_strdup (date_label);
}

const char *
gest_board_item_get_date_label (GestBoardItem *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  return self->date_label;
}

void
gest_board_item_set_flag_texts (GestBoardItem *self,
                                const char    *overdue,
                                const char    *missing_docs)
{
  g_return_if_fail (GEST_IS_BOARD_ITEM (self));

  self->overdue_text = overdue;
  self->missing_docs_text = missing_docs;
}

const char *
gest_board_item_get_flag_text (GestBoardItem      *self,
                               GestBoardItemFlags  flag)
{
  g_return_val_if_fail (GEST_IS_BOARD_ITEM (self), NULL);

  if (flag == GEST_BOARD_ITEM_FLAG_OVERDUE)
    return self->overdue_text;
  if (flag == GEST_BOARD_ITEM_FLAG_MISSING_DOCS)
    return self->missing_docs_text;
  return NULL;
}

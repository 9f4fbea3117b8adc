/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-money-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-money-row.h"

struct _GestMoneyRow
{
  GestParsedRow parent_instance;

  GestMoney     value;
  GestMoney     minimum;
  GestMoney     maximum;
};

G_DEFINE_FINAL_TYPE (GestMoneyRow, gest_money_row, GEST_TYPE_PARSED_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
gest_money_row_parse (GestParsedRow  *row,
                      const char     *text,
                      char          **message)
{
  GestMoneyRow *self = GEST_MONEY_ROW (row);
  g_autoptr(GError) error = NULL;
  GestMoney value = 0;
  gboolean valid = FALSE;

  if (text == NULL)
    ;
  else if (!gest_money_parse (text, &value, &error))
    {
      *message = g_strdup (error->message);
      value = 0;
    }
  else if (value < self->minimum)
    {
      g_autofree char *value_s = gest_money_format (value);
      g_autofree char *bound_s = gest_money_format (self->minimum);

      /* Translators: an amount below the least a field accepts: "at least $1.00; it is $0.50". */
      *message = g_strdup_printf (_("The amount must be at least %s; it is %s."), bound_s, value_s);
    }
  else if (value > self->maximum)
    {
      g_autofree char *value_s = gest_money_format (value);
      g_autofree char *bound_s = gest_money_format (self->maximum);

      /* Translators: an amount above the most a field accepts. */
      *message = g_strdup_printf (_("The amount must be at most %s; it is %s."), bound_s, value_s);
    }
  else
    valid = TRUE;

  if (value != self->value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
  return valid;
}

static char *
gest_money_row_format (GestParsedRow *row)
{
  return gest_money_format (GEST_MONEY_ROW (row)->value);
}

static void
gest_money_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GestMoneyRow *self = GEST_MONEY_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;
    case PROP_MINIMUM:
      g_value_set_int64 (value, self->minimum);
      break;
    case PROP_MAXIMUM:
      g_value_set_int64 (value, self->maximum);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_money_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GestMoneyRow *self = GEST_MONEY_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      gest_money_row_set_value (self, g_value_get_int64 (value));
      break;
    case PROP_MINIMUM:
      gest_money_row_set_bounds (self, g_value_get_int64 (value), self->maximum);
      break;
    case PROP_MAXIMUM:
      gest_money_row_set_bounds (self, self->minimum, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_money_row_class_init (GestMoneyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GestParsedRowClass *row_class = GEST_PARSED_ROW_CLASS (klass);

  object_class->get_property = gest_money_row_get_property;
  object_class->set_property = gest_money_row_set_property;

  row_class->parse = gest_money_row_parse;
  row_class->format = gest_money_row_format;

  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MINIMUM] =
    g_param_spec_int64 ("minimum", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAXIMUM] =
    g_param_spec_int64 ("maximum", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_money_row_init (GestMoneyRow *self)
{
  self->minimum = G_MININT64;
  self->maximum = G_MAXINT64;

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
}

GtkWidget *
gest_money_row_new (void)
{
  return g_object_new (GEST_TYPE_MONEY_ROW, NULL);
}

GestMoney
gest_money_row_get_value (GestMoneyRow *self)
{
  g_return_val_if_fail (GEST_IS_MONEY_ROW (self), 0);

  return self->value;
}

void
gest_money_row_set_value (GestMoneyRow *self,
                          GestMoney     value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GEST_IS_MONEY_ROW (self));

  text = gest_money_format (value);
  gest_parsed_row_set_text (GEST_PARSED_ROW (self), text);
}

gboolean
gest_money_row_get_valid (GestMoneyRow *self)
{
  return gest_parsed_row_get_valid (GEST_PARSED_ROW (self));
}

gboolean
gest_money_row_get_empty (GestMoneyRow *self)
{
  return gest_parsed_row_get_empty (GEST_PARSED_ROW (self));
}

void
gest_money_row_set_bounds (GestMoneyRow *self,
                           GestMoney     minimum,
                           GestMoney     maximum)
{
  g_return_if_fail (GEST_IS_MONEY_ROW (self));
  g_return_if_fail (minimum <= maximum);

  g_object_freeze_notify (G_OBJECT (self));
  if (minimum != self->minimum)
    {
      self->minimum = minimum;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM]);
    }
  if (maximum != self->maximum)
    {
      self->maximum = maximum;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
    }
  gest_parsed_row_reparse (GEST_PARSED_ROW (self));
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
gest_money_row_apply (GestMoneyRow *self)
{
  return gest_parsed_row_apply (GEST_PARSED_ROW (self));
}

void
gest_money_row_set_error (GestMoneyRow *self,
                          const char   *message)
{
  gest_parsed_row_set_error (GEST_PARSED_ROW (self), message);
}

const char *
gest_money_row_get_error (GestMoneyRow *self)
{
  return gest_parsed_row_get_error (GEST_PARSED_ROW (self));
}

const char *
gest_money_row_get_text_error (GestMoneyRow *self)
{
  return gest_parsed_row_get_text_error (GEST_PARSED_ROW (self));
}

void
gest_money_row_set_error_label (GestMoneyRow *self,
                                GtkLabel     *label)
{
  gest_parsed_row_set_error_label (GEST_PARSED_ROW (self), label);
}

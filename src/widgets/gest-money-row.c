/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-money-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-money-row.h"
#include "gest-row-error.h"

struct _GestMoneyRow
{
  AdwEntryRow   parent_instance;

  GestRowError  error;
  GestMoney     value;
  GestMoney     minimum;
  GestMoney     maximum;
  gboolean      valid;
  gboolean      empty;
};

G_DEFINE_FINAL_TYPE (GestMoneyRow, gest_money_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_VALID,
  PROP_EMPTY,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  PROP_ERROR,
  PROP_ERROR_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Parses the text into value/valid/empty and the row's own message; notifies what changed. */
static void
parse_text (GestMoneyRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  GestMoney value = 0;
  gboolean empty = is_blank (text);
  gboolean valid = FALSE;
  gboolean error_changed;

  g_object_freeze_notify (G_OBJECT (self));

  if (!empty)
    {
      if (!gest_money_parse (text, &value, &error))
        {
          message = g_strdup (error->message);
          value = 0;
        }
      else if (value < self->minimum)
        {
          g_autofree char *value_s = gest_money_format (value);
          g_autofree char *bound_s = gest_money_format (self->minimum);

          /* Translators: an amount below the least a field accepts: "at least $1.00; it is $0.50". */
          message = g_strdup_printf (_("The amount must be at least %s; it is %s."), bound_s, value_s);
        }
      else if (value > self->maximum)
        {
          g_autofree char *value_s = gest_money_format (value);
          g_autofree char *bound_s = gest_money_format (self->maximum);

          /* Translators: an amount above the most a field accepts. */
          message = g_strdup_printf (_("The amount must be at most %s; it is %s."), bound_s, value_s);
        }
      else
        valid = TRUE;
    }

  if (value != self->value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (empty != self->empty)
    {
      self->empty = empty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }
  /* Once a message shows, it follows the text until the text is right; before, it waits for
   * apply or leave. */
  error_changed = gest_row_error_set_own (&self->error, message);
  if (valid && gest_row_error_set_checked (&self->error, FALSE))
    error_changed = TRUE;
  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
changed_cb (GestMoneyRow *self)
{
  parse_text (self);
}

/* Writes @text without revealing the apply button again: the row is applied already. */
static void
set_text_quietly (GestMoneyRow *self,
                  const char   *text)
{
  gboolean apply_button = adw_entry_row_get_show_apply_button (ADW_ENTRY_ROW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) == 0)
    return;
  if (apply_button)
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), FALSE);
  /* GtkText empties itself before it inserts: parse once, not the empty text in between. */
  g_signal_handlers_block_by_func (self, changed_cb, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  g_signal_handlers_unblock_by_func (self, changed_cb, NULL);
  parse_text (self);
  if (apply_button)
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
}

static void
apply_cb (GestMoneyRow *self)
{
  gest_money_row_apply (self);
}

static void
focus_leave_cb (GestMoneyRow *self)
{
  /* A window closing takes the focus away too: nothing to write back then. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gest_money_row_apply (self);
}

static void
gest_money_row_dispose (GObject *object)
{
  GestMoneyRow *self = (GestMoneyRow *) object;

  gest_row_error_clear (&self->error);

  G_OBJECT_CLASS (gest_money_row_parent_class)->dispose (object);
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
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    case PROP_MINIMUM:
      g_value_set_int64 (value, self->minimum);
      break;
    case PROP_MAXIMUM:
      g_value_set_int64 (value, self->maximum);
      break;
    case PROP_ERROR:
      g_value_set_string (value, gest_money_row_get_error (self));
      break;
    case PROP_ERROR_LABEL:
      g_value_set_object (value, self->error.label);
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
    case PROP_ERROR_LABEL:
      gest_money_row_set_error_label (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_money_row_class_init (GestMoneyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_money_row_dispose;
  object_class->get_property = gest_money_row_get_property;
  object_class->set_property = gest_money_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MINIMUM] =
    g_param_spec_int64 ("minimum", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAXIMUM] =
    g_param_spec_int64 ("maximum", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR_LABEL] =
    g_param_spec_object ("error-label", NULL, NULL, GTK_TYPE_LABEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_money_row_init (GestMoneyRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->minimum = G_MININT64;
  self->maximum = G_MAXINT64;
  self->empty = TRUE;
  gest_row_error_init (&self->error, GTK_WIDGET (self));

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "apply", G_CALLBACK (apply_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (apply_cb), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
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
  set_text_quietly (self, text);
  gest_row_error_set_checked (&self->error, TRUE);
}

gboolean
gest_money_row_get_valid (GestMoneyRow *self)
{
  g_return_val_if_fail (GEST_IS_MONEY_ROW (self), FALSE);

  return self->valid;
}

gboolean
gest_money_row_get_empty (GestMoneyRow *self)
{
  g_return_val_if_fail (GEST_IS_MONEY_ROW (self), TRUE);

  return self->empty;
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
  parse_text (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
gest_money_row_apply (GestMoneyRow *self)
{
  g_return_val_if_fail (GEST_IS_MONEY_ROW (self), FALSE);

  if (self->valid)
    {
      g_autofree char *text = gest_money_format (self->value);

      set_text_quietly (self, text);
    }
  if (gest_row_error_set_checked (&self->error, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  return self->valid;
}

void
gest_money_row_set_error (GestMoneyRow *self,
                          const char   *message)
{
  g_return_if_fail (GEST_IS_MONEY_ROW (self));

  if (gest_row_error_set_external (&self->error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

const char *
gest_money_row_get_error (GestMoneyRow *self)
{
  g_return_val_if_fail (GEST_IS_MONEY_ROW (self), NULL);

  return gest_row_error_get_shown (&self->error);
}

const char *
gest_money_row_get_text_error (GestMoneyRow *self)
{
  g_return_val_if_fail (GEST_IS_MONEY_ROW (self), NULL);

  return self->error.own;
}

void
gest_money_row_set_error_label (GestMoneyRow *self,
                                GtkLabel     *label)
{
  g_return_if_fail (GEST_IS_MONEY_ROW (self));
  g_return_if_fail (label == NULL || GTK_IS_LABEL (label));

  if (label == self->error.label)
    return;
  gest_row_error_set_label (&self->error, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_LABEL]);
}

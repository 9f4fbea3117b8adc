/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-parsed-row"

#include "config.h"

#include "gest-field-error.h"
#include "gest-parsed-row.h"

/* The error bookkeeping: the row shows either the message its owner set (a form's rule) or,
 * once the user applied or left it, its own (text that does not parse), through
 * gest_field_error_show(). The label is the one the owner gave, or one the row adds to its
 * group the first time it needs it. */
typedef struct
{
  GtkLabel  *label;      /* weak: the label the message goes in */
  gboolean   owns_label; /* the row added @label to its group */
  char      *external;   /* the owner's message, or NULL */
  char      *own;        /* the row's own check, or NULL */
  gboolean   checked;    /* the user applied or left the row: show @own */
  char      *shown;      /* the message on screen, or NULL */

  gboolean   valid;
  gboolean   empty;
} GestParsedRowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GestParsedRow, gest_parsed_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALID,
  PROP_EMPTY,
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

static void
label_weak_notify (gpointer  data,
                   GObject  *where_the_label_was)
{
  GestParsedRowPrivate *priv = data;

  priv->label = NULL;
  priv->owns_label = FALSE;
}

static void
drop_label (GestParsedRowPrivate *priv)
{
  if (priv->label == NULL)
    return;
  g_object_weak_unref (G_OBJECT (priv->label), label_weak_notify, priv);
  if (priv->owns_label)
    {
      GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (priv->label), ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (priv->label));
    }
  priv->label = NULL;
  priv->owns_label = FALSE;
}

static void
take_label (GestParsedRowPrivate *priv,
            GtkLabel             *label,
            gboolean              owns)
{
  priv->label = label;
  priv->owns_label = owns;
  if (label != NULL)
    g_object_weak_ref (G_OBJECT (label), label_weak_notify, priv);
}

/* Puts the message that should show on screen; returns whether it changed. A label that
 * another row of the group shares is cleared only when it still shows this row's message. */
static gboolean
update_error (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);
  GtkWidget *row = GTK_WIDGET (self);
  const char *message = priv->external != NULL ? priv->external : (priv->checked ? priv->own : NULL);

  if (g_strcmp0 (message, priv->shown) == 0)
    return FALSE;

  if (message != NULL && priv->label == NULL)
    {
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        take_label (priv, gest_field_error_label_new (ADW_PREFERENCES_GROUP (group)), TRUE);
    }

  if (priv->label == NULL)
    {
      /* No group yet: the row is marked; the message shows once a label is given. */
      if (message != NULL)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
  else if (message == NULL && !priv->owns_label &&
           g_strcmp0 (gtk_label_get_text (priv->label), priv->shown) != 0)
    gtk_widget_remove_css_class (row, "error");
  else
    gest_field_error_show (row, priv->label, message);

  g_free (priv->shown);
  priv->shown = g_strdup (message);
  return TRUE;
}

/* The user applied or left the row, or code set its value: its own message shows. */
static void
check (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  priv->checked = TRUE;
  if (update_error (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Parses the text into the subclass's value, valid/empty and the row's own message; notifies
 * what changed. */
static void
parse_text (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  gboolean empty = is_blank (text);
  gboolean valid;

  g_object_freeze_notify (G_OBJECT (self));

  valid = GEST_PARSED_ROW_GET_CLASS (self)->parse (self, empty ? NULL : text, &message);
  g_assert (!valid || message == NULL);

  if (valid != priv->valid)
    {
      priv->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (empty != priv->empty)
    {
      priv->empty = empty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }
  /* Once a message shows, it follows the text until the text is right; before, it waits for
   * apply or leave. */
  g_free (priv->own);
  priv->own = g_steal_pointer (&message);
  if (valid)
    priv->checked = FALSE;
  if (update_error (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
changed_cb (GestParsedRow *self)
{
  parse_text (self);
}

/* Writes @text without revealing the apply button again: the row is applied already. */
static void
set_text_quietly (GestParsedRow *self,
                  const char    *text)
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
apply_cb (GestParsedRow *self)
{
  gest_parsed_row_apply (self);
}

static void
focus_leave_cb (GestParsedRow *self)
{
  GestParsedRowClass *klass = GEST_PARSED_ROW_GET_CLASS (self);

  /* A window closing takes the focus away too: nothing to write back then. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (klass->holds_focus != NULL && klass->holds_focus (self))
    return;
  gest_parsed_row_apply (self);
}

static void
gest_parsed_row_dispose (GObject *object)
{
  GestParsedRow *self = GEST_PARSED_ROW (object);
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  if (priv->shown != NULL && priv->label != NULL && !priv->owns_label &&
      g_strcmp0 (gtk_label_get_text (priv->label), priv->shown) == 0)
    gest_field_error_show (NULL, priv->label, NULL);
  drop_label (priv);
  g_clear_pointer (&priv->external, g_free);
  g_clear_pointer (&priv->own, g_free);
  g_clear_pointer (&priv->shown, g_free);

  G_OBJECT_CLASS (gest_parsed_row_parent_class)->dispose (object);
}

static void
gest_parsed_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GestParsedRow *self = GEST_PARSED_ROW (object);
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, priv->valid);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, priv->empty);
      break;
    case PROP_ERROR:
      g_value_set_string (value, priv->shown);
      break;
    case PROP_ERROR_LABEL:
      g_value_set_object (value, priv->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_parsed_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GestParsedRow *self = GEST_PARSED_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR_LABEL:
      gest_parsed_row_set_error_label (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_parsed_row_class_init (GestParsedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_parsed_row_dispose;
  object_class->get_property = gest_parsed_row_get_property;
  object_class->set_property = gest_parsed_row_set_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR_LABEL] =
    g_param_spec_object ("error-label", NULL, NULL, GTK_TYPE_LABEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_parsed_row_init (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  priv->empty = TRUE;

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "apply", G_CALLBACK (apply_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (apply_cb), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

gboolean
gest_parsed_row_get_valid (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_val_if_fail (GEST_IS_PARSED_ROW (self), FALSE);

  return priv->valid;
}

gboolean
gest_parsed_row_get_empty (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_val_if_fail (GEST_IS_PARSED_ROW (self), TRUE);

  return priv->empty;
}

gboolean
gest_parsed_row_apply (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_val_if_fail (GEST_IS_PARSED_ROW (self), FALSE);

  if (priv->valid)
    {
      g_autofree char *text = GEST_PARSED_ROW_GET_CLASS (self)->format (self);

      set_text_quietly (self, text);
    }
  check (self);
  return priv->valid;
}

void
gest_parsed_row_set_error (GestParsedRow *self,
                           const char    *message)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_if_fail (GEST_IS_PARSED_ROW (self));

  if (g_strcmp0 (priv->external, message) == 0)
    return;
  g_free (priv->external);
  priv->external = g_strdup (message);
  if (update_error (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

const char *
gest_parsed_row_get_error (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_val_if_fail (GEST_IS_PARSED_ROW (self), NULL);

  return priv->shown;
}

const char *
gest_parsed_row_get_text_error (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_val_if_fail (GEST_IS_PARSED_ROW (self), NULL);

  return priv->own;
}

void
gest_parsed_row_set_error_label (GestParsedRow *self,
                                 GtkLabel      *label)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);
  g_autofree char *shown = NULL;

  g_return_if_fail (GEST_IS_PARSED_ROW (self));
  g_return_if_fail (label == NULL || GTK_IS_LABEL (label));

  if (label == priv->label)
    return;

  /* The message moves to the new label: update_error() sees nothing shown yet. */
  shown = g_steal_pointer (&priv->shown);
  if (shown != NULL && priv->label != NULL)
    gest_field_error_show (GTK_WIDGET (self), priv->label, NULL);
  drop_label (priv);
  take_label (priv, label, FALSE);
  update_error (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_LABEL]);
}

GtkLabel *
gest_parsed_row_get_error_label (GestParsedRow *self)
{
  GestParsedRowPrivate *priv = gest_parsed_row_get_instance_private (self);

  g_return_val_if_fail (GEST_IS_PARSED_ROW (self), NULL);

  return priv->label;
}

void
gest_parsed_row_set_text (GestParsedRow *self,
                          const char    *text)
{
  g_return_if_fail (GEST_IS_PARSED_ROW (self));
  g_return_if_fail (text != NULL);

  set_text_quietly (self, text);
  check (self);
}

void
gest_parsed_row_reparse (GestParsedRow *self)
{
  g_return_if_fail (GEST_IS_PARSED_ROW (self));

  parse_text (self);
}

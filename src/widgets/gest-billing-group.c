/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-billing-group"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-billing-group.h"
#include "gest-field-error.h"

struct _GestBillingGroup
{
  AdwPreferencesGroup  parent_instance;

  GestBillingValues   *values;
  guint32              touched;
  gboolean             compact;
  gboolean             updating;

  GtkWidget           *rows[GEST_N_BILLING_FIELDS];
  GtkStringList       *regime_names;
  GtkStringList       *use_names;
  GStrv                regime_codes;   /* the combo's codes after its "Choose" item */
  GStrv                use_codes;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (GestBillingGroup, gest_billing_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const titles[GEST_N_BILLING_FIELDS] = {
  N_("Kind of taxpayer"), N_("RFC"), N_("Name as registered with the SAT"), N_("Fiscal postal code"),
  N_("Fiscal regime"), N_("CFDI use"), N_("Email for the invoice"),
};

/* Gives @list "Choose…" and the labels of @codes when @refill, and selects @selected. */
static void
fill_combo (GtkWidget          *row,
            GtkStringList      *list,
            gboolean            refill,
            const char * const *codes,
            const char *(*label) (const char *),
            const char         *selected)
{
  guint position = 0;

  if (refill)
    {
      guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      g_ptr_array_add (names, (gpointer) _("Choose…"));
      for (guint i = 0; codes[i] != NULL; i++)
        g_ptr_array_add (names, (gpointer) label (codes[i]));
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (list, 0, n_old, (const char * const *) names->pdata);
    }
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], selected) == 0)
      position = i + 1;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static void
update_widgets (GestBillingGroup *self)
{
  g_autoptr(GestBillingState) state = gest_billing_state_from_values (self->values, self->touched);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean refill_regimes, refill_uses;

  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[GEST_BILLING_FIELD_KIND]),
                              self->values->kind == GEST_TAXPAYER_COMPANY ? 1 : 0);
  refill_regimes = self->regime_codes == NULL ||
                   !g_strv_equal ((const char * const *) self->regime_codes, (const char * const *) state->regimes);
  if (refill_regimes)
    {
      g_strfreev (self->regime_codes);
      self->regime_codes = g_strdupv (state->regimes);
    }
  fill_combo (self->rows[GEST_BILLING_FIELD_REGIME], self->regime_names, refill_regimes,
              (const char * const *) self->regime_codes, gest_cfdi_regime_label, self->values->regime);
  refill_uses = self->use_codes == NULL ||
                !g_strv_equal ((const char * const *) self->use_codes, (const char * const *) state->uses);
  if (refill_uses)
    {
      g_strfreev (self->use_codes);
      self->use_codes = g_strdupv (state->uses);
    }
  fill_combo (self->rows[GEST_BILLING_FIELD_USE], self->use_names, refill_uses,
              (const char * const *) self->use_codes, gest_cfdi_use_label, self->values->use);
  self->updating = FALSE;

  if (self->compact)
    return;
  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    {
      if (state->errors[i] != NULL)
        {
          gtk_widget_add_css_class (self->rows[i], "error");
          g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", state->errors[i]);
        }
      else
        gtk_widget_remove_css_class (self->rows[i], "error");
    }
  gest_field_error_show (NULL, self->error_label, text->len > 0 ? text->str : NULL);
}

static void
set_field (GestBillingGroup *self,
           GestBillingField  field,
           const char       *text)
{
  GestBillingValues *values;

  if (self->updating)
    return;
  values = gest_billing_values_set (self->values, field, text);
  if (gest_billing_values_equal (values, self->values))
    {
      gest_billing_values_free (values);
      return;
    }
  gest_billing_values_free (self->values);
  self->values = values;
  update_widgets (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GestBillingField
field_of_row (GestBillingGroup *self,
              GtkWidget        *row)
{
  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    if (self->rows[i] == row)
      return i;
  return GEST_N_BILLING_FIELDS;
}

static void
entry_changed_cb (GtkEditable      *editable,
                  GestBillingGroup *self)
{
  set_field (self, field_of_row (self, GTK_WIDGET (editable)), gtk_editable_get_text (editable));
}

static void
combo_selected_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   GestBillingGroup *self)
{
  GestBillingField field = field_of_row (self, GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);
  GStrv codes = field == GEST_BILLING_FIELD_REGIME ? self->regime_codes : self->use_codes;

  if (self->updating)
    return;
  if (field == GEST_BILLING_FIELD_KIND)
    set_field (self, field, selected == 1 ? "moral" : "fisica");
  else if (codes != NULL && selected != GTK_INVALID_LIST_POSITION && selected >= 1 &&
           selected <= g_strv_length (codes))
    set_field (self, field, codes[selected - 1]);
  else
    set_field (self, field, "");
}

/* A row's message shows once the user has left it. */
static void
row_left_cb (GtkEventControllerFocus *controller,
             GestBillingGroup        *self)
{
  GestBillingField field =
    field_of_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (self->values == NULL || field >= GEST_N_BILLING_FIELDS)
    return;
  self->touched |= 1u << field;
  update_widgets (self);
}

static void
gest_billing_group_dispose (GObject *object)
{
  GestBillingGroup *self = GEST_BILLING_GROUP (object);

  g_clear_pointer (&self->values, gest_billing_values_free);
  g_clear_pointer (&self->regime_codes, g_strfreev);
  g_clear_pointer (&self->use_codes, g_strfreev);
  g_clear_object (&self->regime_names);
  g_clear_object (&self->use_names);

  G_OBJECT_CLASS (gest_billing_group_parent_class)->dispose (object);
}

static void
gest_billing_group_class_init (GestBillingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_billing_group_dispose;

  /* The user changed a value (not gest_billing_group_set_values()). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gest_billing_group_init (GestBillingGroup *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->values = gest_billing_values_new ();
  self->regime_names = gtk_string_list_new (NULL);
  self->use_names = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, _("Individual (persona física)"));
  gtk_string_list_append (kinds, _("Company (persona moral)"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Billing Data"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("As on the customer’s tax status certificate (constancia de situación fiscal)."));

  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      if (i == GEST_BILLING_FIELD_KIND || i == GEST_BILLING_FIELD_REGIME || i == GEST_BILLING_FIELD_USE)
        {
          self->rows[i] = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[i]),
                                   i == GEST_BILLING_FIELD_KIND ? G_LIST_MODEL (kinds)
                                   : i == GEST_BILLING_FIELD_REGIME ? G_LIST_MODEL (self->regime_names)
                                                                    : G_LIST_MODEL (self->use_names));
          g_signal_connect (self->rows[i], "notify::selected", G_CALLBACK (combo_selected_cb), self);
        }
      else
        {
          self->rows[i] = adw_entry_row_new ();
          g_signal_connect (self->rows[i], "changed", G_CALLBACK (entry_changed_cb), self);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(titles[i]));
      g_signal_connect (focus, "leave", G_CALLBACK (row_left_cb), self);
      gtk_widget_add_controller (self->rows[i], focus);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->rows[i]);
    }
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->rows[GEST_BILLING_FIELD_RFC]), 13);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_BILLING_FIELD_POSTAL_CODE]),
                                   GTK_INPUT_PURPOSE_DIGITS);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_BILLING_FIELD_EMAIL]),
                                   GTK_INPUT_PURPOSE_EMAIL);
  self->error_label = gest_field_error_label_new (ADW_PREFERENCES_GROUP (self));
  update_widgets (self);
}

GtkWidget *
gest_billing_group_new (void)
{
  return g_object_new (GEST_TYPE_BILLING_GROUP, NULL);
}

void
gest_billing_group_set_compact (GestBillingGroup *self,
                                gboolean          compact)
{
  static const GestBillingField hidden[] = {
    GEST_BILLING_FIELD_KIND, GEST_BILLING_FIELD_RFC, GEST_BILLING_FIELD_NAME, GEST_BILLING_FIELD_EMAIL,
  };

  g_return_if_fail (GEST_IS_BILLING_GROUP (self));

  self->compact = !!compact;
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    gtk_widget_set_visible (self->rows[hidden[i]], !self->compact);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         self->compact ? _("For invoices: as on the customer’s tax status certificate.")
                                                       : _("As on the customer’s tax status certificate (constancia de situación fiscal)."));
  update_widgets (self);
}

void
gest_billing_group_set_values (GestBillingGroup        *self,
                               const GestBillingValues *values)
{
  const struct { GestBillingField field; const char *text; } entries[] = {
    { GEST_BILLING_FIELD_RFC, values->rfc }, { GEST_BILLING_FIELD_NAME, values->name },
    { GEST_BILLING_FIELD_POSTAL_CODE, values->postal_code }, { GEST_BILLING_FIELD_EMAIL, values->email },
  };

  g_return_if_fail (GEST_IS_BILLING_GROUP (self));
  g_return_if_fail (values != NULL);

  gest_billing_values_free (self->values);
  self->values = gest_billing_values_copy (values);
  self->touched = 0;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[entries[i].field]), entries[i].text);
  self->updating = FALSE;
  update_widgets (self);
}

const GestBillingValues *
gest_billing_group_get_values (GestBillingGroup *self)
{
  g_return_val_if_fail (GEST_IS_BILLING_GROUP (self), NULL);

  return self->values;
}

void
gest_billing_group_set_kind (GestBillingGroup *self,
                             GestTaxpayerKind  kind)
{
  g_return_if_fail (GEST_IS_BILLING_GROUP (self));

  if (self->values->kind == kind)
    return;
  set_field (self, GEST_BILLING_FIELD_KIND, kind == GEST_TAXPAYER_COMPANY ? "moral" : "fisica");
}

gboolean
gest_billing_group_check (GestBillingGroup *self)
{
  g_autoptr(GestBillingState) state = NULL;

  g_return_val_if_fail (GEST_IS_BILLING_GROUP (self), FALSE);

  self->touched = G_MAXUINT32;
  update_widgets (self);
  state = gest_billing_state_from_values (self->values, 0);
  return state->complete;
}

void
gest_billing_group_show_error (GestBillingGroup *self,
                               GestBillingField  field,
                               const char       *message)
{
  g_return_if_fail (GEST_IS_BILLING_GROUP (self));

  gest_field_error_show (field < GEST_N_BILLING_FIELDS ? self->rows[field] : NULL, self->error_label, message);
}

GtkWidget *
gest_billing_group_get_row (GestBillingGroup *self,
                            GestBillingField  field)
{
  g_return_val_if_fail (GEST_IS_BILLING_GROUP (self), NULL);
  g_return_val_if_fail (field < GEST_N_BILLING_FIELDS, NULL);

  return self->rows[field];
}

GtkLabel *
gest_billing_group_get_error_label (GestBillingGroup *self)
{
  g_return_val_if_fail (GEST_IS_BILLING_GROUP (self), NULL);

  return self->error_label;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-billing-group.h"
#include "gest-contact.h"
#include "gest-customer-editor.h"
#include "gest-customer-form-rows.h"
#include "gest-customer-form-state.h"
#include "gest-field-error.h"

enum
{
  GROUP_CUSTOMER,
  GROUP_CONTACT,
  GROUP_ADDRESS,
  GROUP_BILLING,
  N_GROUPS
};

struct _GestCustomerEditor
{
  AdwWindow           parent_instance;

  GestStore          *store;
  GestCustomerValues *values;
  guint32             touched;
  gboolean            saving;
  gboolean            updating;

  GtkWidget          *save_button;
  GestBillingGroup   *billing;
  GtkWidget          *rows[GEST_N_CUSTOMER_FIELDS];
  GtkLabel           *labels[N_GROUPS];
};

G_DEFINE_FINAL_TYPE (GestCustomerEditor, gest_customer_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each field's title and group, in GestCustomerField order. */
static const struct
{
  const char *title;
  guint       group;
} fields[GEST_N_CUSTOMER_FIELDS] = {
  { N_("Name or company name"), GROUP_CUSTOMER },
  { N_("RFC"), GROUP_CUSTOMER },
  { N_("Mobile phone"), GROUP_CONTACT },
  { N_("Home phone"), GROUP_CONTACT },
  { N_("Work phone"), GROUP_CONTACT },
  { N_("E-mail"), GROUP_CONTACT },
  { N_("Street"), GROUP_ADDRESS },
  { N_("Number"), GROUP_ADDRESS },
  { N_("Interior number"), GROUP_ADDRESS },
  { N_("Neighborhood"), GROUP_ADDRESS },
  { N_("City or municipality"), GROUP_ADDRESS },
  { N_("State"), GROUP_ADDRESS },
  { N_("Postal code"), GROUP_ADDRESS },
  { N_("Fiscal postal code"), GROUP_BILLING },
  { N_("Fiscal regime"), GROUP_BILLING },
  { N_("CFDI use"), GROUP_BILLING },
};

static void
update_widgets (GestCustomerEditor *self)
{
  g_autoptr(GestCustomerFormState) state =
    gest_customer_form_state_from_values (self->values, self->touched, self->saving);

  gtk_window_set_title (GTK_WINDOW (self), state->is_new ? _("New Customer") : _("Edit Customer"));
  gtk_widget_set_sensitive (self->save_button, state->can_save);
  for (guint g = 0; g < N_GROUPS; g++)
    {
      GtkWidget *rows[GEST_N_CUSTOMER_FIELDS] = { NULL, };

      for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
        if (fields[i].group == g)
          rows[i] = self->rows[i];
      gest_customer_form_show_errors (rows, state->errors, GEST_N_CUSTOMER_FIELDS, self->labels[g]);
    }
}

/* The kind of taxpayer the RFC gives, for the regimes and uses the billing group offers. */
static void
update_billing_kind (GestCustomerEditor *self)
{
  g_autofree char *rfc = g_strstrip (g_strdup (self->values->fields[GEST_CUSTOMER_FIELD_RFC]));

  gest_billing_group_set_kind (self->billing, g_str_equal (gest_customer_kind_for_rfc (rfc), "moral")
                                                ? GEST_TAXPAYER_COMPANY : GEST_TAXPAYER_PERSON);
}

/* The widgets' text into the values (the state combo gives the state's code, the billing
 * group the regime's and the use's). */
static void
read_widgets (GestCustomerEditor *self)
{
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    {
      if (i == GEST_CUSTOMER_FIELD_FISCAL_REGIME)
        gest_customer_values_set (self->values, i, gest_billing_group_get_values (self->billing)->regime);
      else if (i == GEST_CUSTOMER_FIELD_CFDI_USE)
        gest_customer_values_set (self->values, i, gest_billing_group_get_values (self->billing)->use);
      else if (i == GEST_CUSTOMER_FIELD_STATE)
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[i]));
          guint n_states;
          const GestState *states = gest_states (&n_states);

          gest_customer_values_set (self->values, i,
                                    selected >= 1 && selected <= n_states ? states[selected - 1].code : "");
        }
      else
        gest_customer_values_set (self->values, i, gtk_editable_get_text (GTK_EDITABLE (self->rows[i])));
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestCustomerEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GestCustomerField field;

  uuid = gest_customer_save_finish (GEST_STORE (object), result, &field, &error);
  self->saving = FALSE;
  update_widgets (self);
  if (uuid == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (field < GEST_N_CUSTOMER_FIELDS)
        gest_field_error_show (self->rows[field], self->labels[fields[field].group], error->message);
      else
        gest_field_error_show (NULL, self->labels[GROUP_CUSTOMER], error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_changed_cb (GestCustomerEditor *self)
{
  /* Rows lose the focus while the window is disposed. */
  if (self->values == NULL)
    return;
  if (self->updating)
    return;
  read_widgets (self);
  update_billing_kind (self);
  read_widgets (self);
  update_widgets (self);
}

/* A field's message shows once the user has left it. */
static void
row_left_cb (GtkEventControllerFocus *controller,
             GestCustomerEditor      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    if (self->rows[i] == row)
      self->touched |= 1u << i;
  row_changed_cb (self);
}

static void
save_clicked_cb (GtkButton          *button,
                 GestCustomerEditor *self)
{
  gest_customer_editor_save (self);
}

static void
gest_customer_editor_dispose (GObject *object)
{
  GestCustomerEditor *self = GEST_CUSTOMER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->values, gest_customer_values_free);

  G_OBJECT_CLASS (gest_customer_editor_parent_class)->dispose (object);
}

static void
gest_customer_editor_class_init (GestCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_customer_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gest_customer_editor_init (GestCustomerEditor *self)
{
  static const char *group_titles[N_GROUPS] = { N_("Customer"), N_("Contact"), N_("Address"), NULL };
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *groups[N_GROUPS];
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_states;
  const GestState *states = gest_states (&n_states);

  gtk_string_list_append (names, _("Not given"));
  for (guint i = 0; i < n_states; i++)
    gtk_string_list_append (names, states[i].name);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      if (g == GROUP_BILLING)
        {
          /* The shared billing group, compact: the RFC, name and e-mail are the rows above. */
          self->billing = GEST_BILLING_GROUP (gest_billing_group_new ());
          gest_billing_group_set_compact (self->billing, TRUE);
          groups[g] = ADW_PREFERENCES_GROUP (self->billing);
          g_signal_connect_swapped (self->billing, "changed", G_CALLBACK (row_changed_cb), self);
        }
      else
        {
          groups[g] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[g], _(group_titles[g]));
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), groups[g]);
    }
  for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      if (fields[i].group == GROUP_BILLING)
        {
          self->rows[i] = gest_billing_group_get_row (self->billing,
                                                      i == GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE ? GEST_BILLING_FIELD_POSTAL_CODE
                                                      : i == GEST_CUSTOMER_FIELD_FISCAL_REGIME ? GEST_BILLING_FIELD_REGIME
                                                                                                 : GEST_BILLING_FIELD_USE);
        }
      else if (i == GEST_CUSTOMER_FIELD_STATE)
        {
          self->rows[i] = adw_combo_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(fields[i].title));
          adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[i]), G_LIST_MODEL (names));
          adw_preferences_group_add (groups[fields[i].group], self->rows[i]);
          g_signal_connect_swapped (self->rows[i], "notify::selected", G_CALLBACK (row_changed_cb), self);
        }
      else
        {
          self->rows[i] = gest_customer_form_entry_row (groups[fields[i].group], _(fields[i].title));
          g_signal_connect_swapped (self->rows[i], "changed", G_CALLBACK (row_changed_cb), self);
        }
      g_signal_connect (focus, "leave", G_CALLBACK (row_left_cb), self);
      gtk_widget_add_controller (self->rows[i], focus);
    }
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->rows[GEST_CUSTOMER_FIELD_RFC]), 13);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_CUSTOMER_FIELD_PHONE_MOBILE]),
                                   GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_CUSTOMER_FIELD_PHONE_HOME]),
                                   GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_CUSTOMER_FIELD_PHONE_WORK]),
                                   GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[GEST_CUSTOMER_FIELD_EMAIL]),
                                   GTK_INPUT_PURPOSE_EMAIL);
  for (guint g = 0; g < N_GROUPS; g++)
    self->labels[g] = g == GROUP_BILLING ? gest_billing_group_get_error_label (self->billing)
                                         : gest_field_error_label_new (groups[g]);

  self->save_button = gest_customer_form_frame (ADW_WINDOW (self), page, _("_Save"));
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  self->values = gest_customer_values_new ();
}

GestCustomerEditor *
gest_customer_editor_new (GtkWindow                *parent,
                          GestStore                *store,
                          const GestCustomerValues *values)
{
  GestCustomerEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_CUSTOMER_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (values != NULL)
    {
      const GestState *state = gest_state_lookup (values->fields[GEST_CUSTOMER_FIELD_STATE]);
      guint n_states;
      const GestState *states = gest_states (&n_states);

      gest_customer_values_free (self->values);
      self->values = gest_customer_values_copy (values);
      self->updating = TRUE;
      for (guint i = 0; i < GEST_N_CUSTOMER_FIELDS; i++)
        {
          g_autofree char *phone = NULL;

          /* Stored phones are 10 digits; they are edited as they are read. */
          if ((i == GEST_CUSTOMER_FIELD_PHONE_MOBILE || i == GEST_CUSTOMER_FIELD_PHONE_HOME ||
               i == GEST_CUSTOMER_FIELD_PHONE_WORK) && *values->fields[i] != '\0')
            phone = gest_phone_format (values->fields[i]);
          if (fields[i].group != GROUP_BILLING && i != GEST_CUSTOMER_FIELD_STATE)
            gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), phone != NULL ? phone : values->fields[i]);
        }
      for (guint i = 0; state != NULL && i < n_states; i++)
        if (&states[i] == state)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[GEST_CUSTOMER_FIELD_STATE]), i + 1);
      {
        g_autoptr(GestBillingValues) billing = gest_billing_values_new ();
        g_autoptr(GestBillingValues) with_kind = NULL;
        g_autoptr(GestBillingValues) with_code = NULL;
        g_autoptr(GestBillingValues) with_regime = NULL;
        g_autoptr(GestBillingValues) with_use = NULL;
        g_autofree char *rfc = g_strstrip (g_strdup (values->fields[GEST_CUSTOMER_FIELD_RFC]));

        with_kind = gest_billing_values_set (billing, GEST_BILLING_FIELD_KIND, gest_customer_kind_for_rfc (rfc));
        with_code = gest_billing_values_set (with_kind, GEST_BILLING_FIELD_POSTAL_CODE,
                                             values->fields[GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE]);
        with_regime = gest_billing_values_set (with_code, GEST_BILLING_FIELD_REGIME,
                                               values->fields[GEST_CUSTOMER_FIELD_FISCAL_REGIME]);
        with_use = gest_billing_values_set (with_regime, GEST_BILLING_FIELD_USE,
                                            values->fields[GEST_CUSTOMER_FIELD_CFDI_USE]);
        gest_billing_group_set_values (self->billing, with_use);
      }
      self->updating = FALSE;
      read_widgets (self);
    }
  gtk_window_set_focus (GTK_WINDOW (self), self->rows[GEST_CUSTOMER_FIELD_NAME]);
  update_widgets (self);
  return self;
}

const GestCustomerValues *
gest_customer_editor_get_values (GestCustomerEditor *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_EDITOR (self), NULL);

  return self->values;
}

GtkWidget *
gest_customer_editor_get_row (GestCustomerEditor *self,
                              GestCustomerField   field)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_EDITOR (self), NULL);
  g_return_val_if_fail (field < GEST_N_CUSTOMER_FIELDS, NULL);

  return self->rows[field];
}

void
gest_customer_editor_save (GestCustomerEditor *self)
{
  g_return_if_fail (GEST_IS_CUSTOMER_EDITOR (self));

  if (self->saving)
    return;
  read_widgets (self);
  self->touched = GEST_FORM_ALL_TOUCHED;
  update_widgets (self);
  if (!gest_customer_values_validate (self->values, NULL, NULL))
    return;
  self->saving = TRUE;
  update_widgets (self);
  gest_customer_save_async (self->store, self->values, NULL, saved_cb, g_object_ref (self));
}

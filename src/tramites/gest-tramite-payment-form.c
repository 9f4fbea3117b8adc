/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-payment-form"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-date-row.h"
#include "gest-document.h"
#include "gest-field-error.h"
#include "gest-money-row.h"
#include "gest-tramite-payment-form.h"
#include "gest-tramite-saves.h"

struct _GestTramitePaymentForm
{
  AdwExpanderRow            parent_instance;

  /* Borrowed: rows and widgets of the expander. */
  GestMoneyRow             *amount_row;
  GestDateRow              *date_row;
  AdwEntryRow              *reference_row;
  AdwComboRow              *proof_row;
  GtkLabel                 *error_labels[GEST_TRAMITE_PAYMENT_N_FIELDS];
  GtkLabel                 *refusal_label;
  GtkLabel                 *blocked_label;
  GtkWidget                *record_button;

  GtkStringList            *proof_names;
  GPtrArray                *proof_uuids;   /* parallel to proof_names; NULL for "none" */

  GestContext              *context;
  GestStore                *store;           /* the context's */
  GListModel               *documents;
  GestTramite              *tramite;
  GestTramitePaymentValues *values;
  GestTramitePaymentState  *state;         /* of values, as shown */
  gboolean                  disposed;
};

G_DEFINE_FINAL_TYPE (GestTramitePaymentForm, gest_tramite_payment_form, ADW_TYPE_EXPANDER_ROW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Styled as gest_field_error_label_new()'s, but inside the expander, under its fields. */
static GtkLabel *
error_label_new (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

/* gnome-calendar's update_widgets(): everything the state says, applied in one place. The
 * fields' texts are the user's and are never written here. */
static void
update_widgets (GestTramitePaymentForm        *self,
                const GestTramitePaymentState *state)
{
  gest_money_row_set_error (self->amount_row, state->errors[GEST_TRAMITE_PAYMENT_AMOUNT]);
  gest_date_row_set_error (self->date_row, state->errors[GEST_TRAMITE_PAYMENT_DATE]);
  gest_field_error_show (GTK_WIDGET (self->reference_row),
                         self->error_labels[GEST_TRAMITE_PAYMENT_REFERENCE],
                         state->errors[GEST_TRAMITE_PAYMENT_REFERENCE]);
  gest_field_error_show (NULL, self->refusal_label, state->refusal);

  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reference_row), state->fields_sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->proof_row), state->proof_sensitive);
  gtk_widget_set_sensitive (self->record_button, state->record_sensitive);
  gtk_label_set_text (self->blocked_label, state->record_blocked != NULL ? state->record_blocked : "");
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), state->record_blocked != NULL);
}

static void
refresh (GestTramitePaymentForm *self)
{
  GDate today;

  gest_date_today (&today);
  g_clear_pointer (&self->state, gest_tramite_payment_state_free);
  self->state = gest_tramite_payment_widget_state_from_values (self->values, &today);
  update_widgets (self, self->state);
}

/* Takes @values in place of the current ones and shows them. */
static void
update_from_values (GestTramitePaymentForm   *self,
                    GestTramitePaymentValues *values)
{
  gest_tramite_payment_values_free (self->values);
  self->values = values;
  refresh (self);
}

static const char *
proof_filename (GestTramitePaymentForm *self,
                const char             *uuid)
{
  for (guint i = 0; self->documents != NULL && i < g_list_model_get_n_items (self->documents); i++)
    {
      g_autoptr(GestDocument) document = g_list_model_get_item (self->documents, i);

      if (g_strcmp0 (gest_document_get_uuid (document), uuid) == 0)
        return gest_document_get_filename (document);
    }
  return NULL;
}

/* The expander's subtitle: what is recorded now. */
static void
show_payment (GestTramitePaymentForm *self)
{
  const GestTramite *t = self->tramite;
  g_autofree char *subtitle = NULL;

  if (t != NULL && t->has_payment)
    {
      g_autofree char *amount = gest_money_format (t->payment_amount);
      g_autofree char *date = gest_date_format (&t->payment_date);
      const char *proof = t->payment_proof_uuid != NULL ? proof_filename (self, t->payment_proof_uuid) : NULL;

      if (t->payment_proof_uuid != NULL)
        /* Translators: the customer's payment: amount, date, reference and proof file. */
        subtitle = g_strdup_printf (_("%s on %s, reference %s. Proof: %s"), amount, date,
                                    t->payment_reference, proof != NULL ? proof : t->payment_proof_uuid);
      else
        /* Translators: the customer's payment: amount, date and reference, without a proof. */
        subtitle = g_strdup_printf (_("%s on %s, reference %s. No payment proof linked yet."),
                                    amount, date, t->payment_reference);
    }
  else
    subtitle = g_strdup (_("Pending: record it once the customer has paid."));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
amount_changed_cb (GestTramitePaymentForm *self)
{
  update_from_values (self, gest_tramite_payment_values_set_amount_text (self->values,
                                                                          gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
}

static void
date_changed_cb (GestTramitePaymentForm *self)
{
  update_from_values (self, gest_tramite_payment_values_set_date_text (self->values,
                                                                        gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
}

static void
reference_changed_cb (GestTramitePaymentForm *self)
{
  update_from_values (self, gest_tramite_payment_values_set_reference (self->values,
                                                                        gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
}

static void
proof_selected_cb (GestTramitePaymentForm *self)
{
  guint selected = adw_combo_row_get_selected (self->proof_row);
  const char *uuid = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->proof_uuids->len)
    uuid = g_ptr_array_index (self->proof_uuids, selected);
  update_from_values (self, gest_tramite_payment_values_set_proof (self->values, uuid));
}

/* The proofs to choose from: the trámite's documents of the kind "Payment proof". The one
 * chosen stays chosen; at first, the one linked to the payment. */
static void
documents_changed_cb (GestTramitePaymentForm *self)
{
  g_autofree char *selected_uuid = g_strdup (self->values->proof_uuid);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint to_select = 0;

  g_signal_handlers_block_by_func (self->proof_row, proof_selected_cb, self);
  g_ptr_array_set_size (self->proof_uuids, 0);
  g_ptr_array_add (self->proof_uuids, NULL);
  g_ptr_array_add (names, (gpointer) _("No proof"));
  for (guint i = 0; self->documents != NULL && i < g_list_model_get_n_items (self->documents); i++)
    {
      g_autoptr(GestDocument) document = g_list_model_get_item (self->documents, i);

      if (gest_document_get_kind (document) != GEST_DOCUMENT_KIND_PAYMENT_PROOF)
        continue;
      if (g_strcmp0 (gest_document_get_uuid (document), selected_uuid) == 0 ||
          (selected_uuid == NULL && self->tramite != NULL &&
           g_strcmp0 (gest_document_get_uuid (document), self->tramite->payment_proof_uuid) == 0))
        to_select = self->proof_uuids->len;
      g_ptr_array_add (self->proof_uuids, g_strdup (gest_document_get_uuid (document)));
      g_ptr_array_add (names, (gpointer) gest_document_get_filename (document));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->proof_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->proof_names)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->proof_row, to_select);
  g_signal_handlers_unblock_by_func (self->proof_row, proof_selected_cb, self);

  {
    g_autoptr(GestTramitePaymentValues) counted =
      gest_tramite_payment_values_set_n_proofs (self->values, self->proof_uuids->len - 1);

    update_from_values (self, gest_tramite_payment_values_set_proof (counted,
                                                                      g_ptr_array_index (self->proof_uuids, to_select)));
  }
  show_payment (self);
}

static void
record_clicked_cb (GestTramitePaymentForm *self)
{
  gest_tramite_payment_form_record (self);
}

static void
payment_recorded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GestTramitePaymentForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestTramitePaymentValues) done = NULL;
  gboolean saved = gest_tramite_save_finish (GEST_STORE (object), result, &error);

  if (self->disposed)
    return;
  done = gest_tramite_payment_values_set_saving (self->values, FALSE);
  if (!saved)
    {
      update_from_values (self, gest_tramite_payment_values_set_refusal (done, error->message));
      return;
    }
  /* Recorded: the fields' errors wait for the next try again. */
  update_from_values (self, gest_tramite_payment_values_set_show_errors (done, FALSE));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), FALSE);
  g_signal_emit (self, signals[RECORDED], 0);
}

static void
build_fields (GestTramitePaymentForm *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 gest_tramite_item_label (GEST_TRAMITE_ITEM_PAYMENT));

  self->amount_row = GEST_MONEY_ROW (gest_money_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), _("Amount Paid"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->amount_row));

  self->date_row = GEST_DATE_ROW (gest_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Payment Date (dd/mm/yyyy)"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->date_row));

  self->reference_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), _("Deposit or Transfer Reference"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->reference_row));

  self->proof_names = gtk_string_list_new (NULL);
  self->proof_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->proof_row), _("Payment Proof"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->proof_row),
                               _("Attach the customer’s receipt as a “Payment proof” document to choose it here."));
  adw_combo_row_set_model (self->proof_row, G_LIST_MODEL (self->proof_names));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->proof_row));

  /* Under the fields: their messages in form order, the model's refusal, why Record is off,
   * and the button. */
  gtk_widget_set_margin_top (footer, 6);
  gtk_widget_set_margin_bottom (footer, 6);
  gtk_widget_set_margin_start (footer, 12);
  gtk_widget_set_margin_end (footer, 12);
  for (guint i = 0; i < GEST_TRAMITE_PAYMENT_N_FIELDS; i++)
    self->error_labels[i] = error_label_new (GTK_BOX (footer));
  self->refusal_label = error_label_new (GTK_BOX (footer));
  self->blocked_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->blocked_label, TRUE);
  gtk_label_set_xalign (self->blocked_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->blocked_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), FALSE);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->blocked_label));
  gest_money_row_set_error_label (self->amount_row, self->error_labels[GEST_TRAMITE_PAYMENT_AMOUNT]);
  gest_date_row_set_error_label (self->date_row, self->error_labels[GEST_TRAMITE_PAYMENT_DATE]);

  self->record_button = gtk_button_new_with_mnemonic (_("_Record Payment"));
  gtk_widget_set_halign (self->record_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (self->record_button, TRUE);
  gtk_box_append (GTK_BOX (button_box), self->record_button);
  gtk_box_append (GTK_BOX (footer), button_box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), footer);

  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (amount_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->reference_row, "changed", G_CALLBACK (reference_changed_cb), self);
  g_signal_connect_swapped (self->proof_row, "notify::selected", G_CALLBACK (proof_selected_cb), self);
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
}

static void
gest_tramite_payment_form_dispose (GObject *object)
{
  GestTramitePaymentForm *self = (GestTramitePaymentForm *) object;

  self->disposed = TRUE;
  g_clear_object (&self->documents);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_tramite_payment_form_parent_class)->dispose (object);
}

static void
gest_tramite_payment_form_finalize (GObject *object)
{
  GestTramitePaymentForm *self = (GestTramitePaymentForm *) object;

  g_clear_object (&self->proof_names);
  g_clear_pointer (&self->proof_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->tramite, gest_tramite_free);
  g_clear_pointer (&self->values, gest_tramite_payment_values_free);
  g_clear_pointer (&self->state, gest_tramite_payment_state_free);

  G_OBJECT_CLASS (gest_tramite_payment_form_parent_class)->finalize (object);
}

static void
gest_tramite_payment_form_class_init (GestTramitePaymentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_tramite_payment_form_dispose;
  object_class->finalize = gest_tramite_payment_form_finalize;

  /**
   * GestTramitePaymentForm::recorded:
   *
   * The payment was saved: the page reloads the trámite.
   */
  signals[RECORDED] =
    g_signal_new ("recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gest_tramite_payment_form_init (GestTramitePaymentForm *self)
{
  self->proof_uuids = g_ptr_array_new_with_free_func (g_free);
  self->values = gest_tramite_payment_values_new ();
  build_fields (self);
  refresh (self);
}

GtkWidget *
gest_tramite_payment_form_new (GestContext *context,
                               GListModel  *documents)
{
  GestTramitePaymentForm *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), NULL);

  self = g_object_new (GEST_TYPE_TRAMITE_PAYMENT_FORM, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  if (documents != NULL)
    {
      self->documents = g_object_ref (documents);
      g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  documents_changed_cb (self);
  return GTK_WIDGET (self);
}

void
gest_tramite_payment_form_set_tramite (GestTramitePaymentForm *self,
                                       const GestTramite      *tramite)
{
  g_return_if_fail (GEST_IS_TRAMITE_PAYMENT_FORM (self));

  g_clear_pointer (&self->tramite, gest_tramite_free);
  if (tramite != NULL)
    self->tramite = gest_tramite_copy (tramite);
  update_from_values (self, gest_tramite_payment_values_set_tramite (self->values, tramite));
  documents_changed_cb (self);
}

void
gest_tramite_payment_form_fill (GestTramitePaymentForm *self,
                                const char             *amount,
                                const char             *date,
                                const char             *reference,
                                const char             *proof_uuid)
{
  g_return_if_fail (GEST_IS_TRAMITE_PAYMENT_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount != NULL ? amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference != NULL ? reference : "");
  adw_combo_row_set_selected (self->proof_row, 0);
  for (guint i = 1; proof_uuid != NULL && i < self->proof_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->proof_uuids, i), proof_uuid) == 0)
      adw_combo_row_set_selected (self->proof_row, i);
}

gboolean
gest_tramite_payment_form_record (GestTramitePaymentForm *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_PAYMENT_FORM (self), FALSE);

  /* One save at a time: a second click would check against the state before the first. */
  if (self->tramite == NULL || self->values->saving)
    return FALSE;
  update_from_values (self, gest_tramite_payment_values_set_show_errors (self->values, TRUE));
  if (!self->state->record_sensitive || !self->state->valid)
    return FALSE;

  update_from_values (self, gest_tramite_payment_values_set_saving (self->values, TRUE));
  gest_tramite_record_payment_async (self->store, self->tramite->uuid, self->state->amount,
                                     &self->state->date, self->state->reference,
                                     self->values->proof_uuid, NULL, NULL, payment_recorded_cb,
                                     g_object_ref (self));
  return TRUE;
}

const char *
gest_tramite_payment_form_get_error (GestTramitePaymentForm *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_PAYMENT_FORM (self), NULL);

  return gest_tramite_payment_state_get_first_error (self->state);
}

const GestTramitePaymentValues *
gest_tramite_payment_form_get_values (GestTramitePaymentForm *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_PAYMENT_FORM (self), NULL);

  return self->values;
}

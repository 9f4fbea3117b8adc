/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-checklist-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-document.h"
#include "gest-field-error.h"
#include "gest-tramite-checklist-view.h"
#include "gest-tramite-saves.h"

typedef struct
{
  AdwActionRow *row;
  GtkWidget    *done_icon;
  GtkWidget    *mark_button;
  GtkWidget    *conauto_label;
} ItemRow;

struct _GestTramiteChecklistView
{
  GtkWidget       parent_instance;

  GtkWidget      *group;
  ItemRow         items[GEST_TRAMITE_N_ITEMS];   /* all but the payment */
  AdwExpanderRow *payment_row;
  AdwEntryRow    *amount_entry;
  AdwEntryRow    *date_entry;
  AdwEntryRow    *reference_entry;
  AdwComboRow    *proof_row;
  GtkStringList  *proof_names;
  GPtrArray      *proof_uuids;                   /* parallel to proof_names; NULL for "none" */
  GtkWidget      *record_button;
  /* Refusals, in full under the group, the row they concern marked (gest-field-error.h). */
  GtkLabel       *error_label;
  GtkWidget      *error_row;                     /* borrowed: a row of the group, or NULL */

  GestStore      *store;
  GListModel     *documents;
  GestTramite    *tramite;
  gboolean        saving;                        /* a save is on the writer thread */
  GestTramiteItem checking;                      /* the item of the save, if one */
};

G_DEFINE_FINAL_TYPE (GestTramiteChecklistView, gest_tramite_checklist_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  SHOW_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
item_done_at (const GestTramite *tramite,
              GestTramiteItem    item)
{
  switch (item)
    {
    case GEST_TRAMITE_ITEM_DOCS_SENT:
      return tramite->docs_sent_at;
    case GEST_TRAMITE_ITEM_INSURANCE_CANCELLED:
      return tramite->insurance_cancelled_at;
    case GEST_TRAMITE_ITEM_INVOICE_RELEASED:
      return tramite->invoice_released_at;
    case GEST_TRAMITE_ITEM_INVOICE_DELIVERED:
      return tramite->invoice_delivered_at;
    case GEST_TRAMITE_ITEM_ACK_RETURNED:
      return tramite->ack_returned_at;
    case GEST_TRAMITE_ITEM_PAYMENT:
    case GEST_TRAMITE_N_ITEMS:
    default:
      g_assert_not_reached ();
    }
  return 0;
}

static void
show_item (GestTramiteChecklistView *self,
           GestTramiteItem           item)
{
  ItemRow *r = &self->items[item];
  gint64 done_at = self->tramite != NULL ? item_done_at (self->tramite, item) : 0;
  gboolean conauto = gest_tramite_item_is_conauto (item);

  if (done_at != 0)
    {
      g_autofree char *moment = gest_timestamp_format (done_at);
      /* Translators: when a checklist item was done, "Done on 03/05/2026 10:15". */
      g_autofree char *subtitle = g_strdup_printf (_("Done on %s"), moment);

      adw_action_row_set_subtitle (r->row, subtitle);
    }
  else if (conauto)
    adw_action_row_set_subtitle (r->row, _("Conauto records this; it arrives through the Conauto sync."));
  else
    adw_action_row_set_subtitle (r->row, _("Pending"));

  gtk_widget_set_visible (r->done_icon, done_at != 0);
  gtk_widget_set_visible (r->conauto_label, done_at == 0 && conauto);
  gtk_widget_set_visible (r->mark_button, done_at == 0 && !conauto && self->tramite != NULL);
}

static const char *
proof_filename (GestTramiteChecklistView *self,
                const char               *uuid)
{
  for (guint i = 0; self->documents != NULL && i < g_list_model_get_n_items (self->documents); i++)
    {
      g_autoptr(GestDocument) document = g_list_model_get_item (self->documents, i);

      if (g_strcmp0 (gest_document_get_uuid (document), uuid) == 0)
        return gest_document_get_filename (document);
    }
  return NULL;
}

static void
show_payment (GestTramiteChecklistView *self)
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

  adw_expander_row_set_subtitle (self->payment_row, subtitle);
  /* Conauto verified the deposit from step 4 on: nothing to correct. */
  gtk_widget_set_sensitive (self->record_button, t != NULL && t->step <= 3);
}

static void
documents_changed_cb (GestTramiteChecklistView *self)
{
  guint selected = adw_combo_row_get_selected (self->proof_row);
  g_autofree char *selected_uuid = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint to_select = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->proof_uuids->len)
    selected_uuid = g_strdup (g_ptr_array_index (self->proof_uuids, selected));

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
  show_payment (self);
}

static void
mark_clicked_cb (GtkButton                *button,
                 GestTramiteChecklistView *self)
{
  GestTramiteItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gest-item"));

  gest_tramite_checklist_view_check_item (self, item);
}

static void
record_clicked_cb (GestTramiteChecklistView *self)
{
  gest_tramite_checklist_view_record_payment (self);
}

static void
build_item_row (GestTramiteChecklistView *self,
                GestTramiteItem           item)
{
  ItemRow *r = &self->items[item];

  r->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), gest_tramite_item_label (item));

  r->done_icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_widget_add_css_class (r->done_icon, "success");
  adw_action_row_add_suffix (r->row, r->done_icon);

  r->conauto_label = gtk_label_new (_("Conauto"));
  gtk_widget_add_css_class (r->conauto_label, "dim-label");
  gtk_widget_set_tooltip_text (r->conauto_label, _("Steps and items of Conauto cannot be recorded here."));
  adw_action_row_add_suffix (r->row, r->conauto_label);

  r->mark_button = gtk_button_new_with_mnemonic (_("_Mark Done"));
  gtk_widget_set_valign (r->mark_button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (r->mark_button), "gest-item", GUINT_TO_POINTER (item));
  g_signal_connect (r->mark_button, "clicked", G_CALLBACK (mark_clicked_cb), self);
  adw_action_row_add_suffix (r->row, r->mark_button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (r->row));
}

static void
build_payment_row (GestTramiteChecklistView *self)
{
  GtkWidget *button_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->payment_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->payment_row),
                                 gest_tramite_item_label (GEST_TRAMITE_ITEM_PAYMENT));

  self->amount_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_entry), _("Amount Paid"));
  adw_expander_row_add_row (self->payment_row, GTK_WIDGET (self->amount_entry));

  self->date_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_entry), _("Payment Date (dd/mm/yyyy)"));
  adw_expander_row_add_row (self->payment_row, GTK_WIDGET (self->date_entry));

  self->reference_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_entry), _("Deposit or Transfer Reference"));
  adw_expander_row_add_row (self->payment_row, GTK_WIDGET (self->reference_entry));

  self->proof_names = gtk_string_list_new (NULL);
  self->proof_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->proof_row), _("Payment Proof"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->proof_row),
                               _("Attach the customer’s receipt as a “Payment proof” document to choose it here."));
  adw_combo_row_set_model (self->proof_row, G_LIST_MODEL (self->proof_names));
  adw_expander_row_add_row (self->payment_row, GTK_WIDGET (self->proof_row));

  self->record_button = gtk_button_new_with_mnemonic (_("_Record Payment"));
  gtk_widget_set_valign (self->record_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (record_clicked_cb), self);
  gtk_widget_set_margin_top (button_row, 6);
  gtk_widget_set_margin_bottom (button_row, 6);
  gtk_widget_set_margin_start (button_row, 12);
  gtk_widget_set_margin_end (button_row, 12);
  gtk_widget_set_hexpand (self->record_button, TRUE);
  gtk_widget_set_halign (self->record_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (button_row), self->record_button);
  adw_expander_row_add_row (self->payment_row, button_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (self->payment_row));
}

static void
gest_tramite_checklist_view_dispose (GObject *object)
{
  GestTramiteChecklistView *self = (GestTramiteChecklistView *) object;

  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_object (&self->proof_names);
  g_clear_object (&self->documents);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_tramite_checklist_view_parent_class)->dispose (object);
}

static void
gest_tramite_checklist_view_finalize (GObject *object)
{
  GestTramiteChecklistView *self = (GestTramiteChecklistView *) object;

  g_clear_pointer (&self->tramite, gest_tramite_free);
  g_clear_pointer (&self->proof_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (gest_tramite_checklist_view_parent_class)->finalize (object);
}

static void
gest_tramite_checklist_view_class_init (GestTramiteChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_tramite_checklist_view_dispose;
  object_class->finalize = gest_tramite_checklist_view_finalize;

  /**
   * GestTramiteChecklistView::changed:
   *
   * An item or the payment was recorded: the page reloads the trámite.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GestTramiteChecklistView::show-message:
   * @message: a translated sentence for a toast
   */
  signals[SHOW_MESSAGE] =
    g_signal_new ("show-message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_tramite_checklist_view_init (GestTramiteChecklistView *self)
{
  self->proof_uuids = g_ptr_array_new_with_free_func (g_free);

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Follow-Up"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("One folio follows the customer’s payment, the documents, the car-insurance cancellation and the invoice release."));
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));

  build_payment_row (self);
  for (GestTramiteItem item = 0; item < GEST_TRAMITE_N_ITEMS; item++)
    if (item != GEST_TRAMITE_ITEM_PAYMENT)
      build_item_row (self, item);
  self->error_label = gest_field_error_label_new (ADW_PREFERENCES_GROUP (self->group));
}

GtkWidget *
gest_tramite_checklist_view_new (GestStore  *store,
                                 GListModel *documents)
{
  GestTramiteChecklistView *self;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), NULL);

  self = g_object_new (GEST_TYPE_TRAMITE_CHECKLIST_VIEW, NULL);
  self->store = g_object_ref (store);
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
gest_tramite_checklist_view_set_tramite (GestTramiteChecklistView *self,
                                         const GestTramite        *tramite)
{
  g_return_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self));

  g_clear_pointer (&self->tramite, gest_tramite_free);
  if (tramite != NULL)
    self->tramite = gest_tramite_copy (tramite);

  for (GestTramiteItem item = 0; item < GEST_TRAMITE_N_ITEMS; item++)
    if (item != GEST_TRAMITE_ITEM_PAYMENT)
      show_item (self, item);
  documents_changed_cb (self);
}

gboolean
gest_tramite_checklist_view_can_check (GestTramiteChecklistView *self,
                                       GestTramiteItem           item)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), FALSE);
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS && item != GEST_TRAMITE_ITEM_PAYMENT, FALSE);

  return gtk_widget_get_visible (self->items[item].mark_button);
}

/* @row: the payment row or an item's row; @message NULL clears. */
static void
show_error (GestTramiteChecklistView *self,
            GtkWidget                *row,
            const char               *message)
{
  if (self->error_row != NULL && self->error_row != row)
    gtk_widget_remove_css_class (self->error_row, "error");
  self->error_row = message != NULL ? row : NULL;
  gest_field_error_show (row, self->error_label, message);
}

static void
item_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GestTramiteChecklistView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!gest_tramite_save_finish (GEST_STORE (object), result, &error))
    {
      /* The rules' refusal, whole, under the item it concerns. */
      show_error (self, GTK_WIDGET (self->items[self->checking].row), error->message);
      return;
    }
  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
gest_tramite_checklist_view_check_item (GestTramiteChecklistView *self,
                                        GestTramiteItem           item)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), FALSE);

  /* One save at a time: a second click would check against the state before the first. */
  if (self->tramite == NULL || self->saving)
    return FALSE;
  self->saving = TRUE;
  self->checking = item;
  gest_tramite_check_item_async (self->store, self->tramite->uuid, item, NULL, item_checked_cb,
                                 g_object_ref (self));
  return TRUE;
}

void
gest_tramite_checklist_view_set_payment_form (GestTramiteChecklistView *self,
                                              const char               *amount,
                                              const char               *date,
                                              const char               *reference,
                                              const char               *proof_uuid)
{
  g_return_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount != NULL ? amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), reference != NULL ? reference : "");
  adw_combo_row_set_selected (self->proof_row, 0);
  for (guint i = 1; proof_uuid != NULL && i < self->proof_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->proof_uuids, i), proof_uuid) == 0)
      adw_combo_row_set_selected (self->proof_row, i);
}

static void
show_payment_error (GestTramiteChecklistView *self,
                    const char               *message)
{
  show_error (self, GTK_WIDGET (self->payment_row), message);
}

static void
payment_recorded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GestTramiteChecklistView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!gest_tramite_save_finish (GEST_STORE (object), result, &error))
    {
      show_payment_error (self, error->message);
      return;
    }
  show_payment_error (self, NULL);
  adw_expander_row_set_expanded (self->payment_row, FALSE);
  g_signal_emit (self, signals[SHOW_MESSAGE], 0, _("Customer payment recorded"));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
gest_tramite_checklist_view_record_payment (GestTramiteChecklistView *self)
{
  g_autoptr(GError) error = NULL;
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_entry));
  guint selected = adw_combo_row_get_selected (self->proof_row);
  const char *proof = NULL;
  GestMoney amount = 0;
  GDate date;

  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), FALSE);

  if (self->tramite == NULL || self->saving)
    return FALSE;
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->proof_uuids->len)
    proof = g_ptr_array_index (self->proof_uuids, selected);

  g_date_clear (&date, 1);
  /* An empty field goes through (amount 0, an invalid GDate) so the model says what is
   * missing, with the same words as for the CLI. */
  if ((*amount_text != '\0' && !gest_money_parse (amount_text, &amount, &error)) ||
      (*date_text != '\0' && !gest_date_parse (date_text, &date, &error)))
    {
      show_payment_error (self, error->message);
      return FALSE;
    }

  self->saving = TRUE;
  gest_tramite_record_payment_async (self->store, self->tramite->uuid, amount, &date, reference,
                                     proof, NULL, payment_recorded_cb, g_object_ref (self));
  return TRUE;
}

const char *
gest_tramite_checklist_view_get_payment_error (GestTramiteChecklistView *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), NULL);

  return self->error_row == GTK_WIDGET (self->payment_row) &&
         gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-checklist-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-tramite-checklist-view.h"
#include "gest-tramite-payment-form.h"
#include "gest-tramite-saves.h"

typedef struct
{
  AdwActionRow *row;
  GtkWidget    *done_icon;
  GtkWidget    *mark_button;
  GtkWidget    *undo_button;
  GtkWidget    *conauto_label;
} ItemRow;

struct _GestTramiteChecklistView
{
  GtkWidget       parent_instance;

  GtkWidget      *group;
  ItemRow         items[GEST_TRAMITE_N_ITEMS];   /* all but the payment */
  GestTramitePaymentForm *payment_form;         /* borrowed: the group's first row */
  /* Refusals of the items, in full under the group, the row they concern marked
   * (gest-field-error.h); the payment form shows its own under its fields. */
  GtkLabel       *error_label;
  GtkWidget      *error_row;                     /* borrowed: a row of the group, or NULL */

  GestContext    *context;
  GestStore      *store;           /* the context's */
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
  gtk_widget_set_visible (r->undo_button, done_at != 0 && !conauto && self->tramite != NULL);
}

/* Issue 12: ticking an item asks first, naming the item and the folio; undoing one asks for
 * the reason the log records. */
static void
confirm_response_cb (AdwMessageDialog         *dialog,
                     const char               *response,
                     GestTramiteChecklistView *self)
{
  GestTramiteItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "gest-item"));
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "gest-reason");

  if (g_str_equal (response, "mark"))
    gest_tramite_checklist_view_check_item (self, item);
  else if (g_str_equal (response, "undo"))
    gest_tramite_checklist_view_uncheck_item (self, item, gtk_editable_get_text (reason));
}

static AdwMessageDialog *
item_dialog (GestTramiteChecklistView *self,
             GestTramiteItem           item,
             const char               *heading,
             const char               *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "gest-item", GUINT_TO_POINTER (item));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  return dialog;
}

static void
mark_clicked_cb (GtkButton                *button,
                 GestTramiteChecklistView *self)
{
  GestTramiteItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gest-item"));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->tramite == NULL)
    return;
  /* Translators: "Mark “Documents sent to Conauto” as done on folio LIQ-2026-000123?" */
  heading = g_strdup_printf (_("Mark “%s” as done on folio %s?"), gest_tramite_item_label (item),
                             self->tramite->folio);
  dialog = item_dialog (self, item, heading,
                        _("It is recorded in the folio’s log with your name, and undoing it later needs a reason."));
  adw_message_dialog_add_response (dialog, "mark", _("_Mark Done"));
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "undo", *text != '\0');
}

static void
undo_clicked_cb (GtkButton                *button,
                 GestTramiteChecklistView *self)
{
  GestTramiteItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gest-item"));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->tramite == NULL)
    return;
  heading = g_strdup_printf (_("Undo “%s” on folio %s?"), gest_tramite_item_label (item), self->tramite->folio);
  dialog = item_dialog (self, item, heading, _("Write why. The reason is recorded in the folio’s log."));
  adw_message_dialog_add_response (dialog, "undo", _("_Undo"));
  adw_message_dialog_set_response_appearance (dialog, "undo", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "undo", FALSE);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (reason_changed_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "gest-reason", entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
payment_recorded_cb (GestTramiteChecklistView *self)
{
  g_signal_emit (self, signals[SHOW_MESSAGE], 0, _("Customer payment recorded"));
  g_signal_emit (self, signals[CHANGED], 0);
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

  r->undo_button = gtk_button_new_with_mnemonic (_("_Undo…"));
  gtk_widget_set_valign (r->undo_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (r->undo_button, "flat");
  g_object_set_data (G_OBJECT (r->undo_button), "gest-item", GUINT_TO_POINTER (item));
  g_signal_connect (r->undo_button, "clicked", G_CALLBACK (undo_clicked_cb), self);
  adw_action_row_add_suffix (r->row, r->undo_button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (r->row));
}

static void
gest_tramite_checklist_view_dispose (GObject *object)
{
  GestTramiteChecklistView *self = (GestTramiteChecklistView *) object;

  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_tramite_checklist_view_parent_class)->dispose (object);
}

static void
gest_tramite_checklist_view_finalize (GObject *object)
{
  GestTramiteChecklistView *self = (GestTramiteChecklistView *) object;

  g_clear_pointer (&self->tramite, gest_tramite_free);

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
  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Follow-Up"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("One folio follows the customer’s payment, the documents, the car-insurance cancellation and the invoice release."));
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));
  self->error_label = gest_field_error_label_new (ADW_PREFERENCES_GROUP (self->group));
}

GtkWidget *
gest_tramite_checklist_view_new (GestContext *context,
                                 GListModel  *documents)
{
  GestTramiteChecklistView *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), NULL);

  self = g_object_new (GEST_TYPE_TRAMITE_CHECKLIST_VIEW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));

  /* The payment form comes first; it needs the context and the documents. */
  self->payment_form = GEST_TRAMITE_PAYMENT_FORM (gest_tramite_payment_form_new (context, documents));
  g_signal_connect_swapped (self->payment_form, "recorded", G_CALLBACK (payment_recorded_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (self->payment_form));
  for (GestTramiteItem item = 0; item < GEST_TRAMITE_N_ITEMS; item++)
    if (item != GEST_TRAMITE_ITEM_PAYMENT)
      build_item_row (self, item);
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
  gest_tramite_payment_form_set_tramite (self->payment_form, tramite);
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

gboolean
gest_tramite_checklist_view_uncheck_item (GestTramiteChecklistView *self,
                                          GestTramiteItem           item,
                                          const char               *reason)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), FALSE);

  if (self->tramite == NULL || self->saving)
    return FALSE;
  self->saving = TRUE;
  self->checking = item;
  gest_tramite_uncheck_item_async (self->store, self->tramite->uuid, item, reason, NULL, item_checked_cb,
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

  gest_tramite_payment_form_fill (self->payment_form, amount, date, reference, proof_uuid);
}

gboolean
gest_tramite_checklist_view_record_payment (GestTramiteChecklistView *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), FALSE);

  return gest_tramite_payment_form_record (self->payment_form);
}

const char *
gest_tramite_checklist_view_get_payment_error (GestTramiteChecklistView *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), NULL);

  return gest_tramite_payment_form_get_error (self->payment_form);
}

GtkWidget *
gest_tramite_checklist_view_get_payment_form (GestTramiteChecklistView *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_CHECKLIST_VIEW (self), NULL);

  return GTK_WIDGET (self->payment_form);
}

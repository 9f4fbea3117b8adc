/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-detail.h"
#include "gest-annulment-request-window.h"
#include "gest-annulment-saves.h"
#include "gest-cfdi.h"
#include "gest-date.h"
#include "gest-window.h"

struct _GestAnnulmentDetail
{
  GtkWidget               parent_instance;

  GestContext            *context;
  char                   *uuid;
  GestRecordDetail       *detail;
  GestAnnulmentChecklist *checklist;
  AdwPreferencesGroup    *fields;
  GtkWidget              *rows[11];
  GtkWidget              *step_button;
  GtkWidget              *edit_button;
  char                   *complaint_uuid;   /* Q12: the case it ends, or NULL */
  GestAnnulmentStage      next_stage;
  gboolean                saving;
  GCancellable           *cancellable;
};

G_DEFINE_FINAL_TYPE (GestAnnulmentDetail, gest_annulment_detail, GTK_TYPE_WIDGET)

enum
{
  ROW_CUSTOMER, ROW_PLAN, ROW_COMPLAINT, ROW_CITY, ROW_INVOICE, ROW_CFDI, ROW_REASON,
  ROW_SUBSTITUTE, ROW_COSTS, ROW_REINVOICE, ROW_SUBJECT
};

static const char * const row_titles[] = {
  N_("Customer"), N_("Plan"), N_("Complaint"), N_("City"), N_("Invoice"), N_("CFDI folio fiscal"),
  N_("Cancellation reason"), N_("Substituting CFDI"), N_("Administrative costs"), N_("Re-invoicing"),
  N_("Email subject"),
};

static const char *
stage_description (const GestAnnulment *annulment)
{
  switch (annulment->stage)
    {
    case GEST_ANNULMENT_REQUEST:
      return _("Attach the five documents and send the request to the head of customer service.");
    case GEST_ANNULMENT_SENT:
      return annulment->with_costs
             ? _("The head of customer service approves it once the customer’s signed acceptance of the costs is attached.")
             : _("The head of customer service approves it.");
    case GEST_ANNULMENT_APPROVED:
      return _("The customer-service coordinator registers the customer in the annulled list.");
    case GEST_ANNULMENT_REGISTERED:
      return annulment->reinvoice
             ? _("The customer-service coordinator approves the re-invoicing.")
             : _("File the memo with billing and attach its stamped copy.");
    case GEST_ANNULMENT_REINVOICE_APPROVED:
      return _("File the memo with billing and attach its stamped copy.");
    case GEST_ANNULMENT_FILED:
    case GEST_N_ANNULMENT_STAGES:
    default:
      return _("Filed: the memo is with billing and its stamped copy is attached.");
    }
}

static void
set_row (GestAnnulmentDetail *self,
         guint                row,
         const char          *value)
{
  gboolean has = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[row]), has ? value : "—");
  gtk_widget_set_visible (self->rows[row], has || row == ROW_CFDI);
}

static void
fill (GestAnnulmentDetail *self,
      const GestAnnulment *annulment)
{
  g_autofree char *costs = gest_money_format (annulment->costs_amount);
  g_autofree char *subject = gest_annulment_mail_subject (annulment->customer_name, annulment->city);
  const char *label;

  gest_record_detail_set_title (self->detail, annulment->folio);
  gest_record_detail_set_subtitle (self->detail, annulment->customer_name);
  gest_record_detail_set_status (self->detail, gest_annulment_stage_title (annulment->stage),
                                 stage_description (annulment));
  set_row (self, ROW_CUSTOMER, annulment->customer_name);
  set_row (self, ROW_PLAN, annulment->plan_number);
  set_row (self, ROW_COMPLAINT, annulment->complaint_folio);
  g_free (self->complaint_uuid);
  self->complaint_uuid = g_strdup (annulment->complaint_uuid);
  set_row (self, ROW_CITY, annulment->city);
  set_row (self, ROW_INVOICE, annulment->invoice_number);
  set_row (self, ROW_CFDI, annulment->cfdi_uuid);
  set_row (self, ROW_REASON, gest_cfdi_reason_label (annulment->cancel_reason));
  set_row (self, ROW_SUBSTITUTE, annulment->substitute_cfdi_uuid);
  set_row (self, ROW_COSTS, annulment->with_costs ? costs : _("None"));
  set_row (self, ROW_REINVOICE, annulment->reinvoice ? _("Yes") : _("No"));
  set_row (self, ROW_SUBJECT, subject);

  self->next_stage = annulment->stage + 1;
  if (self->next_stage == GEST_ANNULMENT_REINVOICE_APPROVED && !annulment->reinvoice)
    self->next_stage = GEST_ANNULMENT_FILED;
  label = self->next_stage < GEST_N_ANNULMENT_STAGES ? gest_annulment_advance_label (self->next_stage) : NULL;
  gtk_widget_set_visible (self->step_button, label != NULL);
  if (label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->step_button), label);
  gtk_widget_set_sensitive (self->step_button, !self->saving);
  gtk_widget_set_visible (self->edit_button, annulment->stage == GEST_ANNULMENT_REQUEST);
  gest_annulment_checklist_set_annulment (self->checklist, annulment);
}

void
gest_annulment_detail_reload (GestAnnulmentDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestAnnulment) annulment = NULL;

  g_return_if_fail (GEST_IS_ANNULMENT_DETAIL (self));
  annulment = gest_annulment_load (gest_context_get_store (self->context), self->uuid, &error);
  if (annulment == NULL)
    {
      gest_record_detail_show_unavailable (self->detail, _("Annulment Not Found"), error->message);
      return;
    }
  gest_record_detail_show_record (self->detail);
  fill (self, annulment);
}

static void
advance_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GestAnnulmentDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!gest_annulment_save_finish (GEST_STORE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_set_sensitive (self->step_button, TRUE);
          gest_record_detail_show_status_error (self->detail, error->message);
        }
      return;
    }
  gest_annulment_detail_reload (self);
  gest_timeline_reload (gest_record_detail_get_timeline (self->detail));
  gest_record_detail_add_toast (self->detail, _("Annulment updated"));
}

static void
step_clicked_cb (GtkButton           *button,
                 GestAnnulmentDetail *self)
{
  if (self->saving)
    return;
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->step_button, FALSE);
  gest_record_detail_show_status_error (self->detail, NULL);
  gest_annulment_advance_async (gest_context_get_store (self->context), self->uuid, self->next_stage,
                                self->cancellable, advance_done_cb, g_object_ref (self));
}

static void
request_saved_cb (GestAnnulmentRequestWindow *window,
                  const char                 *uuid,
                  GestAnnulmentDetail        *self)
{
  gest_annulment_detail_reload (self);
}

static void
edit_clicked_cb (GtkButton           *button,
                 GestAnnulmentDetail *self)
{
  GtkWidget *window = gest_annulment_request_window_new (self->context, self->uuid);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_signal_connect_object (window, "saved", G_CALLBACK (request_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

/* Q12: the complaint the annulment ends opens in its own section. */
static void
complaint_activated_cb (GestAnnulmentDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->complaint_uuid != NULL && GEST_IS_WINDOW (root))
    gest_window_show_record (GEST_WINDOW (root), "complaint", self->complaint_uuid);
}

static void
documents_changed_cb (GestAnnulmentDetail *self)
{
  gest_annulment_detail_reload (self);
}

static void
gest_annulment_detail_dispose (GObject *object)
{
  GestAnnulmentDetail *self = GEST_ANNULMENT_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer ((GtkWidget **) &self->detail, gtk_widget_unparent);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (gest_annulment_detail_parent_class)->dispose (object);
}

static void
gest_annulment_detail_finalize (GObject *object)
{
  GestAnnulmentDetail *self = GEST_ANNULMENT_DETAIL (object);

  g_free (self->uuid);
  g_free (self->complaint_uuid);
  G_OBJECT_CLASS (gest_annulment_detail_parent_class)->finalize (object);
}

static void
gest_annulment_detail_class_init (GestAnnulmentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_annulment_detail_dispose;
  object_class->finalize = gest_annulment_detail_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_annulment_detail_init (GestAnnulmentDetail *self)
{
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
gest_annulment_detail_new (GestContext *context,
                           const char  *uuid)
{
  GestAnnulmentDetail *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_ANNULMENT_DETAIL, NULL);
  self->context = g_object_ref (context);
  self->uuid = g_strdup (uuid);
  self->detail = GEST_RECORD_DETAIL (gest_record_detail_new (context, uuid));
  gtk_widget_set_parent (GTK_WIDGET (self->detail), GTK_WIDGET (self));
  gest_record_detail_set_status_heading (self->detail, _("Stage"));

  self->step_button = gtk_button_new_with_mnemonic ("");
  gtk_widget_set_valign (self->step_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->step_button, "suggested-action");
  g_signal_connect (self->step_button, "clicked", G_CALLBACK (step_clicked_cb), self);
  gest_record_detail_add_status_action (self->detail, self->step_button);

  self->fields = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->fields, _("Request"));
  self->edit_button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_add_css_class (self->edit_button, "flat");
  g_signal_connect (self->edit_button, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->fields, self->edit_button);
  for (guint i = 0; i < G_N_ELEMENTS (row_titles); i++)
    {
      self->rows[i] = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(row_titles[i]));
      adw_preferences_group_add (self->fields, self->rows[i]);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->rows[ROW_COMPLAINT]),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->rows[ROW_COMPLAINT]), TRUE);
  g_signal_connect_swapped (self->rows[ROW_COMPLAINT], "activated", G_CALLBACK (complaint_activated_cb), self);
  gest_record_detail_add_group (self->detail, self->fields);

  self->checklist = GEST_ANNULMENT_CHECKLIST (gest_annulment_checklist_new (self->detail));
  gest_record_detail_add_section (self->detail, GTK_WIDGET (self->checklist));

  g_signal_connect_object (gest_record_detail_get_document_store (self->detail), "document-added",
                           G_CALLBACK (documents_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gest_record_detail_get_document_store (self->detail), "document-removed",
                           G_CALLBACK (documents_changed_cb), self, G_CONNECT_SWAPPED);
  gest_annulment_detail_reload (self);
  return GTK_WIDGET (self);
}

GestRecordDetail *
gest_annulment_detail_get_record_detail (GestAnnulmentDetail *self)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_DETAIL (self), NULL);
  return self->detail;
}

GestAnnulmentChecklist *
gest_annulment_detail_get_checklist (GestAnnulmentDetail *self)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_DETAIL (self), NULL);
  return self->checklist;
}

GtkWidget *
gest_annulment_detail_get_step_button (GestAnnulmentDetail *self)
{
  g_return_val_if_fail (GEST_IS_ANNULMENT_DETAIL (self), NULL);
  return gtk_widget_get_visible (self->step_button) ? self->step_button : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-record-detail.h"
#include "gest-tramite-mail.h"
#include "gest-tramite.h"
#include "gest-tramite-checklist-view.h"
#include "gest-tramite-detail.h"
#include "gest-tramite-saves.h"

struct _GestTramiteDetail
{
  GtkWidget                 parent_instance;

  /* The page: a configuration of the shared record detail. */
  GestRecordDetail         *record;
  GtkButton                *move_button;
  GtkButton                *back_button;
  GtkWidget                *send_button;
  AdwPreferencesGroup      *statement_group;
  AdwPreferencesGroup      *routing_group;
  AdwPreferencesGroup      *terms_group;

  int                       moving_to;  /* the step a move being saved goes to, else 0 */
  guint                     sending;    /* documents of an email being queued, else 0 */

  /* Rows built once, filled by show_tramite(). */
  GtkLabel                 *balance_label;
  GtkLabel                 *overdue_label;
  GtkLabel                 *installment_label;
  GtkLabel                 *life_insurance_label;
  AdwActionRow             *as_of_row;
  AdwActionRow             *area_row;
  AdwActionRow             *reason_row;
  AdwActionRow             *thresholds_row;
  GtkLabel                 *amount_label;
  GtkLabel                 *date_label;
  AdwActionRow             *notes_row;

  /* Borrowed: parts of the record detail. */
  GestDocumentList         *document_list;
  GestTimeline             *timeline;
  GestTramiteChecklistView *checklist;

  GestContext              *context;
  GestStore                *store;           /* the context's */
  char                     *tramite_uuid;
  GestTramite              *tramite;
};

G_DEFINE_FINAL_TYPE (GestTramiteDetail, gest_tramite_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TRAMITE_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (GestTramiteDetail *self,
       const char        *message)
{
  gest_record_detail_add_toast (self->record, message);
}

static GtkLabel *
add_value_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (label);
}

static AdwActionRow *
add_text_row (AdwPreferencesGroup *group,
              const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static AdwPreferencesGroup *
add_group (GestTramiteDetail *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gest_record_detail_add_group (self->record, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
build_rows (GestTramiteDetail *self)
{
  self->statement_group = add_group (self, _("Statement at Registration"));
  self->routing_group = add_group (self, _("Routing"));
  self->terms_group = add_group (self, _("Agreed with Conauto"));

  self->balance_label = add_value_row (self->statement_group, _("Balance"), NULL);
  self->overdue_label = add_value_row (self->statement_group, _("Overdue"), NULL);
  self->installment_label = add_value_row (self->statement_group, _("Installment"), NULL);
  self->life_insurance_label = add_value_row (self->statement_group, _("Life Insurance"),
                                              _("Never part of the payoff amount"));
  self->as_of_row = add_text_row (self->statement_group, _("As Of"));

  self->area_row = add_text_row (self->routing_group, NULL);
  adw_action_row_set_icon_name (self->area_row, "call-start-symbolic");
  self->reason_row = add_text_row (self->routing_group, _("Why"));
  self->thresholds_row = add_text_row (self->routing_group, _("Thresholds Used"));

  self->amount_label = add_value_row (self->terms_group, _("Payoff Amount"), _("Without the life insurance"));
  self->date_label = add_value_row (self->terms_group, _("Payment Date"), NULL);
  self->notes_row = add_text_row (self->terms_group, _("Notes"));
}

static void
set_money (GtkLabel  *label,
           GestMoney  amount)
{
  g_autofree char *text = gest_money_format (amount);

  gtk_label_set_label (label, text);
}

static void
show_tramite (GestTramiteDetail *self)
{
  const GestTramite *t = self->tramite;
  g_auto(GestRoutingSettings) settings = { 0 };
  g_autofree char *customer = NULL;
  g_autofree char *step_title = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *agreed_date = NULL;
  g_autofree char *low_limit = NULL;
  g_autofree char *thresholds = NULL;

  gest_record_detail_set_title (self->record, t->folio);
  if (t->statement.vehicle != NULL && *t->statement.vehicle != '\0')
    /* Translators: customer, plan number and vehicle under a folio. */
    customer = g_strdup_printf (_("%s · Plan %s · %s"), t->statement.customer_name,
                                t->statement.plan_number, t->statement.vehicle);
  else
    customer = g_strdup_printf (_("%s · Plan %s"), t->statement.customer_name, t->statement.plan_number);
  gest_record_detail_set_subtitle (self->record, customer);

  /* Translators: "Step 3 of 8: Documents and payment". */
  step_title = g_strdup_printf (_("Step %d of %d: %s"), t->step, GEST_TRAMITE_N_STEPS,
                                gest_tramite_step_title (t->step));
  /* T7: the dealer does not make Conauto's steps; say what the folio waits for instead. */
  if (t->step < GEST_TRAMITE_N_STEPS && gest_tramite_step_is_conauto (t->step + 1))
    {
      g_autofree char *waiting =
        g_strdup_printf (_("%s Waiting for Conauto: “%s” arrives with Conauto’s update."),
                         gest_tramite_step_description (t->step),
                         gest_tramite_step_title (t->step + 1));

      if (t->has_payment && t->payment_amount != t->agreed_amount)
        {
          /* T5 (issue 12): the payment that departs from the agreed amount, as on the card. */
          g_autofree char *paid = gest_money_format (t->payment_amount);
          g_autofree char *difference = gest_tramite_rules_describe_difference (t->agreed_amount,
                                                                               t->payment_amount);
          char *with = g_strdup_printf (_("%s Paid %s: %s."), waiting, paid, difference);

          g_free (waiting);
          waiting = with;
        }
      gest_record_detail_set_status (self->record, step_title, waiting);
    }
  else if (t->has_payment && t->payment_amount != t->agreed_amount)
    {
      /* T5 (issue 12): the payment that departs from the agreed amount, as on the card. */
      g_autofree char *paid = gest_money_format (t->payment_amount);
      g_autofree char *difference = gest_tramite_rules_describe_difference (t->agreed_amount, t->payment_amount);
      g_autofree char *text = g_strdup_printf (_("%s Paid %s: %s."), gest_tramite_step_description (t->step),
                                               paid, difference);

      gest_record_detail_set_status (self->record, step_title, text);
    }
  else
    gest_record_detail_set_status (self->record, step_title, gest_tramite_step_description (t->step));
  gtk_widget_set_visible (GTK_WIDGET (self->move_button),
                          t->step < GEST_TRAMITE_N_STEPS && !gest_tramite_step_is_conauto (t->step + 1));
  /* Issue 12: back one step, with a reason, where the dealer may (not into Conauto's steps). */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          t->step > 1 && !gest_tramite_step_is_conauto (t->step - 1) &&
                          !gest_tramite_step_is_conauto (t->step));
  if (t->step < GEST_TRAMITE_N_STEPS)
    {
      /* Translators: the button that moves a trámite, e.g. "Move to Step 3: Documents and payment". */
      g_autofree char *label = g_strdup_printf (_("_Move to Step %d: %s"), t->step + 1,
                                                gest_tramite_step_title (t->step + 1));

      gtk_button_set_label (self->move_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->move_button), gest_tramite_step_title (t->step + 1));
    }

  set_money (self->balance_label, t->statement.balance);
  set_money (self->overdue_label, t->statement.overdue);
  set_money (self->installment_label, t->statement.installment);
  set_money (self->life_insurance_label, t->statement.life_insurance);
  as_of = g_date_valid (&t->statement.as_of) ? gest_date_format (&t->statement.as_of) : g_strdup (_("Unknown"));
  adw_action_row_set_subtitle (self->as_of_row, as_of);

  /* The area is what was decided at registration; its name and phones are today's settings. */
  gest_store_load_routing_settings (self->store, &settings);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->area_row), settings.areas[t->routing_area].name);
  adw_action_row_set_subtitle (self->area_row, settings.areas[t->routing_area].phones);
  /* The reason in the reader's language, replayed from the recorded statement and thresholds
   * (the text stored at registration is in the language of whoever registered it). */
  {
    GestRoutingDecision replay = { 0 };

    if (gest_tramite_replay_routing (t, &settings, &replay, NULL) && replay.area == t->routing_area)
      adw_action_row_set_subtitle (self->reason_row, replay.reason);
    else
      adw_action_row_set_subtitle (self->reason_row, t->routing_reason != NULL ? t->routing_reason : "");
    gest_routing_decision_clear (&replay);
  }
  low_limit = gest_money_format (t->routing_low_limit);
  /* Translators: the T2 thresholds recorded on a trámite. */
  thresholds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Customer service up to %s; extrajudicial from %u installment",
                                             "Customer service up to %s; extrajudicial from %u installments",
                                             t->routing_installments),
                                low_limit, t->routing_installments);
  adw_action_row_set_subtitle (self->thresholds_row, thresholds);

  set_money (self->amount_label, t->agreed_amount);
  agreed_date = gest_date_format (&t->agreed_date);
  gtk_label_set_label (self->date_label, agreed_date);
  adw_action_row_set_subtitle (self->notes_row,
                               t->notes != NULL && *t->notes != '\0' ? t->notes : _("No notes"));

  gest_tramite_checklist_view_set_tramite (self->checklist, t);
  gest_record_detail_show_record (self->record);
}

static void
move_clicked_cb (GestTramiteDetail *self)
{
  gest_tramite_detail_move_next (self);
}

static void
back_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  GestTramiteDetail *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "gest-reason");

  if (g_str_equal (response, "back"))
    gest_tramite_detail_move_back (self, gtk_editable_get_text (reason));
}

static void
back_reason_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "back", *text != '\0');
}

static void
back_clicked_cb (GestTramiteDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  int to;

  if (self->tramite == NULL || self->tramite->step <= 1)
    return;
  to = self->tramite->step - 1;
  /* Translators: "Move folio LIQ-2026-000123 back to step 2 (Registered)?" */
  heading = g_strdup_printf (_("Move folio %s back to step %d (%s)?"), self->tramite->folio, to,
                             gest_tramite_step_title (to));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("Write why. The reason is recorded in the folio’s log.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "back", _("Move _Back"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "back", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "back", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  g_signal_connect_object (entry, "changed", G_CALLBACK (back_reason_changed_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "gest-reason", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (back_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
send_clicked_cb (GestTramiteDetail *self)
{
  gest_tramite_detail_send_documents (self);
}

static void
show_message_cb (GestTramiteDetail *self,
                 const char        *message)
{
  toast (self, message);
}

static void
checklist_changed_cb (GestTramiteDetail *self)
{
  gest_tramite_detail_reload (self);
}

static void
gest_tramite_detail_constructed (GObject *object)
{
  GestTramiteDetail *self = (GestTramiteDetail *) object;

  G_OBJECT_CLASS (gest_tramite_detail_parent_class)->constructed (object);

  self->record = GEST_RECORD_DETAIL (gest_record_detail_new (self->context, self->tramite_uuid));
  gtk_widget_set_parent (GTK_WIDGET (self->record), GTK_WIDGET (self));
  self->document_list = gest_record_detail_get_document_list (self->record);
  self->timeline = gest_record_detail_get_timeline (self->record);

  gest_record_detail_set_status_heading (self->record, _("Current Step"));
  self->move_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->move_button, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->move_button), "suggested-action");
  g_signal_connect_swapped (self->move_button, "clicked", G_CALLBACK (move_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, GTK_WIDGET (self->move_button));
  self->back_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Move _Back…")));
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, GTK_WIDGET (self->back_button));

  build_rows (self);

  self->checklist = GEST_TRAMITE_CHECKLIST_VIEW (gest_tramite_checklist_view_new (self->context,
                                                                                  gest_document_list_get_model (self->document_list)));
  g_signal_connect_object (self->checklist, "show-message", G_CALLBACK (show_message_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checklist, "changed", G_CALLBACK (checklist_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gest_record_detail_add_section (self->record, GTK_WIDGET (self->checklist));

  self->send_button = gtk_button_new_with_mnemonic (_("_Send Documents to Conauto"));
  gtk_widget_set_halign (self->send_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->send_button,
                               _("Email every document of this trámite to Conauto’s documents address"));
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_clicked_cb), self);
  gest_record_detail_add_document_action (self->record, self->send_button);

  gest_tramite_detail_reload (self);
}

static void
gest_tramite_detail_dispose (GObject *object)
{
  GestTramiteDetail *self = (GestTramiteDetail *) object;

  g_clear_pointer ((GtkWidget **) &self->record, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_tramite_detail_parent_class)->dispose (object);
}

static void
gest_tramite_detail_finalize (GObject *object)
{
  GestTramiteDetail *self = (GestTramiteDetail *) object;

  g_clear_pointer (&self->tramite_uuid, g_free);
  g_clear_pointer (&self->tramite, gest_tramite_free);

  G_OBJECT_CLASS (gest_tramite_detail_parent_class)->finalize (object);
}

static void
gest_tramite_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GestTramiteDetail *self = GEST_TRAMITE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TRAMITE_UUID:
      g_value_set_string (value, self->tramite_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramite_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GestTramiteDetail *self = GEST_TRAMITE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    case PROP_TRAMITE_UUID:
      self->tramite_uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramite_detail_class_init (GestTramiteDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_tramite_detail_constructed;
  object_class->dispose = gest_tramite_detail_dispose;
  object_class->finalize = gest_tramite_detail_finalize;
  object_class->get_property = gest_tramite_detail_get_property;
  object_class->set_property = gest_tramite_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRAMITE_UUID] =
    g_param_spec_string ("tramite-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_tramite_detail_init (GestTramiteDetail *self)
{
}

GtkWidget *
gest_tramite_detail_new (GestContext *context,
                         const char  *tramite_uuid)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (tramite_uuid != NULL, NULL);

  return g_object_new (GEST_TYPE_TRAMITE_DETAIL,
                       "context", context,
                       "tramite-uuid", tramite_uuid,
                       NULL);
}

const char *
gest_tramite_detail_get_tramite_uuid (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), NULL);

  return self->tramite_uuid;
}

void
gest_tramite_detail_reload (GestTramiteDetail *self)
{
  g_autoptr(GError) error = NULL;
  GestTramite *tramite;

  g_return_if_fail (GEST_IS_TRAMITE_DETAIL (self));

  /* One row by uuid: cheap enough for the UI thread. The log loads on a worker. */
  tramite = gest_tramite_load_by_uuid (self->store, self->tramite_uuid, &error);
  g_clear_pointer (&self->tramite, gest_tramite_free);
  self->tramite = tramite;
  if (tramite == NULL)
    gest_record_detail_show_unavailable (self->record, _("Trámite Not Available"), error->message);
  else
    show_tramite (self);
  gest_timeline_reload (self->timeline);
}

int
gest_tramite_detail_get_step (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), 0);

  return self->tramite != NULL ? self->tramite->step : 0;
}

static void
show_move_error (GestTramiteDetail *self,
                 const char        *message)
{
  gest_record_detail_show_status_error (self->record, message);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestTramiteDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int to = self->moving_to;

  self->moving_to = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), TRUE);
  if (!gest_tramite_save_finish (GEST_STORE (object), result, &error))
    {
      /* The model's message says exactly what is missing or who makes the move. */
      show_move_error (self, error->message);
      return;
    }
  show_move_error (self, NULL);
  /* Translators: a toast after a move, "Moved to step 3 (Documents and payment)". */
  message = g_strdup_printf (_("Moved to step %d (%s)"), to, gest_tramite_step_title (to));
  toast (self, message);
  gest_tramite_detail_reload (self);
}

gboolean
gest_tramite_detail_move_next (GestTramiteDetail *self)
{
  g_autoptr(GError) error = NULL;
  int to;

  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), FALSE);

  if (self->tramite == NULL || self->tramite->step >= GEST_TRAMITE_N_STEPS || self->moving_to != 0)
    return FALSE;

  to = self->tramite->step + 1;
  if (!gest_tramite_can_move (self->store, self->tramite_uuid, to, GEST_TRAMITE_ACTOR_DEALER, &error))
    {
      show_move_error (self, error->message);
      return FALSE;
    }

  /* The page stays until the save reports; the button waits for it. */
  self->moving_to = to;
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), FALSE);
  gest_tramite_move_async (self->store, self->tramite_uuid, to, NULL, NULL, moved_cb,
                           g_object_ref (self));
  return TRUE;
}

gboolean
gest_tramite_detail_move_back (GestTramiteDetail *self,
                               const char        *reason)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), FALSE);

  if (self->tramite == NULL || self->tramite->step <= 1 || self->moving_to != 0)
    return FALSE;
  /* The rules, the permission and the reason are checked by the model inside the save; its
   * refusal shows in the status, in the one error style. */
  self->moving_to = self->tramite->step - 1;
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), FALSE);
  gest_tramite_move_async (self->store, self->tramite_uuid, self->moving_to, reason, NULL, moved_cb,
                           g_object_ref (self));
  return TRUE;
}

const char *
gest_tramite_detail_get_move_error (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), NULL);

  return gest_record_detail_get_status_error (self->record);
}

static void
documents_queued_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GestTramiteDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = self->sending;

  self->sending = 0;
  gtk_widget_set_sensitive (self->send_button, TRUE);
  if (!gest_mail_queue_tramite_documents_finish (GEST_STORE (object), result, &error))
    {
      gest_document_list_show_error (self->document_list, NULL, error->message);
      return;
    }
  gest_document_list_show_error (self->document_list, NULL, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Email with %u document queued for Conauto",
                                          "Email with %u documents queued for Conauto",
                                          n),
                             n);
  toast (self, message);
  /* The window's mail service sends it now rather than at its next round. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.kick-mail", NULL);
  gest_timeline_reload (self->timeline);
}

gboolean
gest_tramite_detail_send_documents (GestTramiteDetail *self)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  GListModel *model;

  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), FALSE);

  if (self->sending > 0)
    return FALSE;
  model = gest_document_list_get_model (self->document_list);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GestDocument) document = g_list_model_get_item (model, i);

      g_ptr_array_add (uuids, g_strdup (gest_document_get_uuid (document)));
    }
  if (uuids->len == 0)
    {
      /* Under the button, whole: a toast would cut it. */
      gest_document_list_show_error (self->document_list, NULL,
                                     _("This trámite has no documents yet. Attach the documents Conauto asked for, then send them."));
      return FALSE;
    }

  self->sending = uuids->len;
  gtk_widget_set_sensitive (self->send_button, FALSE);
  gest_mail_queue_tramite_documents_async (self->store, self->tramite_uuid, uuids, NULL,
                                           documents_queued_cb, g_object_ref (self));
  return TRUE;
}

GtkWidget *
gest_tramite_detail_get_document_list (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), NULL);

  return GTK_WIDGET (self->document_list);
}

GtkWidget *
gest_tramite_detail_get_preview (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), NULL);

  return GTK_WIDGET (gest_record_detail_get_preview (self->record));
}

GtkWidget *
gest_tramite_detail_get_timeline (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), NULL);

  return GTK_WIDGET (self->timeline);
}

GtkWidget *
gest_tramite_detail_get_checklist (GestTramiteDetail *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_DETAIL (self), NULL);

  return GTK_WIDGET (self->checklist);
}

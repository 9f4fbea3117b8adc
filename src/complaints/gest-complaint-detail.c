/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-complaint-detail-private.h"
#include "gest-date.h"

G_DEFINE_FINAL_TYPE (GestComplaintDetail, gest_complaint_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_COMPLAINT_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const part_names[GEST_COMPLAINT_N_PARTS] = {
  "status", "sla", "assignment", "tasks", "log", "solution", "closure",
};

/* What the analyst does at each stage, in the status row. */
static const char *
stage_description (GestComplaintStage stage)
{
  switch (stage)
    {
    case GEST_COMPLAINT_RECEIVED:
      return _("Registered. Assign it: choose the responsible, review the customer’s account and the status of their documents.");
    case GEST_COMPLAINT_ASSIGNED:
      return _("Assigned. Send the customer the “in process” message, then follow the case up every day.");
    case GEST_COMPLAINT_MONITORING:
      return _("Follow-up. Log a call, a follow-up with an involved area or a progress note every day.");
    case GEST_COMPLAINT_NEGOTIATION:
      return _("Negotiation. Propose the solution, get the approval of the head of customer service, then send the answer letter.");
    case GEST_COMPLAINT_ANSWERED:
      return _("Answer sent. Confirm the customer received it, record the call in which they accept the solution, then close the case.");
    case GEST_COMPLAINT_ANNULMENT:
      return _("Ends in an annulment. The case closes when its annulment is filed.");
    case GEST_COMPLAINT_CLOSED:
      return _("Closed with its cause, error and responsible area. It can be reopened with a reason.");
    case GEST_N_COMPLAINT_STAGES:
    default:
      return "";
    }
}

static void
show_complaint (GestComplaintDetail *self)
{
  const GestComplaint *c = self->complaint;
  g_autofree char *subtitle = NULL;
  g_autofree char *days = NULL;
  gint64 now = g_get_real_time ();
  gint64 end = c->closed_at != 0 && c->stage == GEST_COMPLAINT_CLOSED ? c->closed_at : now;
  int n_days = (int) MAX (0, (end - c->created_at) / G_TIME_SPAN_DAY);
  const char *next_label = NULL;

  gest_record_detail_set_title (self->record, c->folio);
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day open", "%d days open", n_days), n_days);
  /* Translators: under a case's folio: customer, type, how it arrived, days open. */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"), c->customer_name,
                              gest_complaint_kind_label (c->kind),
                              gest_complaint_channel_label (c->channel), days);
  gest_record_detail_set_subtitle (self->record, subtitle);
  gest_record_detail_set_status (self->record, gest_complaint_stage_label (c->stage),
                                 stage_description (c->stage));

  switch (c->stage)
    {
    case GEST_COMPLAINT_RECEIVED:
      next_label = _("_Assign…");
      break;
    case GEST_COMPLAINT_ASSIGNED:
      next_label = _("_Move to Follow-up");
      break;
    case GEST_COMPLAINT_MONITORING:
      next_label = _("Move to _Negotiation");
      break;
    case GEST_COMPLAINT_NEGOTIATION:
      next_label = _("_Answer Letter…");
      break;
    case GEST_COMPLAINT_ANSWERED:
      next_label = _("C_lose Case…");
      break;
    case GEST_COMPLAINT_CLOSED:
      next_label = _("_Reopen…");
      break;
    case GEST_COMPLAINT_ANNULMENT:
    case GEST_N_COMPLAINT_STAGES:
    default:
      break;
    }
  gtk_widget_set_visible (self->next_button, next_label != NULL);
  if (next_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->next_button), next_label);
  gtk_widget_set_visible (self->back_button,
                          c->stage > GEST_COMPLAINT_ASSIGNED && c->stage <= GEST_COMPLAINT_ANSWERED);

  gest_complaint_detail_fill_groups (self);
  gest_record_detail_show_record (self->record);
}

static void
next_clicked_cb (GestComplaintDetail *self)
{
  if (self->complaint == NULL)
    return;
  switch (self->complaint->stage)
    {
    case GEST_COMPLAINT_RECEIVED:
      gest_complaint_detail_assign_clicked (self);
      break;
    case GEST_COMPLAINT_ASSIGNED:
    case GEST_COMPLAINT_MONITORING:
      gest_complaint_detail_move_next (self);
      break;
    case GEST_COMPLAINT_NEGOTIATION:
      gest_complaint_detail_letter_clicked (self);
      break;
    case GEST_COMPLAINT_ANSWERED:
      gest_complaint_detail_close_clicked (self);
      break;
    case GEST_COMPLAINT_CLOSED:
      gest_complaint_detail_reopen_clicked (self);
      break;
    case GEST_COMPLAINT_ANNULMENT:
    case GEST_N_COMPLAINT_STAGES:
    default:
      break;
    }
}

static void
gest_complaint_detail_constructed (GObject *object)
{
  GestComplaintDetail *self = GEST_COMPLAINT_DETAIL (object);

  G_OBJECT_CLASS (gest_complaint_detail_parent_class)->constructed (object);

  self->record = GEST_RECORD_DETAIL (gest_record_detail_new (self->context, self->complaint_uuid));
  gtk_widget_set_parent (GTK_WIDGET (self->record), GTK_WIDGET (self));
  gest_record_detail_set_status_heading (self->record, _("Stage"));
  /* Q7: an entry of the case's log goes through the case (its last entry moves, the board's
   * "no entry today" clears): the "Log an Entry" group, not the timeline's own composer. */
  gest_timeline_set_composer_visible (gest_record_detail_get_timeline (self->record), FALSE);

  self->next_button = gtk_button_new ();
  gtk_button_set_use_underline (GTK_BUTTON (self->next_button), TRUE);
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, self->next_button);
  self->back_button = gtk_button_new_with_mnemonic (_("Move _Back…"));
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (gest_complaint_detail_back_clicked), self);
  gest_record_detail_add_status_action (self->record, self->back_button);

  gest_complaint_detail_build_groups (self);
  gest_complaint_detail_reload (self);
}

static void
gest_complaint_detail_dispose (GObject *object)
{
  GestComplaintDetail *self = GEST_COMPLAINT_DETAIL (object);

  g_clear_pointer ((GtkWidget **) &self->record, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_complaint_detail_parent_class)->dispose (object);
}

static void
gest_complaint_detail_finalize (GObject *object)
{
  GestComplaintDetail *self = GEST_COMPLAINT_DETAIL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_texts, g_hash_table_unref);
  g_clear_pointer (&self->complaint_uuid, g_free);
  g_clear_pointer (&self->complaint, gest_complaint_free);

  G_OBJECT_CLASS (gest_complaint_detail_parent_class)->finalize (object);
}

static void
gest_complaint_detail_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GestComplaintDetail *self = GEST_COMPLAINT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COMPLAINT_UUID:
      g_value_set_string (value, self->complaint_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_complaint_detail_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GestComplaintDetail *self = GEST_COMPLAINT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    case PROP_COMPLAINT_UUID:
      self->complaint_uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_complaint_detail_class_init (GestComplaintDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_complaint_detail_constructed;
  object_class->dispose = gest_complaint_detail_dispose;
  object_class->finalize = gest_complaint_detail_finalize;
  object_class->get_property = gest_complaint_detail_get_property;
  object_class->set_property = gest_complaint_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLAINT_UUID] =
    g_param_spec_string ("complaint-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_complaint_detail_init (GestComplaintDetail *self)
{
  self->rows = g_ptr_array_new ();
  self->row_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
gest_complaint_detail_new (GestContext *context,
                           const char  *complaint_uuid)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (complaint_uuid != NULL, NULL);

  return g_object_new (GEST_TYPE_COMPLAINT_DETAIL,
                       "context", context,
                       "complaint-uuid", complaint_uuid,
                       NULL);
}

const char *
gest_complaint_detail_get_uuid (GestComplaintDetail *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), NULL);

  return self->complaint_uuid;
}

void
gest_complaint_detail_reload (GestComplaintDetail *self)
{
  g_autoptr(GError) error = NULL;
  GestComplaint *complaint;

  g_return_if_fail (GEST_IS_COMPLAINT_DETAIL (self));

  /* One row by key and a few small lists: cheap enough for the UI thread. */
  complaint = gest_complaint_load (self->store, self->complaint_uuid, &error);
  g_clear_pointer (&self->complaint, gest_complaint_free);
  self->complaint = complaint;
  if (complaint == NULL)
    gest_record_detail_show_unavailable (self->record, _("Case Not Available"), error->message);
  else
    show_complaint (self);
  gest_timeline_reload (gest_record_detail_get_timeline (self->record));
}

int
gest_complaint_detail_get_stage (GestComplaintDetail *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), -1);

  return self->complaint != NULL ? (int) self->complaint->stage : -1;
}

const char *
gest_complaint_detail_get_error (GestComplaintDetail *self,
                                 const char          *part)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), NULL);

  if (g_strcmp0 (part, "status") == 0)
    return gest_record_detail_get_status_error (self->record);
  for (guint i = 1; i < GEST_COMPLAINT_N_PARTS; i++)
    {
      if (g_strcmp0 (part, part_names[i]) == 0 && self->error_labels[i] != NULL &&
          gtk_widget_get_visible (GTK_WIDGET (self->error_labels[i])))
        return gtk_label_get_text (self->error_labels[i]);
    }
  return NULL;
}

const char *
gest_complaint_detail_get_row_text (GestComplaintDetail *self,
                                    const char          *title)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), NULL);

  return g_hash_table_lookup (self->row_texts, title);
}

void
gest_complaint_detail_show_error (GestComplaintDetail *self,
                                  GestComplaintPart    part,
                                  const char          *message)
{
  if (part == GEST_COMPLAINT_PART_STATUS || self->error_labels[part] == NULL)
    gest_record_detail_show_status_error (self->record, message);
  else
    {
      gtk_label_set_text (self->error_labels[part], message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_labels[part]), message != NULL);
    }
}

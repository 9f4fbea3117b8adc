/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-vehicle-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-campaign-vehicle-detail.h"
#include "gest-campaign-views.h"
#include "gest-date.h"
#include "gest-record-detail.h"

struct _GestCampaignVehicleDetail
{
  GtkWidget                parent_instance;

  GestRecordDetail        *record;        /* the only child */
  GtkWidget               *next_button;
  GtkWidget               *close_button;
  AdwPreferencesGroup     *vehicle_group;
  AdwPreferencesGroup     *owner_group;
  AdwPreferencesGroup     *list_group;
  AdwPreferencesGroup     *campaign_group;
  AdwPreferencesGroup     *calls_group;
  GPtrArray               *rows;          /* (group, row) pairs */
  GHashTable              *row_texts;

  GestContext             *context;
  GestStore               *store;         /* the context's */
  char                    *uuid;
  char                    *title;
  GestCampaignVehicleView *view;
  gboolean                 saving;
};

G_DEFINE_FINAL_TYPE (GestCampaignVehicleDetail, gest_campaign_vehicle_detail, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                 *uuid;
  gboolean              close;
  GestCampaignStage     stage;
  GestCampaignCloseout  closeout;
  char                 *note;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->uuid);
  g_free (save->note);
  g_free (save);
}

/* What the coordinator does in each column. */
static const char *
stage_description (GestCampaignStage stage)
{
  switch (stage)
    {
    case GEST_CAMPAIGN_PARTS_PENDING:
      return _("Waiting for its parts: the customer is not called until the parts area receives them.");
    case GEST_CAMPAIGN_TO_CONTACT:
      return _("Ready to call: the vehicle is in the coordinator’s queue of the day.");
    case GEST_CAMPAIGN_CONTACTED:
      return _("The customer knows about the campaign. Book the repair.");
    case GEST_CAMPAIGN_BOOKED:
      return _("The repair is booked. Mark it repaired when the workshop finishes it.");
    case GEST_CAMPAIGN_CLOSED:
    case GEST_N_CAMPAIGN_STAGES:
    default:
      return _("Closed out: it no longer appears in the queue.");
    }
}

static AdwPreferencesGroup *
add_group (GestCampaignVehicleDetail *self,
           const char                *title,
           const char                *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gest_record_detail_add_group (self->record, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
add_row (GestCampaignVehicleDetail *self,
         AdwPreferencesGroup       *group,
         const char                *title,
         const char                *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL && *text != '\0' ? text : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  g_hash_table_replace (self->row_texts, g_strdup (title), g_strdup (text != NULL ? text : ""));
  return ADW_ACTION_ROW (row);
}

/* A row of contact data only this recall may use. */
static void
add_recall_only_row (GestCampaignVehicleDetail *self,
                     AdwPreferencesGroup       *group,
                     const char                *title,
                     const char                *text)
{
  AdwActionRow *row = add_row (self, group, title, text);
  GtkWidget *tag = gtk_label_new (_("Only for this recall"));

  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_add_css_class (tag, "warning");
  adw_action_row_add_suffix (row, tag);
}

static void
clear_rows (GestCampaignVehicleDetail *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_texts);
}

static GtkWindow *
parent_window (GestCampaignVehicleDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
save_func (GestStore  *store,
           gpointer    data,
           GError    **error)
{
  SaveData *save = data;

  if (save->close)
    return gest_campaign_vehicle_close (store, save->uuid, save->closeout, save->note, error);
  return gest_campaign_vehicle_move (store, save->uuid, save->stage, NULL, error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GestCampaignVehicleDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (self->record == NULL)
    return;
  gtk_widget_set_sensitive (self->next_button, TRUE);
  gtk_widget_set_sensitive (self->close_button, TRUE);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      gest_record_detail_show_status_error (self->record, error->message);
      return;
    }
  gest_record_detail_show_status_error (self->record, NULL);
  gest_campaign_vehicle_detail_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
start_save (GestCampaignVehicleDetail *self,
            SaveData                  *save)
{
  if (self->saving)
    {
      save_data_free (save);
      return FALSE;
    }
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->next_button, FALSE);
  gtk_widget_set_sensitive (self->close_button, FALSE);
  save->uuid = g_strdup (self->uuid);
  gest_store_write_async (self->store, save_func, save, save_data_free, NULL, saved_cb, g_object_ref (self));
  return TRUE;
}

static void
next_clicked_cb (GestCampaignVehicleDetail *self)
{
  if (self->view == NULL)
    return;
  if (self->view->stage == GEST_CAMPAIGN_BOOKED)
    gest_campaign_vehicle_detail_close (self, GEST_CAMPAIGN_CLOSEOUT_DONE_HERE, NULL);
  else if (self->view->stage < GEST_CAMPAIGN_BOOKED)
    gest_campaign_vehicle_detail_move (self, self->view->stage + 1);
}

static void
close_response_cb (AdwMessageDialog          *dialog,
                   const char                *response,
                   GestCampaignVehicleDetail *self)
{
  GtkDropDown *reasons = g_object_get_data (G_OBJECT (dialog), "gest-reasons");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "gest-note");

  if (g_strcmp0 (response, "close") == 0)
    gest_campaign_vehicle_detail_close (self, gtk_drop_down_get_selected (reasons), gtk_editable_get_text (note));
}

static void
close_clicked_cb (GestCampaignVehicleDetail *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *reasons;
  GtkWidget *note = gtk_entry_new ();

  for (guint i = 0; i < GEST_N_CAMPAIGN_CLOSEOUTS; i++)
    gtk_string_list_append (labels, gest_campaign_closeout_label (i));
  reasons = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note: required when not applicable or unlocatable"));
  gtk_box_append (GTK_BOX (box), reasons);
  gtk_box_append (GTK_BOX (box), note);
  dialog = adw_message_dialog_new (parent_window (self), _("Close Out the Vehicle?"),
                                   _("Choose why the vehicle leaves the campaign’s board. It will no longer be called."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "gest-reasons", reasons);
  g_object_set_data (G_OBJECT (dialog), "gest-note", note);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The calls of the retention queue about this vehicle, and the letter after five failed
 * attempts: the entries of its activity log the queue's outcome leaves (newest first). */
static void
fill_calls (GestCampaignVehicleDetail *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = gest_activity_log_list (self->store, self->uuid, &error);
  for (guint i = entries != NULL ? entries->len : 0; i > 0; i--)
    {
      GestActivityEntry *entry = g_ptr_array_index (entries, i - 1);
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;

      if (entry->kind != GEST_ACTIVITY_CALL && entry->kind != GEST_ACTIVITY_LETTER)
        continue;
      when = gest_timestamp_format (entry->at);
      /* Translators: a call or letter of the queue: its kind, when and by whom. */
      title = g_strdup_printf (_("%s · %s · %s"), gest_activity_kind_label (entry->kind), when, entry->user_name);
      add_row (self, self->calls_group, title, entry->text);
      n++;
    }
  if (n == 0)
    {
      /* Translators: %s is the board's column "Por contactar". */
      g_autofree char *text = g_strdup_printf (_("None yet. The vehicle enters the coordinator’s daily queue once it is in “%s”."),
                                               gest_campaign_stage_label (GEST_CAMPAIGN_TO_CONTACT));

      add_row (self, self->calls_group, _("No calls yet"), error != NULL ? error->message : text);
    }
}

static void
show_view (GestCampaignVehicleDetail *self)
{
  const GestCampaignVehicleView *v = self->view;
  g_autofree char *subtitle = NULL;
  g_autofree char *model = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *since = gest_timestamp_format (v->stage_since);
  g_autofree char *status = NULL;
  g_autofree char *next_label = NULL;
  GestCampaignCloseout closeout;

  clear_rows (self);
  gest_record_detail_set_title (self->record, v->vin);
  model = v->year > 0 ? g_strdup_printf ("%s %d", v->model, v->year) : g_strdup (v->model);
  /* Translators: under a VIN: model and year, then the owner. */
  subtitle = g_strdup_printf (_("%s · %s"), model,
                              v->customer_name != NULL && *v->customer_name != '\0' ? v->customer_name : v->list_owner);
  gest_record_detail_set_subtitle (self->record, subtitle);

  if (v->stage == GEST_CAMPAIGN_CLOSED && v->closeout != NULL && gest_campaign_closeout_from_id (v->closeout, &closeout))
    status = g_strdup (gest_campaign_closeout_label (closeout));
  else
    status = g_strdup (gest_campaign_stage_label (v->stage));
  gest_record_detail_set_status (self->record, status, stage_description (v->stage));
  switch (v->stage)
    {
    case GEST_CAMPAIGN_PARTS_PENDING:
    case GEST_CAMPAIGN_TO_CONTACT:
    case GEST_CAMPAIGN_CONTACTED:
      /* Translators: the move to the next column, "_Move to “Por contactar”". */
      next_label = g_strdup_printf (_("_Move to “%s”"), gest_campaign_stage_label (v->stage + 1));
      break;
    case GEST_CAMPAIGN_BOOKED:
      next_label = g_strdup (_("Mark _Repaired"));
      break;
    case GEST_CAMPAIGN_CLOSED:
    case GEST_N_CAMPAIGN_STAGES:
    default:
      break;
    }
  gtk_widget_set_visible (self->next_button, next_label != NULL);
  if (next_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->next_button), next_label);
  gtk_widget_set_visible (self->close_button, v->stage != GEST_CAMPAIGN_CLOSED);

  add_row (self, self->vehicle_group, _("VIN"), v->vin);
  add_row (self, self->vehicle_group, _("Model"), model);
  add_row (self, self->vehicle_group, _("Plate"), v->plate);

  if (v->customer_uuid == NULL)
    add_row (self, self->owner_group, _("No owner on record"),
             _("The vehicle has no customer: call the contact of Ford’s list below."));
  else if (v->recall_only)
    {
      add_recall_only_row (self, self->owner_group, _("Name"), v->customer_name);
      add_recall_only_row (self, self->owner_group, _("Phone"), v->customer_phone);
      add_recall_only_row (self, self->owner_group, _("Email"), v->customer_email);
    }
  else
    {
      add_row (self, self->owner_group, _("Name"), v->customer_name);
      add_row (self, self->owner_group, _("Phone"), v->customer_phone);
      add_row (self, self->owner_group, _("Email"), v->customer_email);
    }
  adw_preferences_group_set_description (self->owner_group,
                                         v->recall_only
                                         ? _("The owner’s data came only with Ford’s VIN list: use it for this recall only, "
                                             "never for maintenance calls or promotions, until the customer confirms it.")
                                         : _("The customer as the dealer knows them"));

  add_recall_only_row (self, self->list_group, _("Owner on the List"), v->list_owner);
  add_recall_only_row (self, self->list_group, _("Phone on the List"), v->list_phone);
  add_recall_only_row (self, self->list_group, _("Email on the List"), v->list_email);
  add_recall_only_row (self, self->list_group, _("Address on the List"), v->list_address);

  /* Translators: the campaign of an affected vehicle: code and kind. */
  campaign = g_strdup_printf (_("%s · %s"), v->campaign_code, gest_campaign_kind_label (v->campaign_kind));
  add_row (self, self->campaign_group, _("Campaign"), campaign);
  add_row (self, self->campaign_group, _("Work"), v->campaign_description);
  add_row (self, self->campaign_group, _("In This Column Since"), since);
  fill_calls (self);
  gest_record_detail_show_record (self->record);
}

static void
gest_campaign_vehicle_detail_dispose (GObject *object)
{
  GestCampaignVehicleDetail *self = GEST_CAMPAIGN_VEHICLE_DETAIL (object);

  g_clear_pointer ((GtkWidget **) &self->record, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaign_vehicle_detail_parent_class)->dispose (object);
}

static void
gest_campaign_vehicle_detail_finalize (GObject *object)
{
  GestCampaignVehicleDetail *self = GEST_CAMPAIGN_VEHICLE_DETAIL (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->row_texts);
  g_clear_pointer (&self->view, gest_campaign_vehicle_view_free);
  g_free (self->uuid);
  g_free (self->title);

  G_OBJECT_CLASS (gest_campaign_vehicle_detail_parent_class)->finalize (object);
}

static void
gest_campaign_vehicle_detail_class_init (GestCampaignVehicleDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_campaign_vehicle_detail_dispose;
  object_class->finalize = gest_campaign_vehicle_detail_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_campaign_vehicle_detail_init (GestCampaignVehicleDetail *self)
{
  self->rows = g_ptr_array_new ();
  self->row_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
gest_campaign_vehicle_detail_new (GestContext *context,
                                  const char  *campaign_vehicle_uuid)
{
  GestCampaignVehicleDetail *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (campaign_vehicle_uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_CAMPAIGN_VEHICLE_DETAIL, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->uuid = g_strdup (campaign_vehicle_uuid);
  self->record = GEST_RECORD_DETAIL (gest_record_detail_new (context, campaign_vehicle_uuid));
  gtk_widget_set_parent (GTK_WIDGET (self->record), GTK_WIDGET (self));
  gest_record_detail_set_status_heading (self->record, _("Column"));

  self->next_button = gtk_button_new ();
  gtk_button_set_use_underline (GTK_BUTTON (self->next_button), TRUE);
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, self->next_button);
  self->close_button = gtk_button_new_with_mnemonic (_("Close _Out…"));
  gtk_widget_set_tooltip_text (self->close_button, _("Repaired here or at another dealer, not applicable, or unlocatable"));
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (close_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, self->close_button);

  self->vehicle_group = add_group (self, _("Vehicle"), NULL);
  self->owner_group = add_group (self, _("Owner"), NULL);
  self->list_group = add_group (self, _("Contact on Ford’s List"),
                                _("Only for this recall: the data-use rule forbids it for maintenance calls and promotions"));
  self->campaign_group = add_group (self, _("Campaign"), NULL);
  self->calls_group = add_group (self, _("Calls from the Queue"),
                                 _("What the coordinator’s calls ended in; every entry is in the activity below"));

  gest_campaign_vehicle_detail_reload (self);
  return GTK_WIDGET (self);
}

void
gest_campaign_vehicle_detail_reload (GestCampaignVehicleDetail *self)
{
  g_autoptr(GError) error = NULL;
  GestCampaignVehicleView *view;

  g_return_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self));

  view = gest_campaign_vehicle_view_load (self->store, self->uuid, &error);
  g_clear_pointer (&self->view, gest_campaign_vehicle_view_free);
  self->view = view;
  g_free (self->title);
  self->title = g_strdup (view != NULL ? view->vin : _("Vehicle Not Available"));
  if (view == NULL)
    gest_record_detail_show_unavailable (self->record, _("Vehicle Not Available"), error->message);
  else
    show_view (self);
  gest_timeline_reload (gest_record_detail_get_timeline (self->record));
}

const char *
gest_campaign_vehicle_detail_get_title (GestCampaignVehicleDetail *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self), NULL);

  return self->title;
}

int
gest_campaign_vehicle_detail_get_stage (GestCampaignVehicleDetail *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self), -1);

  return self->view != NULL ? (int) self->view->stage : -1;
}

gboolean
gest_campaign_vehicle_detail_move (GestCampaignVehicleDetail *self,
                                   GestCampaignStage          stage)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self), FALSE);

  save = g_new0 (SaveData, 1);
  save->stage = stage;
  return start_save (self, save);
}

gboolean
gest_campaign_vehicle_detail_close (GestCampaignVehicleDetail *self,
                                    GestCampaignCloseout       closeout,
                                    const char                *note)
{
  SaveData *save;

  g_return_val_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self), FALSE);
  g_return_val_if_fail (closeout < GEST_N_CAMPAIGN_CLOSEOUTS, FALSE);

  save = g_new0 (SaveData, 1);
  save->close = TRUE;
  save->closeout = closeout;
  save->note = note != NULL && *note != '\0' ? g_strstrip (g_strdup (note)) : NULL;
  return start_save (self, save);
}

const char *
gest_campaign_vehicle_detail_get_row_text (GestCampaignVehicleDetail *self,
                                           const char                *title)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self), NULL);

  return g_hash_table_lookup (self->row_texts, title);
}

const char *
gest_campaign_vehicle_detail_get_error (GestCampaignVehicleDetail *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_VEHICLE_DETAIL (self), NULL);

  return gest_record_detail_get_status_error (self->record);
}

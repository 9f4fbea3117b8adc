/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-campaign-detail.h"
#include "gest-campaign-dialog.h"
#include "gest-campaign-part-dialog.h"
#include "gest-campaign-views.h"
#include "gest-date.h"
#include "gest-record-detail.h"

struct _GestCampaignDetail
{
  GtkWidget            parent_instance;

  GestRecordDetail    *record;        /* the only child */
  GtkWidget           *review_button;
  GtkWidget           *edit_button;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *vehicles_group;
  AdwPreferencesGroup *parts_group;
  AdwPreferencesGroup *reviews_group;
  GPtrArray           *rows;          /* (group, row) pairs to remove on reload */
  GHashTable          *row_texts;     /* title → subtitle */

  GestContext         *context;
  GestStore           *store;         /* the context's */
  char                *campaign_uuid;
  GestCampaign        *campaign;
  GPtrArray           *parts;         /* GestCampaignPart, by part number */
  gboolean             reviewing;
};

G_DEFINE_FINAL_TYPE (GestCampaignDetail, gest_campaign_detail, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *campaign_uuid;
  char   *note;
  gint64  now;
} ReviewData;

static void
review_data_free (gpointer data)
{
  ReviewData *review = data;

  g_free (review->campaign_uuid);
  g_free (review->note);
  g_free (review);
}

static AdwPreferencesGroup *
add_group (GestCampaignDetail *self,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gest_record_detail_add_group (self->record, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
add_row (GestCampaignDetail  *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL && *text != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  g_hash_table_replace (self->row_texts, g_strdup (title), g_strdup (text != NULL ? text : ""));
  return ADW_ACTION_ROW (row);
}

/* A figure: the number at the end of the row, where the eye compares them. */
static void
add_count_row (GestCampaignDetail  *self,
               AdwPreferencesGroup *group,
               const char          *title,
               guint                n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  g_hash_table_replace (self->row_texts, g_strdup (title), g_steal_pointer (&text));
}

static void
clear_rows (GestCampaignDetail *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_texts);
}

static char *
day_text (const char *iso)
{
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return g_strdup ("");
  return gest_date_format (&date);
}

/* "300 affected · 100 Refacciones pendientes · …" */
static char *
stage_counts (guint        n_affected,
              const guint *counts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: how many vehicles a campaign affects. */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u affected", "%u affected", n_affected), n_affected);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    /* Translators: a count and a board column, "50 Por contactar". */
    g_string_append_printf (text, _(" · %u %s"), counts[i], gest_campaign_stage_label (i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
changed (GestCampaignDetail *self)
{
  gest_campaign_detail_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
part_saved_cb (GestCampaignDetail *self)
{
  gest_record_detail_add_toast (self->record, _("Part saved"));
  changed (self);
}

static GtkWindow *
parent_window (GestCampaignDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_part_clicked_cb (GtkButton          *button,
                        GestCampaignDetail *self)
{
  const GestCampaignPart *part = g_object_get_data (G_OBJECT (button), "gest-part");
  GestCampaignPartDialog *dialog;

  if (part == NULL)
    return;
  dialog = gest_campaign_part_dialog_new (parent_window (self), self->context, self->campaign_uuid, part);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (part_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_part_clicked_cb (GestCampaignDetail *self)
{
  GestCampaignPartDialog *dialog = gest_campaign_part_dialog_new (parent_window (self), self->context,
                                                                  self->campaign_uuid, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (part_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
campaign_saved_cb (GestCampaignDetail *self)
{
  gest_record_detail_add_toast (self->record, _("Campaign saved"));
  changed (self);
}

static void
edit_clicked_cb (GestCampaignDetail *self)
{
  GestCampaignDialog *dialog = gest_campaign_dialog_new (parent_window (self), self->context, self->campaign_uuid);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (campaign_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    GestCampaignDetail *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "gest-note");

  if (g_strcmp0 (response, "review") == 0)
    gest_campaign_detail_review (self, gtk_editable_get_text (entry));
}

static void
review_clicked_cb (GestCampaignDetail *self)
{
  g_autofree char *week = gest_campaign_view_week_of (g_get_real_time ());
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: %s is an ISO week, 2026-W49. */
  body = g_strdup_printf (_("The vehicles and parts of this moment are stamped as reviewed for week %s. "
                            "Add a note for the record if something needs attention."), week);
  dialog = adw_message_dialog_new (parent_window (self), _("Mark the Campaign Reviewed?"), body);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "gest-note", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "review", _("_Mark Reviewed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
review_func (GestStore  *store,
             gpointer    data,
             GError    **error)
{
  ReviewData *review = data;

  return gest_campaign_review (store, review->campaign_uuid, review->now, review->note, error);
}

static void
reviewed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GestCampaignDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  self->reviewing = FALSE;
  if (self->record == NULL)
    return;
  gtk_widget_set_sensitive (self->review_button, TRUE);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      gest_record_detail_show_status_error (self->record, error->message);
      return;
    }
  gest_record_detail_show_status_error (self->record, NULL);
  gest_record_detail_add_toast (self->record, _("Campaign reviewed this week"));
  changed (self);
}

static void
fill_fields (GestCampaignDetail *self)
{
  const GestCampaign *c = self->campaign;

  add_row (self, self->fields_group, _("Kind"), gest_campaign_kind_label (c->kind));
  add_row (self, self->fields_group, _("Description"), c->description);
  if (c->labour_notes != NULL && *c->labour_notes != '\0')
    add_row (self, self->fields_group, _("Labour Notes"), c->labour_notes);
  if (c->parts_notes != NULL && *c->parts_notes != '\0')
    add_row (self, self->fields_group, _("Parts Notes"), c->parts_notes);
  if (gest_campaign_kind_has_dates (c->kind))
    {
      g_autofree char *starts = day_text (c->starts_on);
      g_autofree char *ends = day_text (c->ends_on);
      /* Translators: a campaign's validity, "01/12/2026 to 31/05/2027". */
      g_autofree char *dates = g_strdup_printf (_("%s to %s"), starts, ends);

      add_row (self, self->fields_group, _("Valid"), dates);
    }
  add_row (self, self->fields_group, _("Parts"),
           c->needs_parts ? _("Needed: a vehicle is called once its parts are received")
                          : _("None needed: every vehicle can be called"));
}

static void
fill_vehicles (GestCampaignDetail *self)
{
  const GestCampaign *c = self->campaign;
  g_autoptr(GError) error = NULL;
  g_autofree char *covered_text = NULL;
  guint total = 0;

  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    total += c->counts[i];
  add_count_row (self, self->vehicles_group, _("Affected"), total);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    add_count_row (self, self->vehicles_group, gest_campaign_stage_label (i), c->counts[i]);
  if (c->needs_parts)
    {
      guint covered = gest_campaign_vehicles_covered (self->store, c->uuid, &error);

      if (error != NULL)
        covered_text = g_strdup (error->message);
      else
        /* Translators: how many of the affected vehicles the received parts cover (S3). */
        covered_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u of %u vehicle: only these can be called",
                                                     "%u of %u vehicles: only these can be called", total),
                                        MIN (covered, total), total);
    }
  else
    covered_text = g_strdup (_("Every vehicle: the campaign needs no parts"));
  add_row (self, self->vehicles_group, _("Covered by the Parts Received"), covered_text);
}

static void
fill_parts (GestCampaignDetail *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->parts, g_ptr_array_unref);
  self->parts = gest_campaign_parts_list (self->store, self->campaign_uuid, &error);
  if (self->parts == NULL)
    {
      add_row (self, self->parts_group, _("Parts Not Available"), error->message);
      return;
    }
  if (self->parts->len == 0)
    {
      /* Translators: %s is the board's column "Refacciones pendientes". */
      g_autofree char *text = g_strdup_printf (_("Add each part the campaign needs with “Add Part”: its vehicles wait in “%s” until it is received."),
                                               gest_campaign_stage_label (GEST_CAMPAIGN_PARTS_PENDING));

      add_row (self, self->parts_group, _("No parts requested"),
               self->campaign->needs_parts ? text : _("The campaign needs no parts."));
    }
  for (guint i = 0; i < self->parts->len; i++)
    {
      GestCampaignPart *part = g_ptr_array_index (self->parts, i);
      g_autofree char *title = NULL;
      g_autoptr(GString) text = g_string_new (gest_campaign_part_status_label (part->status));
      AdwActionRow *row;
      GtkWidget *button;

      title = part->description != NULL && *part->description != '\0'
              /* Translators: a part's row: its number and description. */
              ? g_strdup_printf (_("%s · %s"), part->part_number, part->description)
              : g_strdup (part->part_number);
      /* Translators: a part's quantities, after its status. */
      g_string_append_printf (text, _(" · %u per vehicle · %u requested · %u received"),
                              part->qty_per_vehicle, part->qty_requested, part->qty_received);
      if (part->expected_on != NULL && part->status != GEST_CAMPAIGN_PART_RECEIVED)
        {
          g_autofree char *day = day_text (part->expected_on);

          /* Translators: the day the parts area expects a part. */
          g_string_append_printf (text, _(" · expected %s"), day);
        }
      row = add_row (self, self->parts_group, title, text->str);
      button = gtk_button_new_with_mnemonic (_("_Update…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Follow the part: its status, the pieces received, the day expected"));
      g_object_set_data (G_OBJECT (button), "gest-part", part);
      g_signal_connect (button, "clicked", G_CALLBACK (update_part_clicked_cb), self);
      adw_action_row_add_suffix (row, button);
    }
}

static void
fill_reviews (GestCampaignDetail *self,
              gboolean           *reviewed_this_week)
{
  g_autoptr(GPtrArray) stamps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *week = gest_campaign_view_week_of (g_get_real_time ());

  *reviewed_this_week = FALSE;
  stamps = gest_campaign_view_list_reviews (self->store, self->campaign_uuid, &error);
  if (stamps == NULL)
    {
      add_row (self, self->reviews_group, _("Reviews Not Available"), error->message);
      return;
    }
  if (stamps->len == 0)
    add_row (self, self->reviews_group, _("Not reviewed yet"),
             _("Review the campaign every week with “Mark Reviewed”: its counts are kept with the stamp."));
  for (guint i = 0; i < stamps->len; i++)
    {
      GestCampaignReviewStamp *stamp = g_ptr_array_index (stamps, i);
      g_autofree char *when = gest_timestamp_format (stamp->reviewed_at);
      g_autofree char *title = NULL;
      g_autofree char *counts = stage_counts (stamp->n_affected, stamp->counts);
      g_autofree char *text = NULL;

      if (g_strcmp0 (stamp->week, week) == 0)
        *reviewed_this_week = TRUE;
      /* Translators: a review stamp: the ISO week, when and by whom. */
      title = g_strdup_printf (_("Week %s · %s · %s"), stamp->week, when, stamp->reviewer);
      text = stamp->note != NULL && *stamp->note != '\0' ? g_strdup_printf ("%s\n%s", counts, stamp->note)
                                                         : g_steal_pointer (&counts);
      add_row (self, self->reviews_group, title, text);
    }
}

static void
show_campaign (GestCampaignDetail *self)
{
  const GestCampaign *c = self->campaign;
  g_autofree char *week = gest_campaign_view_week_of (g_get_real_time ());
  g_autofree char *status_text = NULL;
  gboolean reviewed = FALSE;

  clear_rows (self);
  gest_record_detail_set_title (self->record, c->code);
  gest_record_detail_set_subtitle (self->record, gest_campaign_kind_label (c->kind));
  fill_fields (self);
  fill_vehicles (self);
  fill_parts (self);
  fill_reviews (self, &reviewed);
  if (c->closed_at != 0)
    {
      gest_record_detail_set_status (self->record, _("Closed"), _("The campaign is over: its vehicles are no longer called."));
      gtk_widget_set_visible (self->review_button, FALSE);
    }
  else if (reviewed)
    {
      /* Translators: %s is an ISO week, 2026-W49. */
      status_text = g_strdup_printf (_("Reviewed for week %s. Review it again next week."), week);
      gest_record_detail_set_status (self->record, _("Reviewed this week"), status_text);
      gtk_widget_set_visible (self->review_button, FALSE);
    }
  else
    {
      /* Translators: %s is an ISO week, 2026-W49. */
      status_text = g_strdup_printf (_("Not reviewed in week %s yet. Check its vehicles and parts, then mark it reviewed."), week);
      gest_record_detail_set_status (self->record, _("Weekly review due"), status_text);
      gtk_widget_set_visible (self->review_button, TRUE);
    }
  gest_record_detail_show_record (self->record);
}

static void
gest_campaign_detail_dispose (GObject *object)
{
  GestCampaignDetail *self = GEST_CAMPAIGN_DETAIL (object);

  g_clear_pointer ((GtkWidget **) &self->record, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaign_detail_parent_class)->dispose (object);
}

static void
gest_campaign_detail_finalize (GObject *object)
{
  GestCampaignDetail *self = GEST_CAMPAIGN_DETAIL (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->row_texts);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->campaign, gest_campaign_free);
  g_free (self->campaign_uuid);

  G_OBJECT_CLASS (gest_campaign_detail_parent_class)->finalize (object);
}

static void
gest_campaign_detail_class_init (GestCampaignDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_campaign_detail_dispose;
  object_class->finalize = gest_campaign_detail_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_campaign_detail_init (GestCampaignDetail *self)
{
  self->rows = g_ptr_array_new ();
  self->row_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
gest_campaign_detail_new (GestContext *context,
                          const char  *campaign_uuid)
{
  GestCampaignDetail *self;
  GtkWidget *button;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);

  self = g_object_new (GEST_TYPE_CAMPAIGN_DETAIL, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->campaign_uuid = g_strdup (campaign_uuid);
  self->record = GEST_RECORD_DETAIL (gest_record_detail_new (context, campaign_uuid));
  gtk_widget_set_parent (GTK_WIDGET (self->record), GTK_WIDGET (self));
  gest_record_detail_set_status_heading (self->record, _("Weekly Review"));

  self->review_button = gtk_button_new_with_mnemonic (_("_Mark Reviewed…"));
  gtk_widget_add_css_class (self->review_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->review_button, _("Stamp this week’s review with the campaign’s counts of this moment"));
  g_signal_connect_swapped (self->review_button, "clicked", G_CALLBACK (review_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, self->review_button);
  self->edit_button = gtk_button_new_with_mnemonic (_("_Edit…"));
  g_signal_connect_swapped (self->edit_button, "clicked", G_CALLBACK (edit_clicked_cb), self);
  gest_record_detail_add_status_action (self->record, self->edit_button);

  self->fields_group = add_group (self, _("Campaign"), NULL);
  self->vehicles_group = add_group (self, _("Vehicles"), _("The affected vehicles in each column of the board"));
  self->parts_group = add_group (self, _("Parts"),
                                 _("Requested from the parts area and followed until received"));
  button = gtk_button_new_with_mnemonic (_("_Add Part…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_part_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->parts_group, button);
  self->reviews_group = add_group (self, _("Review History"), _("Each week’s stamp with the counts of its moment"));

  gest_campaign_detail_reload (self);
  return GTK_WIDGET (self);
}

void
gest_campaign_detail_reload (GestCampaignDetail *self)
{
  g_autoptr(GError) error = NULL;
  GestCampaign *campaign;

  g_return_if_fail (GEST_IS_CAMPAIGN_DETAIL (self));

  campaign = gest_campaign_load (self->store, self->campaign_uuid, &error);
  g_clear_pointer (&self->campaign, gest_campaign_free);
  self->campaign = campaign;
  if (campaign == NULL)
    gest_record_detail_show_unavailable (self->record, _("Campaign Not Available"), error->message);
  else
    show_campaign (self);
  gest_timeline_reload (gest_record_detail_get_timeline (self->record));
}

gboolean
gest_campaign_detail_review (GestCampaignDetail *self,
                             const char         *note)
{
  ReviewData *review;

  g_return_val_if_fail (GEST_IS_CAMPAIGN_DETAIL (self), FALSE);

  if (self->reviewing)
    return FALSE;
  self->reviewing = TRUE;
  gtk_widget_set_sensitive (self->review_button, FALSE);
  review = g_new0 (ReviewData, 1);
  review->campaign_uuid = g_strdup (self->campaign_uuid);
  review->note = g_strstrip (g_strdup (note != NULL ? note : ""));
  review->now = g_get_real_time ();
  gest_store_write_async (self->store, review_func, review, review_data_free, NULL, reviewed_cb,
                          g_object_ref (self));
  return TRUE;
}

const char *
gest_campaign_detail_get_row_text (GestCampaignDetail *self,
                                   const char         *title)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_DETAIL (self), NULL);

  return g_hash_table_lookup (self->row_texts, title);
}

const char *
gest_campaign_detail_get_error (GestCampaignDetail *self,
                                const char         *part)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_DETAIL (self), NULL);

  if (g_strcmp0 (part, "status") == 0)
    return gest_record_detail_get_status_error (self->record);
  return NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-campaign-list.h"

struct _GestCampaignList
{
  GtkWidget            parent_instance;

  GtkWidget           *stack;          /* the only child: "list" or "empty" */
  AdwPreferencesGroup *reminder_group;
  AdwActionRow        *reminder_row;
  GtkListBox          *list;

  GestContext         *context;
  GestStore           *store;          /* the context's */
  char                *reminder;
  GHashTable          *row_texts;      /* code → subtitle */
};

G_DEFINE_FINAL_TYPE (GestCampaignList, gest_campaign_list, GTK_TYPE_WIDGET)

enum {
  CAMPAIGN_ACTIVATED,
  NEW_CAMPAIGN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "1,234 affected · 200 parts pending · 50 to contact · …": the board's counts in words. */
static char *
counts_text (const GestCampaign *campaign)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint total = 0;

  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    total += campaign->counts[i];
  /* Translators: the number of vehicles a campaign covers. */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u vehicle", "%u vehicles", total), total);
  for (guint i = 0; i < GEST_N_CAMPAIGN_STAGES; i++)
    {
      if (campaign->counts[i] == 0)
        continue;
      /* Translators: a count and a board column, "50 Por contactar". */
      g_string_append_printf (text, _(" · %u %s"), campaign->counts[i], gest_campaign_stage_label (i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
row_activated_cb (GestCampaignList *self,
                  GtkListBoxRow    *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "gest-campaign-uuid");

  if (uuid != NULL)
    g_signal_emit (self, signals[CAMPAIGN_ACTIVATED], 0, uuid);
}

static void
new_clicked_cb (GestCampaignList *self)
{
  g_signal_emit (self, signals[NEW_CAMPAIGN], 0);
}

static GtkWidget *
build_list (GestCampaignList *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Campaign"));
  GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

  self->reminder_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->reminder_group, _("Weekly Review"));
  self->reminder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->reminder_row), FALSE);
  adw_action_row_set_subtitle_lines (self->reminder_row, 0);
  adw_action_row_add_prefix (self->reminder_row, icon);
  adw_preferences_group_add (self->reminder_group, GTK_WIDGET (self->reminder_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Campaigns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Open a campaign to follow its vehicles, parts and weekly review."));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("Register a field action Ford announced, then import its VIN list"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reminder_group));
  gtk_box_append (GTK_BOX (box), group);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static GtkWidget *
build_empty (GestCampaignList *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Campaign"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "applications-engineering-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Campaigns Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Register the field action Ford announced with “New Campaign”, then import its VIN list: "
                                     "each affected vehicle becomes a card of the campaign’s board."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_clicked_cb), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
  return empty;
}

static void
gest_campaign_list_dispose (GObject *object)
{
  GestCampaignList *self = GEST_CAMPAIGN_LIST (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_campaign_list_parent_class)->dispose (object);
}

static void
gest_campaign_list_finalize (GObject *object)
{
  GestCampaignList *self = GEST_CAMPAIGN_LIST (object);

  g_free (self->reminder);
  g_hash_table_unref (self->row_texts);

  G_OBJECT_CLASS (gest_campaign_list_parent_class)->finalize (object);
}

static void
gest_campaign_list_class_init (GestCampaignListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_campaign_list_dispose;
  object_class->finalize = gest_campaign_list_finalize;

  signals[CAMPAIGN_ACTIVATED] = g_signal_new ("campaign-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NEW_CAMPAIGN] = g_signal_new ("new-campaign", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_campaign_list_init (GestCampaignList *self)
{
  self->row_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_stack_add_named (GTK_STACK (self->stack), build_list (self), "list");
  gtk_stack_add_named (GTK_STACK (self->stack), build_empty (self), "empty");
}

GtkWidget *
gest_campaign_list_new (GestContext *context)
{
  GestCampaignList *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_CAMPAIGN_LIST, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  gest_campaign_list_reload (self);
  return GTK_WIDGET (self);
}

static void
show_reminder (GestCampaignList *self,
               GPtrArray        *due)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  g_clear_pointer (&self->reminder, g_free);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      const GestCampaign *campaign = g_ptr_array_index (due, i);

      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, campaign->code);
    }
  if (codes->len > 0)
    {
      self->reminder = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: %s lists campaign codes. */
                                                     "Not reviewed this week: %s. Open it, check its vehicles and parts, and mark it reviewed.",
                                                     "Not reviewed this week: %s. Open each, check its vehicles and parts, and mark it reviewed.",
                                                     due->len),
                                        codes->str);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reminder_row), _("Weekly review due"));
      adw_action_row_set_subtitle (self->reminder_row, self->reminder);
      gtk_widget_add_css_class (GTK_WIDGET (self->reminder_row), "warning");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reminder_row), _("Every open campaign is reviewed this week"));
      adw_action_row_set_subtitle (self->reminder_row, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->reminder_row), "warning");
    }
}

guint
gest_campaign_list_reload (GestCampaignList *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GHashTable) due_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_val_if_fail (GEST_IS_CAMPAIGN_LIST (self), 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->row_texts);

  campaigns = gest_campaign_list (self->store, &error);
  if (campaigns == NULL)
    g_warning ("Cannot list the campaigns: %s", error->message);
  g_clear_error (&error);
  due = gest_campaign_reviews_due (self->store, g_get_real_time (), &error);
  if (due == NULL)
    g_warning ("Cannot list the campaigns due for review: %s", error->message);
  for (guint i = 0; due != NULL && i < due->len; i++)
    g_hash_table_add (due_uuids, ((GestCampaign *) g_ptr_array_index (due, i))->uuid);
  show_reminder (self, due);

  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      const GestCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *title = NULL;
      g_autofree char *counts = counts_text (campaign);
      g_autofree char *subtitle = NULL;
      const char *review;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge;

      /* Translators: a campaign's row: its code and kind, "24S12 · Llamado a revisión de seguridad". */
      title = g_strdup_printf (_("%s · %s"), campaign->code, gest_campaign_kind_label (campaign->kind));
      if (campaign->closed_at != 0)
        review = _("Closed");
      else if (g_hash_table_contains (due_uuids, campaign->uuid))
        review = _("Weekly review due");
      else
        review = _("Reviewed this week");
      /* Translators: a campaign's row: description, then counts, then its review. */
      subtitle = g_strdup_printf (_("%s\n%s"), campaign->description, counts);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      badge = gtk_label_new (review);
      gtk_widget_add_css_class (badge, "caption");
      if (campaign->closed_at == 0 && g_hash_table_contains (due_uuids, campaign->uuid))
        gtk_widget_add_css_class (badge, "warning");
      else
        gtk_widget_add_css_class (badge, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (badge), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (badge), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (badge), 16);
      gtk_label_set_justify (GTK_LABEL (badge), GTK_JUSTIFY_RIGHT);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "gest-campaign-uuid", g_strdup (campaign->uuid), g_free);
      gtk_list_box_append (self->list, row);
      g_hash_table_replace (self->row_texts, g_strdup (campaign->code),
                            g_strdup_printf ("%s · %s", counts, review));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reminder_group), campaigns != NULL && campaigns->len > 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    campaigns != NULL && campaigns->len > 0 ? "list" : "empty");
  return campaigns != NULL ? campaigns->len : 0;
}

const char *
gest_campaign_list_get_reminder (GestCampaignList *self)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_LIST (self), NULL);

  return self->reminder;
}

const char *
gest_campaign_list_get_row_text (GestCampaignList *self,
                                 const char       *code)
{
  g_return_val_if_fail (GEST_IS_CAMPAIGN_LIST (self), NULL);

  return g_hash_table_lookup (self->row_texts, code);
}
